/**
 * getFilingStatus(deps, actor, { tripId }) → FilingStatusView — any role: where the trip and
 * each shipment stand with CBP (draft → transmitted → accepted / rejected → entry on file →
 * arrived → released; cancelled), the latest history with CBP's reasons explained (the rest a
 * page at a time: list-filing-history.ts), the outbox rows
 * and the archived interchanges (downloadable one by one); and, while CBP has not even
 * acknowledged the last sync, when it may be sent again (support/lost-interchanges.ts).
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import { filingStatusView, type FilingStatusView } from './support/filing-status-view.js';

export {
  HISTORY_IN_VIEW,
  type ExplainedReason,
  type FilingStatusView,
  type HistoryEntryView,
} from './support/filing-status-view.js';

export async function getFilingStatus(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string },
): Promise<FilingStatusView> {
  return deps.store.transaction(
    async (repos) => {
      const company = await companyOf(repos, actor);
      const trip = await tripOf(repos, actor, input.tripId);
      return filingStatusView(repos, company.id, trip.id, deps.clock.now());
    },
    { readOnly: true },
  );
}
