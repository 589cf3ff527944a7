/** JSON Pointer (RFC 6901) helpers: every issue locates its field with one. */

function escapeToken(token: string | number): string {
  if (typeof token === 'number') return String(token);
  return token.includes('~') || token.includes('/')
    ? token.replaceAll('~', '~0').replaceAll('/', '~1')
    : token;
}

/** Builds a pointer from path tokens: `pointer('shipments', 0, 'scn')` → `/shipments/0/scn`. */
export function pointer(...tokens: readonly (string | number)[]): string {
  // A loop, not map + join: the rules locate every shipment and commodity of a trip of
  // 100,000 shipments with one.
  let path = '';
  for (const token of tokens) path += '/' + escapeToken(token);
  return path;
}

/** The pointer of a zod issue's path (zod allows symbol keys; JSON has none). */
export function pointerOfPath(path: readonly PropertyKey[]): string {
  return pointer(...path.map((token) => (typeof token === 'symbol' ? '' : token)));
}

/** Appends tokens to an existing pointer. */
export function childPointer(base: string, ...tokens: readonly (string | number)[]): string {
  return base + pointer(...tokens);
}

/** Splits a pointer back into its tokens (numbers stay strings, as RFC 6901 says). */
export function pointerTokens(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * A path into one shipment of a document, split: `/shipments/3/commodities/0` → index 3 and
 * the rest `/commodities/0` (a pointer within the shipment; '' for the shipment itself).
 * Undefined for a path elsewhere (the trip's own fields).
 */
export function inShipment(path: string): { index: number; rest: string } | undefined {
  const match = /^\/shipments\/(\d+)(\/.*)?$/.exec(path);
  if (match === null) return undefined;
  return { index: Number(match[1]), rest: match[2] ?? '' };
}
