import { splitSegments } from './split-segments.js';

/**
 * Cuts a text that holds several interchanges (a mailbox file, a VAN batch) into one text per
 * interchange, at each ISA whose delimiters can be read. Each interchange has its own receiver
 * (ISA08) and control number (ISA13, X12.6), so each must be judged on its own: one file may
 * carry answers for several filers. Every character lands in exactly one part: text before the
 * first ISA goes with the first, text between two interchanges with the one before it.
 */
export function splitInterchanges(text: string): string[] {
  const starts = splitSegments(text).interchangeStarts.filter((start) => start > 0);
  const parts: string[] = [];
  let from = 0;
  for (const start of starts) {
    parts.push(text.slice(from, start));
    from = start;
  }
  parts.push(text.slice(from));
  return parts;
}
