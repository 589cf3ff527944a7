import type {
  EnvelopeInfo,
  ManifestResponseEvent,
  Reason,
  ShipmentOutcome,
  UnreadableEvent,
} from './events.js';
import type { RawSegment } from './split-segments.js';

/**
 * 355 Acceptance/Rejection Advisory. CBP's truck layout is not public; this reads the layout
 * docs/edi.md describes as an assumption: M10 names the trip (SCAC in M1001, trip number in
 * M1006, as in the 309), K1 remarks before the first LX are trip-level reasons, and each LX loop
 * names a shipment (M11-01 = SCN) followed by its K1 remarks. A scope is rejected when a reason
 * carries a numeric CBP error code ("157 FIRMS Code Required", "470 Inv Ctry of Orig for Shp",
 * CSMS #64825584) or a reject text CBP is known to send; otherwise it is accepted.
 */
const REJECT_TEXTS = [
  /already on file/i,
  /returned to preliminary/i,
  /\binv(alid)?\b/i,
  /no person in charge/i,
  /required/i,
  /\brejected\b(?! 0\b)/i,
  /not on file/i,
];

const el = (s: RawSegment, n: number) => s.elements[n - 1];

function reasonOf(s: RawSegment): Reason {
  const first = el(s, 1) ?? '';
  const second = el(s, 2);
  // "157 FIRMS CODE REQUIRED" in one element, or the code and the text apart.
  const joined = /^(\d{3})\s+(.+)$/.exec(first);
  if (joined !== null) return { code: joined[1], text: joined[2] ?? '' };
  if (second !== undefined && /^[A-Z0-9]{1,4}$/.test(first)) return { code: first, text: second };
  return {
    code: undefined,
    text: [first, second].filter((p) => p !== undefined && p !== '').join(' '),
  };
}

/** CBP's count of accepted and rejected shipments is news about shipments, not a trip reject. */
const COUNTS = /shipments rejected \d+,? shipments accepted \d+/i;

export function isRejection(reason: Reason): boolean {
  if (COUNTS.test(reason.text)) return false;
  if (reason.code !== undefined && /^\d{3}$/.test(reason.code)) return true;
  return REJECT_TEXTS.some((pattern) => pattern.test(reason.text));
}

export function read355(
  body: readonly RawSegment[],
  envelope: EnvelopeInfo,
): { events: ManifestResponseEvent[]; unreadable: UnreadableEvent[] } {
  const unreadable: UnreadableEvent[] = [];
  let scac: string | undefined;
  let tripNumber: string | undefined;
  const tripReasons: Reason[] = [];
  const shipments: { scn: string; reasons: Reason[] }[] = [];
  let inLoop = false;
  for (const s of body) {
    const current = shipments.at(-1);
    switch (s.id) {
      case 'M10':
        scac = el(s, 1);
        tripNumber = el(s, 6);
        break;
      case 'P4':
      case 'DTM':
        break;
      case 'LX':
        inLoop = true;
        shipments.push({ scn: '', reasons: [] });
        break;
      case 'M11':
        if (current !== undefined) current.scn = el(s, 1) ?? '';
        break;
      case 'K1':
        (inLoop && current !== undefined ? current.reasons : tripReasons).push(reasonOf(s));
        break;
      default:
        unreadable.push({
          kind: 'unreadable',
          position: s.position,
          raw: s.raw,
          reason: `segment ${s.id} is not part of a 355 as this reader knows it`,
        });
    }
  }
  const outcomes: ShipmentOutcome[] = shipments.map((shipment) => ({
    scn: shipment.scn,
    accepted: !shipment.reasons.some(isRejection),
    reasons: shipment.reasons,
  }));
  const trip =
    tripReasons.length === 0 && shipments.length > 0
      ? undefined
      : { accepted: !tripReasons.some(isRejection), reasons: tripReasons };
  return {
    events: [{ kind: 'manifest-response', envelope, scac, tripNumber, trip, shipments: outcomes }],
    unreadable,
  };
}
