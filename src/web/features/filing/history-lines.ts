/**
 * The filing history as a dispatcher reads it: what was sent to CBP, what CBP answered, and the
 * service's own notes, newest first.
 *
 * The API lists the history as recorded (docs/api.md, Filing with CBP), and its data is right:
 * a 997 is recorded with `status: "transmitted"` and `detail.event: "997"` (CBP received the
 * interchange; it changes no status), and every 355 says each shipment it names was accepted,
 * the 358's answer repeating what the 309's answer said. Shown as they come, that read as
 * "Trip · Transmitted" after "Trip · Accepted" (the 997s and 355s of one poll share its time,
 * in mailbox order) and each shipment "Accepted" twice. So here:
 * - each entry says in words which way it went ("Sent to CBP", "CBP answered", or a note of
 *   this service's), and a 997 says CBP received the interchange, without a status;
 * - entries of one moment go in the order things happen: what was sent, CBP's receipt (997),
 *   its answer (355), its later statuses (350);
 * - an answer that repeats, for the same trip or shipment, the status the answer just before
 *   gave, with no reason of its own, is not listed again (its interchange stays in the list of
 *   interchanges).
 */
import type { FilingStatus, FilingView } from './api/filing';

export type HistoryEntry = FilingView['history'][number];

export interface HistoryLine {
  readonly entry: HistoryEntry;
  /** What happened, in words: "Sent to CBP: 309 #1 (preliminary)", "CBP answered (355)". */
  readonly what: string;
  /** The status it left the trip or shipment in; none for a receipt (997), which changes none. */
  readonly status: FilingStatus | undefined;
}

/** Where a line goes among those of the same moment, in the order things happen. */
const STEP = { sent: 0, note: 1, '997': 2, '355': 3, '350': 4 } as const;

type Kind = keyof typeof STEP;

function kindOf(entry: HistoryEntry): Kind {
  const event = entry.detail.event;
  if (event === '997' || event === '355' || event === '350') return event;
  // A sync's entries: the trip's interchange (its set and purpose) or a shipment's action.
  if (typeof entry.detail.setId === 'string' || typeof entry.detail.action === 'string') {
    return 'sent';
  }
  // A mailbox refusal, an interchange taken as lost: the service's own words, not CBP's.
  return 'note';
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function describe(kind: Kind, entry: HistoryEntry): Omit<HistoryLine, 'entry'> {
  const { detail } = entry;
  const number = text(detail.controlNumber);
  switch (kind) {
    case 'sent':
      return {
        what:
          typeof detail.setId === 'string'
            ? `Sent to CBP: ${detail.setId} #${number} (${text(detail.purpose)})`
            : `Sent to CBP (${text(detail.action)})`,
        status: entry.status,
      };
    case '997':
      return detail.accepted === false
        ? {
            what: `CBP refused interchange #${number} (997)`,
            status: entry.status,
          }
        : {
            what: `CBP received interchange #${number} (997)`,
            status: undefined,
          };
    case '355':
      return { what: 'CBP answered (355)', status: entry.status };
    case '350':
      return {
        what: `CBP status notice (350)${detail.dispositionCode === undefined ? '' : `: ${text(detail.dispositionCode)}`}`,
        status: entry.status,
      };
    case 'note':
      return {
        what: number === '' ? 'Note' : `Note on interchange #${number}`,
        status: entry.status,
      };
  }
}

export function historyLines(history: readonly HistoryEntry[]): HistoryLine[] {
  // Oldest first: by time, then by step within one moment; otherwise as recorded (stable sort).
  const ordered = history
    .map((entry, recorded) => ({ entry, kind: kindOf(entry), recorded }))
    .sort(
      (a, b) =>
        a.entry.at.localeCompare(b.entry.at) ||
        STEP[a.kind] - STEP[b.kind] ||
        a.recorded - b.recorded,
    );
  const last = new Map<string, { kind: Kind; status: FilingStatus }>();
  const lines: HistoryLine[] = [];
  for (const { entry, kind } of ordered) {
    const key = entry.scn ?? '';
    const before = last.get(key);
    const repeats =
      kind === '355' &&
      before?.kind === '355' &&
      before.status === entry.status &&
      entry.reasons.length === 0;
    if (repeats) continue;
    // A receipt (997) says nothing of the trip's status: it does not break a repeat.
    if (kind !== '997' || entry.detail.accepted === false) {
      last.set(key, { kind, status: entry.status });
    }
    lines.push({ entry, ...describe(kind, entry) });
  }
  return lines.reverse();
}
