/**
 * How many rows one request may ask for. Lists page with cursors; quick-assign search answers
 * a short list for a type-ahead. The API's query schemas and the repositories both read these,
 * so the documented limits are the enforced ones.
 */
export interface SizeLimits {
  readonly default: number;
  readonly max: number;
}

export const LIST_PAGE: SizeLimits = { default: 50, max: 500 };
export const SEARCH_RESULTS: SizeLimits = { default: 10, max: 50 };

/** The asked-for size, within 1…max; the default when none (or nonsense) is asked. */
export function sizeWithin(limits: SizeLimits, asked: number | undefined): number {
  if (asked === undefined || !Number.isFinite(asked)) return limits.default;
  return Math.min(limits.max, Math.max(1, Math.trunc(asked)));
}
