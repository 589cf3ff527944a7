/**
 * Text folded for matching what people type: case and accents ("Montréal" is "montreal",
 * "SIROP D'ERABLE" is "sirop d'erable"). Search terms, list filters and description
 * suggestions all compare folded text, so they agree on what matches.
 */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
