import {
  defaultEdiProfile,
  envelopeText,
  segment,
  setBody,
  type EdiProfile,
  type ResponseSetId,
  type Segment,
} from '../../edi/index.js';
import type { CheckedEnvelope } from './check-envelope.js';

/**
 * CBP's side of the conversation: 997, 355 and 350 interchanges, in the layouts our reader
 * expects (docs/edi.md: the 355 truck layout is an assumption), each in its own envelope
 * addressed back to the sender of what it answers.
 */
export interface Addressing {
  /** Our ID as CBP (ISA08 of what we received). */
  readonly from: string;
  /** The filer (ISA06 of what we received). */
  readonly to: string;
}

function mirroredProfile(base: EdiProfile, address: Addressing): EdiProfile {
  return {
    ...base,
    interchange: { ...base.interchange, senderId: address.from, receiverId: address.to },
    group: {
      ...base.group,
      applicationSenderCode: address.from,
      applicationReceiverCode: address.to,
    },
  };
}

export function answerText(
  setId: ResponseSetId,
  body: readonly Segment[],
  controlNumber: number,
  address: Addressing,
  now: Date,
  /** The envelope's layout: the filer's profile, mirrored. */
  profile: EdiProfile = defaultEdiProfile(),
): string {
  const numbers = { interchange: controlNumber, group: controlNumber, transaction: controlNumber };
  const mirrored = mirroredProfile(profile, address);
  return envelopeText(setId, setBody(body, mirrored), numbers, mirrored, now).text;
}

/** 997: AK1 the group, AK2/AK3/AK5 the set with each bad segment named, AK9 the group. */
export function body997(envelope: CheckedEnvelope): Segment[] {
  const accepted = envelope.problems.length === 0;
  const setCodes = [
    ...new Set(envelope.problems.filter((p) => p.level === 'set').map((p) => p.code)),
  ];
  const groupCodes = [
    ...new Set(envelope.problems.filter((p) => p.level === 'group').map((p) => p.code)),
  ];
  const out: Segment[] = [segment('AK1', [envelope.functionalId, envelope.groupControlNumber])];
  out.push(segment('AK2', [envelope.setId, envelope.setControlNumber]));
  for (const p of envelope.problems) {
    out.push(segment('AK3', [p.segmentId, String(p.position), '', p.segmentError]));
  }
  out.push(
    segment(
      'AK5',
      accepted ? ['A'] : ['R', ...(setCodes.length > 0 ? setCodes : ['5'])].slice(0, 6),
    ),
  );
  out.push(
    segment('AK9', [
      accepted ? 'A' : 'R',
      '1',
      '1',
      accepted ? '1' : '0',
      ...groupCodes.slice(0, 5),
    ]),
  );
  return out;
}

export interface Verdict {
  readonly accepted: boolean;
  readonly reasons: readonly string[];
}

export interface ManifestAnswer {
  readonly scac: string;
  readonly conveyance: string;
  readonly tripNumber: string;
  readonly manifestType: string;
  readonly port: string;
  readonly date: string;
  readonly trip: Verdict;
  readonly shipments: readonly (Verdict & { readonly scn: string })[];
  /** CBP's count line for a manifest with shipments. */
  readonly countLine: boolean;
}

/** 355 in the assumed truck layout: M10, P4, trip K1s, then LX/M11/K1 per shipment. */
export function body355(answer: ManifestAnswer): Segment[] {
  const out: Segment[] = [
    segment('M10', [
      answer.scac,
      'J',
      '',
      answer.conveyance,
      '',
      answer.tripNumber,
      '',
      '',
      answer.manifestType,
    ]),
  ];
  if (answer.port !== '') out.push(segment('P4', [answer.port, answer.date]));
  for (const reason of answer.trip.reasons) out.push(segment('K1', [reason]));
  if (answer.countLine) {
    const rejected = answer.shipments.filter((s) => !s.accepted).length;
    const accepted = answer.shipments.length - rejected;
    out.push(segment('K1', [`SHIPMENTS REJECTED ${rejected}, SHIPMENTS ACCEPTED ${accepted}`]));
  }
  answer.shipments.forEach((shipment, i) => {
    out.push(segment('LX', [String(i + 1)]));
    out.push(segment('M11', [shipment.scn]));
    for (const reason of shipment.reasons) out.push(segment('K1', [reason]));
  });
  return out;
}

export interface StatusLine {
  readonly scn: string;
  readonly code: string;
  readonly at: Date;
  readonly entryType?: string | undefined;
  readonly entryNumber?: string | undefined;
  readonly remark?: string | undefined;
}

const two = (n: number) => String(n).padStart(2, '0');

/** 350: M10 the trip, P4 the port, one X4 per status (dates UTC, CCYYMMDD and HHMM). */
export function body350(
  trip: { scac: string; conveyance: string; tripNumber: string; port: string },
  lines: readonly StatusLine[],
): Segment[] {
  const out: Segment[] = [
    segment('M10', [trip.scac, 'J', '', trip.conveyance, '', trip.tripNumber]),
  ];
  const first = lines[0]?.at;
  if (first !== undefined) out.push(segment('P4', [trip.port, ymd(first)]));
  for (const line of lines) {
    const time = `${two(line.at.getUTCHours())}${two(line.at.getUTCMinutes())}`;
    out.push(
      segment('X4', [
        line.scn,
        '',
        line.entryType ?? '',
        line.entryNumber ?? '',
        ymd(line.at),
        time,
        line.code,
        '',
        trip.scac,
      ]),
    );
    if (line.remark !== undefined) out.push(segment('K1', [line.remark]));
  }
  return out;
}

function ymd(at: Date): string {
  return `${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}`;
}
