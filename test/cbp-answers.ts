import type { AppDeps, FilingStatus } from '../src/app/index.js';

/**
 * Stores the filing states CBP's answers leave for these shipments of a trip, as ingesting
 * a 355 does (src/app/filing/ingest-responses.ts), without a filing round: for tests of what
 * the paperwork shows of them.
 */
export async function cbpAnswered(
  deps: AppDeps,
  companyId: string,
  tripId: string,
  statuses: readonly (readonly [scn: string, status: FilingStatus])[],
): Promise<void> {
  await deps.store.transaction((repos) =>
    repos.filing.putStates(
      statuses.map(([scn, status]) => ({
        companyId,
        tripId,
        scn,
        status,
        accepted: null,
        sent: null,
        updatedAt: '2026-11-28T12:00:00.000Z',
      })),
    ),
  );
}
