import type { EdiEvent, EnvelopeInfo, UnreadableEvent } from './events.js';
import { read350 } from './read-350.js';
import { read355 } from './read-355.js';
import { read997 } from './read-997.js';
import { splitSegments, type RawSegment } from './split-segments.js';

/**
 * Reads what CBP sends back (997, 355, 350) into typed events, in the order they came. It never
 * throws and never drops: a segment out of place, an unknown transaction set, or an envelope
 * whose counts or control numbers disagree (X12.6: ISA13 = IEA02, GS06 = GE02, ST02 = SE02,
 * SE01 = segments from ST to SE) yields an `unreadable` event naming the segment's position.
 */
const flag = (s: RawSegment, reason: string): UnreadableEvent => ({
  kind: 'unreadable',
  position: s.position,
  raw: s.raw,
  reason,
});

function readSet(set: readonly RawSegment[], envelope: EnvelopeInfo): EdiEvent[] {
  const [st] = set;
  const body = set.slice(1, -1);
  switch (st?.elements[0]) {
    case '997': {
      const r = read997(body, envelope);
      return [...r.events, ...r.unreadable];
    }
    case '355': {
      const r = read355(body, envelope);
      return [...r.events, ...r.unreadable];
    }
    case '350': {
      const r = read350(body, envelope);
      return [...r.events, ...r.unreadable];
    }
    default:
      return set.map((s) =>
        flag(
          s,
          `transaction set ${st?.elements[0] ?? '?'} is not one this reader knows (997, 355, 350)`,
        ),
      );
  }
}

export function readX12(text: string): EdiEvent[] {
  const { segments, unreadable } = splitSegments(text);
  const events: EdiEvent[] = [...unreadable];
  let isa: RawSegment | undefined;
  let gs: RawSegment | undefined;
  let set: RawSegment[] | undefined;
  let groups = 0;
  let sets = 0;
  for (const s of segments) {
    switch (s.id) {
      case 'ISA':
        if (isa !== undefined) events.push(flag(isa, 'interchange without IEA'));
        isa = s;
        groups = 0;
        break;
      case 'GS':
        if (isa === undefined) events.push(flag(s, 'GS outside an interchange'));
        gs = s;
        sets = 0;
        groups++;
        break;
      case 'ST':
        if (gs === undefined) events.push(flag(s, 'ST outside a functional group'));
        set = [s];
        sets++;
        break;
      case 'SE': {
        if (set === undefined) {
          events.push(flag(s, 'SE without ST'));
          break;
        }
        set.push(s);
        const st = set[0];
        if (s.elements[1] !== st?.elements[1]) {
          events.push(
            flag(s, `SE02 ${s.elements[1] ?? ''} differs from ST02 ${st?.elements[1] ?? ''}`),
          );
        }
        if (Number(s.elements[0]) !== set.length) {
          events.push(
            flag(s, `SE01 says ${s.elements[0] ?? ''} segments, the set has ${set.length}`),
          );
        }
        const envelope: EnvelopeInfo = {
          interchangeControlNumber: isa?.elements[12] ?? '',
          groupControlNumber: gs?.elements[5] ?? '',
          transactionControlNumber: st?.elements[1] ?? '',
        };
        for (const event of readSet(set, envelope)) events.push(event);
        set = undefined;
        break;
      }
      case 'GE':
        if (gs !== undefined && s.elements[1] !== gs.elements[5]) {
          events.push(
            flag(s, `GE02 ${s.elements[1] ?? ''} differs from GS06 ${gs.elements[5] ?? ''}`),
          );
        }
        if (Number(s.elements[0]) !== sets) {
          events.push(flag(s, `GE01 says ${s.elements[0] ?? ''} sets, the group has ${sets}`));
        }
        gs = undefined;
        break;
      case 'IEA':
        if (gs !== undefined) events.push(flag(gs, 'functional group without GE'));
        gs = undefined;
        if (isa !== undefined && s.elements[1] !== isa.elements[12]) {
          events.push(
            flag(s, `IEA02 ${s.elements[1] ?? ''} differs from ISA13 ${isa.elements[12] ?? ''}`),
          );
        }
        if (Number(s.elements[0]) !== groups) {
          events.push(
            flag(s, `IEA01 says ${s.elements[0] ?? ''} groups, the interchange has ${groups}`),
          );
        }
        isa = undefined;
        break;
      default:
        if (set === undefined) events.push(flag(s, `segment ${s.id} outside a transaction set`));
        else set.push(s);
    }
  }
  if (set !== undefined) for (const s of set) events.push(flag(s, 'transaction set without SE'));
  // A file cut off after a set's SE still reads as whole sets: only the missing trailers say
  // that the interchange did not arrive whole (X12.6: every GS ends with GE, every ISA with IEA).
  if (gs !== undefined) events.push(flag(gs, 'functional group without GE (the text ends first)'));
  if (isa !== undefined) events.push(flag(isa, 'interchange without IEA (the text ends first)'));
  return events;
}
