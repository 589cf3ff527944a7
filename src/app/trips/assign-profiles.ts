/**
 * assignProfiles(deps, actor, { tripId, expectedVersion, truckProfileId?, trailerProfileIds?,
 * driverProfileIds?, passengerProfileIds? }) → TripResult — dispatcher picks the truck,
 * trailers and crew from saved profiles. The profiles are COPIED into the trip document: a
 * later profile edit must not rewrite a trip that was already filed. A list given replaces
 * that part of the trip; a part not given is left alone.
 */
import { crewMemberOf, type Person, type Trailer, type Truck } from '../../domain/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import type { TripResult } from './support/trip-result.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound, staleVersion, validationFailed } from '../shared/errors.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import type { Repositories } from '../shared/ports/index.js';
import type { ProfileKind, ProfileRecord } from '../shared/records.js';
import { saveTripChange } from './support/save-trip-change.js';
import { storedTripFindings } from './support/stored-trip-findings.js';

export interface AssignProfilesInput {
  readonly tripId: string;
  readonly expectedVersion: number;
  readonly truckProfileId?: string | undefined;
  readonly trailerProfileIds?: readonly string[] | undefined;
  readonly driverProfileIds?: readonly string[] | undefined;
  readonly passengerProfileIds?: readonly string[] | undefined;
}

async function load(
  repos: Repositories,
  actor: Actor,
  ids: readonly string[] | undefined,
  kinds: readonly ProfileKind[],
  path: string,
): Promise<ProfileRecord[] | undefined> {
  if (ids === undefined) return undefined;
  const found: ProfileRecord[] = [];
  for (const [index, id] of ids.entries()) {
    const profile = await repos.profiles.findById(actor.companyId, id);
    if (profile === undefined) throw notFound('Profile');
    if (!kinds.includes(profile.kind)) {
      throw validationFailed('That profile cannot go there.', [
        {
          code: 'PROFILE_KIND_MISMATCH',
          severity: 'error',
          path: `${path}/${index}`,
          message: `"${profile.name}" is a ${profile.kind} profile; expected ${kinds.join(' or ')}.`,
        },
      ]);
    }
    found.push(profile);
  }
  return found;
}

const trucks = (profiles: ProfileRecord[]): Truck[] =>
  profiles.flatMap((p) => (p.kind === 'truck' ? [p.data] : []));
const trailers = (profiles: ProfileRecord[]): Trailer[] =>
  profiles.flatMap((p) => (p.kind === 'trailer' ? [p.data] : []));
// Drivers and passengers share one shape, so either profile kind can fill either list. A
// driver's e-mail is not part of the eManifest's crew: it stays with the profile.
const people = (profiles: ProfileRecord[]): Person[] =>
  profiles.flatMap((p): Person[] => {
    if (p.kind === 'passenger') return [p.data];
    return p.kind === 'driver' ? [crewMemberOf(p.data)] : [];
  });

export async function assignProfiles(
  deps: AppDeps,
  actor: Actor,
  input: AssignProfilesInput,
): Promise<TripResult> {
  requireEditor(actor);
  const { company, trip } = await deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const before = await tripOf(repos, actor, input.tripId);
    if (before.version !== input.expectedVersion)
      throw staleVersion('The trip', input.expectedVersion, before.version);
    const truck = await load(
      repos,
      actor,
      input.truckProfileId === undefined ? undefined : [input.truckProfileId],
      ['truck'],
      '/truckProfileId',
    );
    const trailerProfiles = await load(
      repos,
      actor,
      input.trailerProfileIds,
      ['trailer'],
      '/trailerProfileIds',
    );
    const drivers = await load(
      repos,
      actor,
      input.driverProfileIds,
      ['driver', 'passenger'],
      '/driverProfileIds',
    );
    const passengers = await load(
      repos,
      actor,
      input.passengerProfileIds,
      ['driver', 'passenger'],
      '/passengerProfileIds',
    );
    const document = {
      ...before.document,
      ...(truck === undefined ? {} : { truck: structuredClone(trucks(truck)[0]) }),
      ...(trailerProfiles === undefined
        ? {}
        : { trailers: structuredClone(trailers(trailerProfiles)) }),
      ...(drivers === undefined ? {} : { drivers: structuredClone(people(drivers)) }),
      ...(passengers === undefined ? {} : { passengers: structuredClone(people(passengers)) }),
    };
    const saved = await saveTripChange(repos, deps, actor, {
      before,
      expectedVersion: input.expectedVersion,
      action: 'assign-profiles',
      document,
    });
    return { company, trip: saved };
  });
  return { trip, issues: (await storedTripFindings(deps, company, trip)).issues };
}
