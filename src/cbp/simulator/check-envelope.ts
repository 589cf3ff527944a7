import { splitSegments, type RawSegment } from '../../edi/index.js';

/**
 * CBP's first look at a transmission, before any business rule: one interchange holding one
 * functional group holding one transaction set (ISA–IEA, GS–GE, ST–SE once each), a fixed-width
 * ISA, and counts and control numbers that agree (X12.6: ISA13 = IEA02, GS06 = GE02,
 * ST02 = SE02, IEA01 groups, GE01 sets, SE01 segments from ST to SE). Each problem names the
 * segment, so the 997 can point at it (AK3), with the X12 syntax error code (AK304) and the
 * set (AK502) or group (AK905) error code.
 */
export interface EnvelopeProblem {
  readonly segmentId: string;
  /** Position in the transaction set (ST = 1), or in the interchange when outside the set. */
  readonly position: number;
  /** AK304: 1 unrecognised segment, 2 unexpected segment, 3 mandatory segment missing, 8 data element errors. */
  readonly segmentError: '1' | '2' | '3' | '8';
  /** AK502 (set level) or AK905 (group level) code. */
  readonly level: 'set' | 'group';
  readonly code: string;
  readonly reason: string;
}

export interface CheckedEnvelope {
  readonly kind: 'checked';
  /** ISA06 and ISA08, trimmed: who sent it and to whom the answers go back. */
  readonly sender: string;
  readonly receiver: string;
  readonly controlNumber: string;
  readonly functionalId: string;
  readonly groupControlNumber: string;
  readonly setId: string;
  readonly setControlNumber: string;
  /** Segments between ST and SE. */
  readonly body: readonly RawSegment[];
  readonly problems: readonly EnvelopeProblem[];
}

export type EnvelopeCheck =
  CheckedEnvelope | { readonly kind: 'unaddressable'; readonly reason: string };

/** ISA is 106 characters with its terminator (X12.6): 105 without it. */
const ISA_LENGTH = 105;
const KNOWN_SETS: Readonly<Record<string, string>> = { '309': 'AQ', '358': 'BD' };

export function checkEnvelope(text: string): EnvelopeCheck {
  const { segments, unreadable } = splitSegments(text);
  const isa = segments[0];
  if (isa?.id !== 'ISA') {
    return {
      kind: 'unaddressable',
      reason: unreadable[0]?.reason ?? 'the transmission does not start with an ISA segment',
    };
  }
  const problems: EnvelopeProblem[] = [];
  const problem = (
    s: RawSegment | undefined,
    fallbackId: string,
    segmentError: EnvelopeProblem['segmentError'],
    level: EnvelopeProblem['level'],
    code: string,
    reason: string,
  ) => {
    problems.push({
      segmentId: s?.id ?? fallbackId,
      position: s?.position ?? 0,
      segmentError,
      level,
      code,
      reason,
    });
  };
  for (const u of unreadable) {
    problems.push({
      segmentId: 'ISA',
      position: u.position,
      segmentError: '2',
      level: 'group',
      code: '6',
      reason: u.reason,
    });
  }
  if (isa.raw.length !== ISA_LENGTH) {
    problem(isa, 'ISA', '8', 'group', '6', `ISA is ${isa.raw.length + 1} characters, not 106`);
  }
  const count = (id: string) => segments.filter((s) => s.id === id);
  for (const id of ['ISA', 'GS', 'ST']) {
    const found = count(id);
    for (const extra of found.slice(1)) {
      problem(extra, id, '2', 'group', '5', `a second ${id}: one ${id} per transmission`);
    }
  }
  const gs = count('GS')[0];
  const ge = count('GE')[0];
  const st = count('ST')[0];
  const se = count('SE')[0];
  const iea = segments.at(-1);
  if (gs === undefined) problem(undefined, 'GS', '3', 'group', '3', 'GS missing');
  if (st === undefined) problem(undefined, 'ST', '3', 'set', '2', 'ST missing');
  if (se === undefined) problem(undefined, 'SE', '3', 'set', '2', 'SE missing');
  if (ge === undefined) problem(undefined, 'GE', '3', 'group', '3', 'GE missing');
  if (iea?.id !== 'IEA') problem(undefined, 'IEA', '3', 'group', '3', 'IEA missing');
  const el = (s: RawSegment | undefined, n: number) => s?.elements[n - 1] ?? '';
  const stIndex = st === undefined ? -1 : segments.indexOf(st);
  const seIndex = se === undefined ? -1 : segments.indexOf(se);
  const setLength = stIndex >= 0 && seIndex > stIndex ? seIndex - stIndex + 1 : 0;
  const inSet = (position: number) => (st === undefined ? position : position - st.position + 1);
  if (st !== undefined && se !== undefined) {
    if (el(se, 2) !== el(st, 2)) {
      problem(se, 'SE', '8', 'set', '3', `SE02 ${el(se, 2)} differs from ST02 ${el(st, 2)}`);
    }
    if (Number(el(se, 1)) !== setLength) {
      problem(
        se,
        'SE',
        '8',
        'set',
        '4',
        `SE01 says ${el(se, 1)} segments, the set has ${setLength}`,
      );
    }
  }
  if (gs !== undefined && ge !== undefined) {
    if (el(ge, 2) !== el(gs, 6)) {
      problem(ge, 'GE', '8', 'group', '4', `GE02 ${el(ge, 2)} differs from GS06 ${el(gs, 6)}`);
    }
    if (el(ge, 1) !== String(count('ST').length)) {
      problem(
        ge,
        'GE',
        '8',
        'group',
        '5',
        `GE01 says ${el(ge, 1)} sets, the group has ${count('ST').length}`,
      );
    }
  }
  if (iea?.id === 'IEA') {
    if (el(iea, 2) !== el(isa, 13)) {
      problem(
        iea,
        'IEA',
        '8',
        'group',
        '6',
        `IEA02 ${el(iea, 2)} differs from ISA13 ${el(isa, 13)}`,
      );
    }
    if (el(iea, 1) !== String(count('GS').length)) {
      problem(
        iea,
        'IEA',
        '8',
        'group',
        '5',
        `IEA01 says ${el(iea, 1)} groups, the interchange has ${count('GS').length}`,
      );
    }
  }
  const setId = el(st, 1);
  const expectedGroup = KNOWN_SETS[setId];
  if (st !== undefined && expectedGroup === undefined) {
    problem(
      st,
      'ST',
      '1',
      'set',
      '1',
      `transaction set ${setId} is not one CBP takes here (309, 358)`,
    );
  } else if (gs !== undefined && expectedGroup !== el(gs, 1)) {
    problem(
      gs,
      'GS',
      '8',
      'group',
      '1',
      `GS01 ${el(gs, 1)} is not the functional identifier of a ${setId} (${expectedGroup ?? '?'})`,
    );
  }
  return {
    kind: 'checked',
    sender: el(isa, 6).trim(),
    receiver: el(isa, 8).trim(),
    controlNumber: el(isa, 13),
    functionalId: el(gs, 1),
    groupControlNumber: el(gs, 6),
    setId,
    setControlNumber: el(st, 2),
    body: setLength > 0 ? segments.slice(stIndex + 1, seIndex) : [],
    problems: problems.map((p) =>
      (p.segmentId === 'SE' || p.segmentId === 'ST') && p.position > 0
        ? { ...p, position: inSet(p.position) }
        : p,
    ),
  };
}
