/**
 * The filing status view of one trip, as getFilingStatus and getFilingStatusIfChanged answer
 * it, read in the caller's transaction.
 */
import { LIST_PAGE } from '../../shared/page-size.js';
import type { FilingStatus, Repositories, TransmissionState } from '../../shared/ports/index.js';
import { historyEntryView, type HistoryEntryView } from './history-entry-view.js';
import { acknowledged, assessUnanswered } from './lost-interchanges.js';
import type { ExplainedReason } from './reject-explanations.js';

export type { ExplainedReason, HistoryEntryView };

/** The history entries the view carries, the latest; listFilingHistory pages the rest. */
export const HISTORY_IN_VIEW = LIST_PAGE.max;

export interface FilingStatusView {
  readonly trip: { readonly status: FilingStatus; readonly updatedAt: string | null };
  readonly shipments: readonly {
    readonly scn: string;
    readonly status: FilingStatus;
    readonly updatedAt: string | null;
  }[];
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
    readonly scns: readonly string[];
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
  // Statuses without what was sent or accepted, the latest history, the lists without
  // their interchanges' texts: a trip of 100,000 shipments read whole took 1.4 GB.
  const [states, latest, historyTotal, transmissions, archive, tripScns] = [
    await repos.filing.statuses(companyId, tripId),
    await repos.filing.historyPage(companyId, tripId, { limit: HISTORY_IN_VIEW }),
    await repos.filing.historyCount(companyId, tripId),
    await repos.filing.listTransmissions(companyId, tripId),
    await repos.filing.listArchive(companyId, tripId),
    await repos.shipments.scnsOfTrip(companyId, tripId),
  ];
  const tripState = states.find((s) => s.scn === '');
  const byScn = new Map(states.filter((s) => s.scn !== '').map((s) => [s.scn, s]));
  // Shipments of the trip never sent are drafts; those sent and since removed stay listed.
  const scns = [...new Set([...tripScns, ...byScn.keys()])].filter((scn) => scn !== '');
  // Whether CBP acknowledged the last sync reads the trip's own entries (its 997s), and
  // only while something waits on CBP.
  const unanswered = states.some((s) => s.status === 'transmitted')
    ? assessUnanswered(states, transmissions, await acknowledged(repos, companyId, tripId), now)
    : ({ kind: 'none' } as const);
  return {
    trip: { status: tripState?.status ?? 'draft', updatedAt: tripState?.updatedAt ?? null },
    shipments: scns.map((scn) => ({
      scn,
      status: byScn.get(scn)?.status ?? 'draft',
      updatedAt: byScn.get(scn)?.updatedAt ?? null,
    })),
    history: latest.items.map(historyEntryView).reverse(),
    historyTotal,
    historyCursor: latest.nextCursor,
    transmissions: transmissions.map((t) => ({
      id: t.id,
      setId: t.setId,
      purpose: t.purpose,
      controlNumber: t.controlNumber,
      scns: t.scns,
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
