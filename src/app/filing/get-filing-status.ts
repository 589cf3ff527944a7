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
import { LIST_PAGE } from '../shared/page-size.js';
import type { FilingStatus, TransmissionState } from '../shared/ports/index.js';
import { historyEntryView, type HistoryEntryView } from './support/history-entry-view.js';
import { acknowledged, assessUnanswered } from './support/lost-interchanges.js';
import type { ExplainedReason } from './support/reject-explanations.js';

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

export async function getFilingStatus(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string },
): Promise<FilingStatusView> {
  return deps.store.transaction(
    async (repos) => {
      const company = await companyOf(repos, actor);
      const trip = await tripOf(repos, actor, input.tripId);
      // Statuses without what was sent or accepted, the latest history, the lists without
      // their interchanges' texts: a trip of 100,000 shipments read whole took 1.4 GB.
      const [states, latest, historyTotal, transmissions, archive, tripScns] = [
        await repos.filing.statuses(company.id, trip.id),
        await repos.filing.historyPage(company.id, trip.id, { limit: HISTORY_IN_VIEW }),
        await repos.filing.historyCount(company.id, trip.id),
        await repos.filing.listTransmissions(company.id, trip.id),
        await repos.filing.listArchive(company.id, trip.id),
        await repos.shipments.scnsOfTrip(company.id, trip.id),
      ];
      const tripState = states.find((s) => s.scn === '');
      const byScn = new Map(states.filter((s) => s.scn !== '').map((s) => [s.scn, s]));
      // Shipments of the trip never sent are drafts; those sent and since removed stay listed.
      const scns = [...new Set([...tripScns, ...byScn.keys()])].filter((scn) => scn !== '');
      // Whether CBP acknowledged the last sync reads the trip's own entries (its 997s), and
      // only while something waits on CBP.
      const unanswered = states.some((s) => s.status === 'transmitted')
        ? assessUnanswered(
            states,
            transmissions,
            acknowledged(await repos.filing.historyOf(company.id, trip.id, '')),
            deps.clock.now(),
          )
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
    },
    { readOnly: true },
  );
}
