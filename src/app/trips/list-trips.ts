/**
 * listTrips(deps, actor, { status?, text?, arrivalFrom?, arrivalTo?, cursor?, limit? }) →
 * Page<TripRecord> — newest first, keyset-paginated; dates are port-local `YYYY-MM-DD`.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { InputChecks, isDate } from '../shared/input-checks.js';
import type { TripFilter } from '../shared/ports/index.js';
import type { Page, PageRequest, TripRecord } from '../shared/records.js';

export async function listTrips(
  deps: AppDeps,
  actor: Actor,
  input: TripFilter & PageRequest,
): Promise<Page<TripRecord>> {
  new InputChecks()
    .check(
      input.arrivalFrom === undefined || isDate(input.arrivalFrom),
      'FILTER_DATE_FORMAT',
      '/arrivalFrom',
      'Use YYYY-MM-DD.',
    )
    .check(
      input.arrivalTo === undefined || isDate(input.arrivalTo),
      'FILTER_DATE_FORMAT',
      '/arrivalTo',
      'Use YYYY-MM-DD.',
    )
    .throwIfAny('Trip list');
  const { cursor, limit, ...filter } = input;
  return deps.store.transaction((repos) =>
    repos.trips.list(actor.companyId, filter, { cursor, limit }),
  );
}
