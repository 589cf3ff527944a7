/**
 * listFilingHistory(deps, actor, { tripId, cursor, limit }) → a page of the trip's filing
 * history, newest first — any role. The status view carries the latest entries; a trip of
 * 100,000 shipments gathers about half a million, read here a page at a time.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import type { Page, PageRequest } from '../shared/records.js';
import { historyEntryView, type HistoryEntryView } from './support/history-entry-view.js';

export async function listFilingHistory(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string } & PageRequest,
): Promise<Page<HistoryEntryView>> {
  return deps.store.transaction(
    async (repos) => {
      const company = await companyOf(repos, actor);
      const trip = await tripOf(repos, actor, input.tripId);
      const page = await repos.filing.historyPage(company.id, trip.id, input);
      return { items: page.items.map(historyEntryView), nextCursor: page.nextCursor };
    },
    { readOnly: true },
  );
}
