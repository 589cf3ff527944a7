/**
 * Reads an interchange back with node-x12 in strict mode, an X12 parser written by others: it
 * throws on a wrong ISA length and on any count or control-number mismatch between ISA/IEA,
 * GS/GE and ST/SE. Returns what the tests compare.
 */
import { X12Parser, type X12Interchange } from 'node-x12';

export interface Readback {
  readonly isa13: string;
  readonly iea02: string;
  readonly gs06: string;
  readonly ge02: string;
  readonly st02: string;
  readonly se02: string;
  readonly se01: number;
  /** Segments between ST and SE, as tag and elements. */
  readonly body: readonly { tag: string; elements: string[] }[];
}

export function readBackStrictly(text: string): Readback {
  const interchange = new X12Parser(true).parse(text) as X12Interchange;
  if (interchange.functionalGroups.length !== 1) throw new Error('not one functional group');
  const group = interchange.functionalGroups[0];
  if (group?.transactions.length !== 1) throw new Error('not one transaction set');
  const set = group.transactions[0];
  if (set === undefined) throw new Error('no transaction set');
  const value = (segment: { elements: { value: string }[] }, n: number) =>
    segment.elements[n - 1]?.value ?? '';
  return {
    isa13: value(interchange.header, 13),
    iea02: value(interchange.trailer, 2),
    gs06: value(group.header, 6),
    ge02: value(group.trailer, 2),
    st02: value(set.header, 2),
    se02: value(set.trailer, 2),
    se01: Number(value(set.trailer, 1)),
    body: set.segments.map((segment) => ({
      tag: segment.tag,
      elements: segment.elements.map((element) => element.value),
    })),
  };
}
