import type {
  AcknowledgedSet,
  AcknowledgmentEvent,
  EnvelopeInfo,
  SegmentError,
  UnreadableEvent,
} from './events.js';
import type { RawSegment } from './split-segments.js';

/**
 * 997 Functional Acknowledgment (ASC X12 004060): AK1 names our group, AK2…AK5 each set with
 * AK3/AK4 segment and element errors, AK9 the group's status. A (accepted) and E (accepted with
 * errors noted) count as accepted.
 */
const ACCEPTED = new Set(['A', 'E']);
const el = (s: RawSegment, n: number) => s.elements[n - 1] ?? '';

export function read997(
  body: readonly RawSegment[],
  envelope: EnvelopeInfo,
): { events: AcknowledgmentEvent[]; unreadable: UnreadableEvent[] } {
  const unreadable: UnreadableEvent[] = [];
  let functionalId = '';
  let groupControlNumber = '';
  let status = '';
  const sets: AcknowledgedSet[] = [];
  let current: { setId: string; controlNumber: string; errors: SegmentError[] } | undefined;
  for (const s of body) {
    switch (s.id) {
      case 'AK1':
        functionalId = el(s, 1);
        groupControlNumber = el(s, 2);
        break;
      case 'AK2':
        current = { setId: el(s, 1), controlNumber: el(s, 2), errors: [] };
        break;
      case 'AK3':
        current?.errors.push({
          segmentId: el(s, 1),
          position: el(s, 2),
          errorCode: el(s, 4),
          elements: [],
        });
        break;
      case 'AK4': {
        const last = current?.errors.at(-1);
        if (last === undefined) break;
        const element = { position: el(s, 1), errorCode: el(s, 3), badValue: s.elements[3] };
        current?.errors.splice(-1, 1, { ...last, elements: [...last.elements, element] });
        break;
      }
      case 'AK5':
        if (current !== undefined) {
          sets.push({
            setId: current.setId,
            controlNumber: current.controlNumber,
            status: el(s, 1),
            accepted: ACCEPTED.has(el(s, 1)),
            errorCodes: s.elements.slice(1).filter((code) => code !== ''),
            segmentErrors: current.errors,
          });
          current = undefined;
        }
        break;
      case 'AK9':
        status = el(s, 1);
        break;
      default:
        unreadable.push({
          kind: 'unreadable',
          position: s.position,
          raw: s.raw,
          reason: `segment ${s.id} is not part of a 997`,
        });
    }
  }
  const events: AcknowledgmentEvent[] = [
    {
      kind: 'acknowledgment',
      envelope,
      functionalId,
      groupControlNumber,
      status,
      accepted: ACCEPTED.has(status),
      sets,
    },
  ];
  return { events, unreadable };
}
