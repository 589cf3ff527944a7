import type { UnreadableEvent } from './events.js';

/**
 * Cuts X12 text into segments using the delimiters each ISA declares (X12.6: the element
 * separator is the 4th character of ISA, the sub-element separator is ISA16, the segment
 * terminator follows it). Tolerates line breaks and spaces between segments and several
 * interchanges in one text; what is not inside an interchange is returned as unreadable.
 */
export interface RawSegment {
  readonly id: string;
  /** `elements[0]` is element 01. */
  readonly elements: readonly string[];
  /** 1-based number of the segment in the text. */
  readonly position: number;
  readonly raw: string;
}

export interface SplitResult {
  readonly segments: readonly RawSegment[];
  readonly unreadable: readonly UnreadableEvent[];
  /** Where each ISA whose delimiters could be read starts in the text, in order. */
  readonly interchangeStarts: readonly number[];
}

const GAP = /^[\s]*$/;

function isaTerminator(
  text: string,
  start: number,
): { element: string; terminator: string; end: number } | undefined {
  const element = text.charAt(start + 3);
  if (element === '' || /[A-Za-z0-9\s]/.test(element)) return undefined;
  let seen = 0;
  // ISA is 106 characters when padded as X12.6 says; allow lax padding, never a line break.
  const limit = Math.min(text.length, start + 160);
  for (let i = start + 3; i < limit; i++) {
    const char = text.charAt(i);
    if (char === '\n' || char === '\r') return undefined;
    if (char !== element) continue;
    seen += 1;
    if (seen === 16) {
      const terminator = text.charAt(i + 2);
      if (terminator === '' || /[A-Za-z0-9 ]/.test(terminator)) return undefined;
      return { element, terminator, end: i + 2 };
    }
  }
  return undefined;
}

export function splitSegments(text: string): SplitResult {
  const segments: RawSegment[] = [];
  const unreadable: UnreadableEvent[] = [];
  const interchangeStarts: number[] = [];
  let position = 0;
  let at = 0;
  while (at < text.length) {
    const isa = text.indexOf('ISA', at);
    const before = text.slice(at, isa === -1 ? text.length : isa);
    if (!GAP.test(before)) {
      unreadable.push({
        kind: 'unreadable',
        position: ++position,
        raw: before.trim(),
        reason: 'text outside an ISA–IEA interchange',
      });
    }
    if (isa === -1) break;
    const header = isaTerminator(text, isa);
    if (header === undefined) {
      // Not a usable ISA ("VISA" in noise, or a cut-off header): keep it and look further.
      const next = text.indexOf('ISA', isa + 3);
      unreadable.push({
        kind: 'unreadable',
        position: ++position,
        raw: text.slice(isa, next === -1 ? text.length : next).trim(),
        reason: 'ISA segment without the 16 elements that declare the delimiters',
      });
      if (next === -1) break;
      at = next;
      continue;
    }
    interchangeStarts.push(isa);
    let cursor = isa;
    for (;;) {
      const stop = text.indexOf(header.terminator, cursor);
      const raw = text.slice(cursor, stop === -1 ? text.length : stop).trim();
      cursor = stop === -1 ? text.length : stop + 1;
      if (raw !== '') {
        const [id = '', ...elements] = raw.split(header.element);
        segments.push({ id, elements, position: ++position, raw });
        if (id === 'IEA') break;
      }
      if (stop === -1) break;
    }
    at = cursor;
  }
  return { segments, unreadable, interchangeStarts };
}
