/**
 * Text folded for matching what people type: case and accents ("Montréal" is "montreal",
 * "SIROP D'ERABLE" is "sirop d'erable"). Search terms, list filters and description
 * suggestions all compare folded text, so they agree on what matches.
 */
export function foldText(text: string): string {
  // ASCII has no accents and NFKD leaves it as it is: only the case is folded (every CSV-
  // imported shipment's search text is folded, and most are ASCII).
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Printable ASCII; anything else (tabs included) takes the full fold. */
const ASCII = /^[ -~]*$/;
