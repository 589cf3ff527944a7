/**
 * Normalisation for quick-assign search and list filters. Case and accents are folded
 * ("Montréal" finds "MONTREAL"), and text is cut into words so a query matches the start of
 * any word of a name, a city or a postal code.
 */
import { foldText } from '../domain/index.js';

export { foldText };

export function words(text: string | undefined): string[] {
  if (text === undefined) return [];
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Postal codes are typed with or without the space: "M5X 1A9" and "m5x1a9" both match. */
export function postalTerms(postalCode: string | undefined): string[] {
  const parts = words(postalCode);
  const compact = parts.join('');
  return parts.length > 1 ? [...parts, compact] : parts;
}

/** Upper bound of a prefix range: every string starting with `prefix` sorts below it. */
export function prefixUpperBound(prefix: string): string {
  return prefix + '\uffff';
}

/** Escapes LIKE wildcards so user text matches literally (with `escape '\'`). */
export function likeContains(text: string): string {
  return `%${foldText(text).replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}
