/**
 * getFilingStatus(deps, actor, { tripId }) → FilingStatusView — any role: where the trip and
 * each shipment stand with CBP (draft → transmitted → accepted / rejected → entry on file →
 * arrived → released; cancelled), the history with CBP's reasons explained, the outbox rows
 * and the archived interchanges (downloadable one by one); and, while CBP has not even
 * acknowledged the last sync, when it may be sent again (support/lost-interchanges.ts).
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import type { FilingStatus, TransmissionState } from '../shared/ports/index.js';
import { assessUnanswered } from './support/lost-interchanges.js';
import { explainedReasons, type ExplainedReason } from './support/reject-explanations.js';

export type { ExplainedReason };

export interface FilingStatusView {
  readonly trip: { readonly status: FilingStatus; readonly updatedAt: string | null };
  readonly shipments: readonly {
    readonly scn: string;
    readonly status: FilingStatus;
    readonly updatedAt: string | null;
  }[];
  readonly history: readonly {
    readonly scn: string | null;
    readonly status: FilingStatus;
    readonly at: string;
    readonly detail: Readonly<Record<string, unknown>>;
    readonly reasons: readonly ExplainedReason[];
    readonly interchangeId: string | null;
  }[];
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
      const [states, history, transmissions, archive, tripScns] = [
        await repos.filing.states(company.id, trip.id),
        await repos.filing.history(company.id, trip.id),
        await repos.filing.listTransmissions(company.id, trip.id),
        await repos.filing.listArchive(company.id, trip.id),
        await repos.shipments.scnsOfTrip(company.id, trip.id),
      ];
      const tripState = states.find((s) => s.scn === '');
      const byScn = new Map(states.filter((s) => s.scn !== '').map((s) => [s.scn, s]));
      // Shipments of the trip never sent are drafts; those sent and since removed stay listed.
      const scns = [...new Set([...tripScns, ...byScn.keys()])].filter((scn) => scn !== '');
      return {
        trip: { status: tripState?.status ?? 'draft', updatedAt: tripState?.updatedAt ?? null },
        shipments: scns.map((scn) => ({
          scn,
          status: byScn.get(scn)?.status ?? 'draft',
          updatedAt: byScn.get(scn)?.updatedAt ?? null,
        })),
        history: history.map((h) => ({
          scn: h.scn === '' ? null : h.scn,
          status: h.status,
          at: h.at,
          detail: h.detail,
          reasons: explainedReasons(h.detail),
          interchangeId: h.archiveId,
        })),
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
        resendFrom: resendFrom(assessUnanswered(states, transmissions, history, deps.clock.now())),
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

function resendFrom(unanswered: ReturnType<typeof assessUnanswered>): string | null {
  return unanswered.kind === 'lost' || unanswered.kind === 'too-soon' ? unanswered.lostFrom : null;
}
