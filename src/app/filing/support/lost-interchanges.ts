/**
 * An interchange CBP never acknowledged. CBP answers every interchange it receives with a 997
 * within seconds (the functional acknowledgement: envelope and syntax), then a 355 with its
 * decision, usually within a minute or two (docs/edi.md). An interchange sent half an hour ago
 * without a 997 did not reach CBP: lost on the way (a mailbox or network fault). The
 * dispatcher may then send again: what it was to file is taken as not filed (the states it
 * left "transmitted" are set back to "rejected", what CBP accepted before kept), and the sync
 * plans the messages again. One acknowledged by a 997 did reach CBP and is never resent: its
 * 355 is still to come.
 */
import { AppError } from '../../shared/errors.js';
import type {
  FilingHistoryEntry,
  FilingState,
  FilingStatusOf,
  Repositories,
  TransmissionSummary,
} from '../../shared/ports/index.js';

/** How long after sending an interchange without a 997 it is taken as lost. */
export const LOST_AFTER_MINUTES = 30;

type Standing = Pick<FilingStatusOf, 'scn' | 'status'>;

/**
 * The trip and shipment states among `waiting` that wait on `transmission` (the trip's own
 * state waits on a 358). Its SCNs are looked up in a set: a 100,000-shipment sync's 309 and
 * 358 each list every SCN, and a search of the list per state took 130 s of the event loop
 * for every filing status read while CBP had not answered.
 */
function waitingOn<S extends Standing>(
  transmission: TransmissionSummary,
  waiting: readonly S[],
): S[] {
  const scns = new Set(transmission.scns);
  return waiting.filter((state) =>
    state.scn === '' ? transmission.setId === '358' : scns.has(state.scn),
  );
}

/**
 * The control numbers of the interchanges of the trip CBP acknowledged: its 997s, recorded on
 * the trip's own row, read without the shipments' entries (index of migration 0020).
 */
export async function acknowledged(
  repos: Repositories,
  companyId: string,
  tripId: string,
): Promise<Set<number>> {
  const numbers = new Set<number>();
  for (const entry of await repos.filing.historyOf(companyId, tripId, '')) {
    const { event, controlNumber, accepted } = entry.detail as {
      event?: unknown;
      controlNumber?: unknown;
      accepted?: unknown;
    };
    if (event === '997' && accepted === true && typeof controlNumber === 'number')
      numbers.add(controlNumber);
  }
  return numbers;
}

/** What the trip's unanswered interchanges are, for a resend: see assessUnanswered. */
export type Unanswered<S extends Standing = Standing> =
  | { readonly kind: 'none' }
  | { readonly kind: 'acknowledged'; readonly controlNumber: number }
  | {
      readonly kind: 'too-soon' | 'lost';
      /** When they count as lost: LOST_AFTER_MINUTES after the last was sent. */
      readonly lostFrom: string;
      readonly controlNumber: number;
      readonly interchanges: readonly {
        readonly transmission: TransmissionSummary;
        readonly states: readonly S[];
      }[];
    };

/**
 * The interchanges the trip's "transmitted" states wait on, and whether they may be sent
 * again at `now`. A sync is refused while anything is unanswered, so what waits was sent by
 * the last sync: its interchanges, queued in one transaction, share their creation time.
 */
export function assessUnanswered<S extends Standing>(
  states: readonly S[],
  transmissions: readonly TransmissionSummary[],
  answered: ReadonlySet<number>,
  now: Date,
): Unanswered<S> {
  const waiting = states.filter((state) => state.status === 'transmitted');
  const sent = transmissions.filter((t) => t.state === 'sent');
  const lastSync = sent.reduce((last, t) => (t.createdAt > last ? t.createdAt : last), '');
  const interchanges = sent
    .filter((t) => t.createdAt === lastSync)
    .map((transmission) => ({
      transmission,
      states: waitingOn(transmission, waiting),
    }))
    .filter((entry) => entry.states.length > 0);
  if (interchanges.length === 0 || transmissions.some((t) => t.state === 'pending')) {
    return { kind: 'none' };
  }
  const heard = interchanges.find((entry) => answered.has(entry.transmission.controlNumber));
  if (heard !== undefined) {
    return { kind: 'acknowledged', controlNumber: heard.transmission.controlNumber };
  }
  const last = interchanges.reduce((a, b) =>
    (a.transmission.sentAt ?? '') >= (b.transmission.sentAt ?? '') ? a : b,
  ).transmission;
  const lostFrom = new Date(
    Date.parse(last.sentAt ?? last.createdAt) + LOST_AFTER_MINUTES * 60_000,
  ).toISOString();
  return {
    kind: now.toISOString() >= lostFrom ? 'lost' : 'too-soon',
    lostFrom,
    controlNumber: last.controlNumber,
    interchanges,
  };
}

const refused = (code: string, message: string) =>
  new AppError('INVALID_STATE', message, [{ code, severity: 'error', path: '', message }]);

/**
 * Takes the trip's unanswered interchanges as lost, or refuses: FILING_RESEND_ACKNOWLEDGED
 * when CBP acknowledged one (its answer is still to come), FILING_RESEND_TOO_SOON before
 * LOST_AFTER_MINUTES have passed since the last was sent. Writes the states and a history
 * entry per interchange, and answers the trip's states as they now are.
 */
export async function takeAsLost(
  repos: Repositories,
  trip: { readonly companyId: string; readonly id: string },
  states: readonly FilingState[],
  transmissions: readonly TransmissionSummary[],
  now: Date,
): Promise<readonly FilingState[]> {
  if (!states.some((state) => state.status === 'transmitted')) return states;
  const companyId = trip.companyId;
  const tripId = trip.id;
  const unanswered = assessUnanswered(
    states,
    transmissions,
    await acknowledged(repos, companyId, tripId),
    now,
  );
  if (unanswered.kind === 'none') return states;
  if (unanswered.kind === 'acknowledged') {
    throw refused(
      'FILING_RESEND_ACKNOWLEDGED',
      `CBP acknowledged interchange ${unanswered.controlNumber} (997) and has not answered it yet: it reached CBP, so it is not sent again. Its answer (355) is still to come.`,
    );
  }
  if (unanswered.kind === 'too-soon') {
    const minutes = Math.ceil((Date.parse(unanswered.lostFrom) - now.getTime()) / 60_000);
    throw refused(
      'FILING_RESEND_TOO_SOON',
      `Interchange ${unanswered.controlNumber} was sent less than ${LOST_AFTER_MINUTES} minutes ago; CBP usually answers within 2. It may be sent again in ${minutes} minute${minutes === 1 ? '' : 's'} if CBP has not acknowledged it by then.`,
    );
  }
  const at = now.toISOString();
  const changed = new Map<string, FilingState>();
  const history: FilingHistoryEntry[] = [];
  for (const { transmission, states: ofIt } of unanswered.interchanges) {
    // A shipment is named by its 309 and by the 358 that links it: changed once.
    for (const state of ofIt) {
      changed.set(state.scn, { ...state, status: 'rejected', sent: null, updatedAt: at });
    }
    history.push({
      companyId,
      tripId,
      scn: '',
      status: 'rejected',
      at,
      detail: {
        event: 'no-answer',
        controlNumber: transmission.controlNumber,
        reasons: [
          {
            code: null,
            text: `CBP sent no acknowledgement (997) of interchange ${transmission.controlNumber} within ${LOST_AFTER_MINUTES} minutes: taken as lost and sent again.`,
          },
        ],
      },
      archiveId: null,
    });
  }
  await repos.filing.putStates([...changed.values()]);
  await repos.filing.appendHistory(history);
  return states.map((state) => changed.get(state.scn) ?? state);
}
