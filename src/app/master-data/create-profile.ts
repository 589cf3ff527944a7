/**
 * createProfile(deps, actor, { kind, name, data }) → ProfileRecord — dispatcher saves a
 * truck, trailer, driver or passenger to reuse on trips (assignProfiles copies it in; a
 * driver's e-mail stays with the profile, for alerts and the lead sheet).
 */
import {
  driverProfileSchema,
  personSchema,
  trailerSchema,
  truckSchema,
  type DriverProfile,
} from '../../domain/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import { createBookRecord, type BookRecordType } from './support/book-records.js';
import { checkBookTexts } from './support/book-texts.js';
import type { AppDeps } from '../shared/deps.js';
import { InputChecks, isEmail, recordName } from '../shared/input-checks.js';
import { parseInput } from '../shared/parse-input.js';
import type { ProfileKind, ProfileRecord } from '../shared/records.js';

export interface ProfileInput {
  readonly kind: ProfileKind;
  /** What the dispatcher picks it by: "Unit 101", "Jean Tremblay". */
  readonly name: string;
  /** A Truck, Trailer or Person (checked here against the kind's schema). */
  readonly data: unknown;
}

/** A driver profile; its e-mail (alerts, the lead sheet) is trimmed and checked when given. */
function driverProfile(data: unknown): DriverProfile {
  const parsed = parseInput(driverProfileSchema, data, 'Driver', '/data');
  const email = parsed.email?.trim();
  if (email === undefined || email === '') {
    const { email: _blank, ...person } = parsed;
    return person;
  }
  new InputChecks()
    .check(
      isEmail(email),
      'PROFILE_EMAIL_INVALID',
      '/data/email',
      'Give one e-mail address, name@example.com.',
    )
    .throwIfAny('Driver');
  return { ...parsed, email };
}

/** Builds the record for a kind; its name and data are checked, their texts against CBP's bounds. */
export function profileRecord(
  base: Omit<ProfileRecord, 'kind' | 'data' | 'name'>,
  input: ProfileInput,
): ProfileRecord {
  const record = profileOfKind(base, input);
  checkBookTexts({ name: record.name, data: record.data }, '', 'Profile');
  return record;
}

function profileOfKind(
  base: Omit<ProfileRecord, 'kind' | 'data' | 'name'>,
  input: ProfileInput,
): ProfileRecord {
  const name = recordName(input.name, {
    code: 'PROFILE_NAME',
    what: 'Profile',
    noun: 'profile',
    max: 200,
  });
  const common = { ...base, name };
  switch (input.kind) {
    case 'truck':
      return {
        ...common,
        kind: 'truck',
        data: parseInput(truckSchema, input.data, 'Truck', '/data'),
      };
    case 'trailer':
      return {
        ...common,
        kind: 'trailer',
        data: parseInput(trailerSchema, input.data, 'Trailer', '/data'),
      };
    case 'driver':
      return { ...common, kind: 'driver', data: driverProfile(input.data) };
    case 'passenger':
      return {
        ...common,
        kind: 'passenger',
        data: parseInput(personSchema, input.data, 'Person', '/data'),
      };
  }
}

/** Where profiles live and how one is built: the shared life cycle is in book-records.ts. */
export const PROFILE_RECORDS: BookRecordType<ProfileRecord, ProfileInput> = {
  entityType: 'profile',
  noun: 'Profile',
  store: (repos) => repos.profiles,
  build: profileRecord,
};

export async function createProfile(
  deps: AppDeps,
  actor: Actor,
  input: ProfileInput,
): Promise<ProfileRecord> {
  requireEditor(actor);
  return await createBookRecord(PROFILE_RECORDS, deps, actor, input);
}
