/**
 * The filing status view of one trip, as getFilingStatus and getFilingStatusIfChanged answer
 * it, read in the caller's transaction.
 */
import { LIST_PAGE } from '../../shared/page-size.js';
import { FILING_STATUSES } from '../../shared/ports/filing-repositories.js';
import type {
  FilingStatus,
  FilingStatusCount,
  Repositories,
  ShipmentFilingStatus,
  TransmissionState,
} from '../../shared/ports/index.js';
import { historyEntryView, type HistoryEntryView } from './history-entry-view.js';
import { acknowledged, assessUnanswered } from './lost-interchanges.js';
import type { ExplainedReason } from './reject-explanations.js';

export type { ExplainedReason, HistoryEntryView };

/** The history entries the view carries, the latest; listFilingHistory pages the rest. */
export const HISTORY_IN_VIEW = LIST_PAGE.max;

/** The shipments the view carries, the first; listFilingShipments pages the rest. */
export const SHIPMENTS_IN_VIEW = LIST_PAGE.max;

export interface FilingStatusView {
  readonly trip: { readonly status: FilingStatus; readonly updatedAt: string | null };
  /**
   * The first SHIPMENTS_IN_VIEW shipments (listFilingShipments pages the rest, or those in one
   * status): each on the trip in its order, a draft until first sent, then those sent and since
   * taken off it.
   */
  readonly shipments: readonly ShipmentFilingStatus[];
  /** listFilingShipments' cursor for the shipments after `shipments`; null when it holds them all. */
  readonly shipmentsCursor: string | null;
  /** How many shipments `shipments` and its next pages list in all. */
  readonly shipmentTotal: number;
  /** How many stand in each status, in the order of the filing's life cycle. */
  readonly shipmentCounts: readonly FilingStatusCount[];
  /** The latest HISTORY_IN_VIEW entries, oldest first (as recorded). */
  readonly history: readonly HistoryEntryView[];
  /** How many entries the whole history holds. */
  readonly historyTotal: number;
  /** listFilingHistory's cursor for the entries before `history`; null when it holds them all. */
  readonly historyCursor: string | null;
  readonly transmissions: readonly {
    readonly id: string;
    readonly setId: string;
    readonly purpose: string;
    readonly controlNumber: number;
    /**
     * How many shipments it carries: the SCNs themselves are in the interchange and in each
     * shipment's history (two lists of 100,000 were 3.4 MB of a big trip's view).
     */
    readonly shipmentCount: number;
    readonly state: TransmissionState;
    readonly attempts: number;
    readonly lastError: string | null;
    readonly sentAt: string | null;
  }[];
  /**
   * When CBP has acknowledged nothing of the last sync (no 997): from when it may be sent
   * again (sync with resend), past or future; null otherwise.
   */
  readonly resendFrom: string | null;
  readonly interchanges: readonly {
    readonly id: string;
    readonly direction: 'out' | 'in';
    readonly setId: string | null;
    readonly controlNumber: string | null;
    readonly at: string;
    readonly problem: string | null;
  }[];
}

/** Reads the view; `now` decides whether an unanswered sync may be sent again. */
export async function filingStatusView(
  repos: Repositories,
  companyId: string,
  tripId: string,
  now: Date,
): Promise<FilingStatusView> {
  // The trip's own status, a page of its shipments' and the count in each status, the latest
  // history, the lists without their interchanges' texts: a trip of 100,000 shipments read
  // whole took 1.4 GB, and its statuses all in one view 12 MB of JSON.
  const [tripStates, firstShipments, counts, latest, historyTotal, transmissions, archive] = [
    await repos.filing.statuses(companyId, tripId, { scn: '' }),
    await repos.filing.shipmentStatusPage(companyId, tripId, { limit: SHIPMENTS_IN_VIEW }),
    await repos.filing.shipmentStatusCounts(companyId, tripId),
    await repos.filing.historyPage(companyId, tripId, { limit: HISTORY_IN_VIEW }),
    await repos.filing.historyCount(companyId, tripId),
    await repos.filing.listTransmissions(companyId, tripId),
    await repos.filing.listArchive(companyId, tripId),
  ];
  const tripState = tripStates[0];
  // Whether CBP acknowledged the last sync reads the states waiting on CBP and the trip's own
  // entries (its 997s), and only while something waits.
  const waiting =
    tripState?.status === 'transmitted' || counts.some((c) => c.status === 'transmitted')
      ? await repos.filing.statuses(companyId, tripId, { status: 'transmitted' })
      : [];
  const unanswered =
    waiting.length > 0
      ? assessUnanswered(waiting, transmissions, await acknowledged(repos, companyId, tripId), now)
      : ({ kind: 'none' } as const);
  return {
    trip: { status: tripState?.status ?? 'draft', updatedAt: tripState?.updatedAt ?? null },
    shipments: firstShipments.items,
    shipmentsCursor: firstShipments.nextCursor,
    shipmentTotal: counts.reduce((sum, c) => sum + c.count, 0),
    shipmentCounts: inLifeCycleOrder(counts),
    history: latest.items.map(historyEntryView).reverse(),
    historyTotal,
    historyCursor: latest.nextCursor,
    transmissions: transmissions.map((t) => ({
      id: t.id,
      setId: t.setId,
      purpose: t.purpose,
      controlNumber: t.controlNumber,
      shipmentCount: t.scns.length,
      state: t.state,
      attempts: t.attempts,
      lastError: t.lastError,
      sentAt: t.sentAt,
    })),
    resendFrom:
      unanswered.kind === 'lost' || unanswered.kind === 'too-soon' ? unanswered.lostFrom : null,
    interchanges: archive.map((a) => ({
      id: a.id,
      direction: a.direction,
      setId: a.setId,
      controlNumber: a.controlNumber,
      at: a.at,
      problem: a.problem,
    })),
  };
}

function inLifeCycleOrder(counts: readonly FilingStatusCount[]): FilingStatusCount[] {
  const place = (status: FilingStatus) => FILING_STATUSES.indexOf(status);
  return [...counts].sort((a, b) => place(a.status) - place(b.status));
}
