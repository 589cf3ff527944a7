/**
 * createProfile(deps, actor, { kind, name, data }) → ProfileRecord — dispatcher saves a
 * truck, trailer, driver or passenger to reuse on trips (assignProfiles copies it in).
 */
import { personSchema, trailerSchema, truckSchema } from '../domain/index.js';
import { requireEditor, type Actor } from './actor.js';
import { recordChange } from './audit.js';
import type { AppDeps } from './deps.js';
import { InputChecks } from './input-checks.js';
import { parseInput } from './parse-input.js';
import type { ProfileKind, ProfileRecord } from './records.js';

export interface ProfileInput {
  readonly kind: ProfileKind;
  /** What the dispatcher picks it by: "Unit 101", "Jean Tremblay". */
  readonly name: string;
  /** A Truck, Trailer or Person (checked here against the kind's schema). */
  readonly data: unknown;
}

export function profileRecord(
  base: Omit<ProfileRecord, 'kind' | 'data' | 'name'>,
  input: ProfileInput,
): ProfileRecord {
  const name = input.name.trim();
  new InputChecks()
    .check(
      name !== '' && name.length <= 200,
      'PROFILE_NAME',
      '/name',
      'Name the profile (up to 200 characters).',
    )
    .throwIfAny('Profile');
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
    case 'passenger':
      return {
        ...common,
        kind: input.kind,
        data: parseInput(personSchema, input.data, 'Person', '/data'),
      };
  }
}

export async function createProfile(
  deps: AppDeps,
  actor: Actor,
  input: ProfileInput,
): Promise<ProfileRecord> {
  requireEditor(actor);
  const now = deps.clock.now().toISOString();
  const record = profileRecord(
    {
      id: deps.ids.newId(),
      companyId: actor.companyId,
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
    input,
  );
  return deps.store.transaction(async (repos) => {
    await repos.profiles.insert(record);
    await recordChange(repos, deps, actor, {
      entityType: 'profile',
      entityId: record.id,
      action: 'create',
      after: record,
    });
    return record;
  });
}
