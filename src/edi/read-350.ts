import { findDispositionCode } from './disposition-codes.js';
import type { EnvelopeInfo, StatusEvent, UnreadableEvent } from './events.js';
import type { RawSegment } from './split-segments.js';

/**
 * 350 Customs Status Information (ASC X12 004060, CBP header version 004060USCBP): M10 names the
 * trip, P4 the port, and each X4 is one status of one shipment: X4-01 SCN, X4-03/04 entry type
 * and number, X4-05/06 date and time, X4-07 disposition code, X4-09 SCAC. K1 remarks after an X4
 * belong to it. V9, VEH, NM1, VID and M7 describe the conveyance and are passed over.
 */
const el = (s: RawSegment, n: number) => {
  const value = s.elements[n - 1];
  return value === undefined || value === '' ? undefined : value;
};
const CONTEXT = new Set(['V9', 'VEH', 'NM1', 'VID', 'M7', 'DTM', 'N9']);

export function read350(
  body: readonly RawSegment[],
  envelope: EnvelopeInfo,
): { events: StatusEvent[]; unreadable: UnreadableEvent[] } {
  const unreadable: UnreadableEvent[] = [];
  const events: StatusEvent[] = [];
  let scac: string | undefined;
  let tripNumber: string | undefined;
  let port: string | undefined;
  for (const s of body) {
    if (s.id === 'M10') {
      scac = el(s, 1);
      tripNumber = el(s, 6);
    } else if (s.id === 'P4') {
      port = el(s, 1);
    } else if (s.id === 'X4') {
      const scn = el(s, 1);
      const code = el(s, 7);
      if (scn === undefined || code === undefined) {
        unreadable.push({
          kind: 'unreadable',
          position: s.position,
          raw: s.raw,
          reason: 'X4 without an SCN (X4-01) or a disposition code (X4-07)',
        });
        continue;
      }
      events.push({
        kind: 'status',
        envelope,
        scac: el(s, 9) ?? scac,
        tripNumber,
        port,
        scn,
        dispositionCode: code,
        disposition: findDispositionCode(code),
        entryType: el(s, 3),
        entryNumber: el(s, 4),
        date: el(s, 5),
        time: el(s, 6),
        remarks: [],
      });
    } else if (s.id === 'K1') {
      const last = events.at(-1);
      const remark = s.elements.filter((e) => e !== '').join(' ');
      if (last === undefined) {
        unreadable.push({
          kind: 'unreadable',
          position: s.position,
          raw: s.raw,
          reason: 'K1 remark before any X4 status',
        });
      } else {
        events[events.length - 1] = { ...last, remarks: [...last.remarks, remark] };
      }
    } else if (!CONTEXT.has(s.id)) {
      unreadable.push({
        kind: 'unreadable',
        position: s.position,
        raw: s.raw,
        reason: `segment ${s.id} is not part of a 350 as this reader knows it`,
      });
    }
  }
  return { events, unreadable };
}
