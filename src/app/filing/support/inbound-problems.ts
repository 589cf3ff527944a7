/**
 * What keeps an answer from CBP from being applied at all, said so that an operator finds the
 * place in the archived text: "segment 14 (B10): …". An interchange with any of these is
 * archived with the reason and changes nothing: a response read in part would leave the
 * filing status half-way between what CBP said and what it did not (X12.6 likewise has a
 * receiver reject an interchange whose envelope does not add up, not use part of it).
 */
import type { EdiEvent, UnreadableEvent } from '../../../edi/index.js';

/** A segment ID (X12: two or three letters and digits, starting with a letter). */
const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}(?![A-Za-z0-9])/;

export function unreadableProblem(event: UnreadableEvent): string {
  const id = SEGMENT_ID.exec(event.raw)?.[0];
  return `segment ${String(event.position)}${id === undefined ? '' : ` (${id})`}: ${event.reason}`;
}

/**
 * NUL cannot be stored in a PostgreSQL text column ("invalid byte sequence for encoding UTF8:
 * 0x00"), which rolled back the whole batch and every later one: the archive keeps U+FFFD in its
 * place. X12 never carries NUL (X12.6 character sets), so such a text is binary, not an answer.
 */
export function storableText(text: string): { readonly text: string; readonly binary: boolean } {
  return text.includes('\0')
    ? { text: text.replaceAll('\0', '\uFFFD'), binary: true }
    : { text, binary: false };
}

/** Why an interchange is kept without being applied; empty when it may be applied. */
export function refusalProblems(events: readonly EdiEvent[], binary: boolean): string[] {
  return [
    ...(binary ? ['NUL bytes, which X12 never carries (archived as U+FFFD): binary content'] : []),
    ...events.flatMap((event) => (event.kind === 'unreadable' ? [unreadableProblem(event)] : [])),
  ];
}
