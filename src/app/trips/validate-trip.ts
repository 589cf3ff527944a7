/**
 * validateTrip(deps, actor, { tripId, now? }) → { issues, shipmentIds } — the whole trip with
 * all its shipments through the rule engine, at `now` (default: the clock), and the id of each
 * shipment an issue's path names (`/shipments/3/…` → shipmentIds["3"]), so a client that has
 * not loaded every shipment can still link a problem to its shipment. Any role. The shipments
 * are read a page at a time (support/stored-trip-findings.ts): a 100,000-shipment trip is
 * never held whole.
 */
import { inShipment, type Issue } from '../../domain/index.js';
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import { storedTripFindings } from './support/stored-trip-findings.js';

export async function validateTrip(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly now?: Date | undefined },
): Promise<{ issues: readonly Issue[]; shipmentIds: Readonly<Record<string, string>> }> {
  const { company, trip } = await deps.store.transaction(
    async (repos) => ({
      company: await companyOf(repos, actor),
      trip: await tripOf(repos, actor, input.tripId),
    }),
    { readOnly: true },
  );
  const findings = await storedTripFindings(deps, company, trip, input.now ?? deps.clock.now());
  const shipmentIds: Record<string, string> = {};
  for (const issue of findings.issues) {
    const index = inShipment(issue.path)?.index;
    const id = index === undefined ? undefined : findings.shipmentIds[index];
    if (index !== undefined && id !== undefined) shipmentIds[String(index)] = id;
  }
  return { issues: findings.issues, shipmentIds };
}
