/**
 * Why the API refused to change an address-book record or profile, in a dispatcher's words.
 * Every record carries a version; a write sends the version the user edited (If-Match) and is
 * refused with 409 STALE_VERSION when someone else saved in between (docs/api.md, Versions).
 */
import { ApiError } from './api-client';

export type Refusal = 'changed-by-someone-else' | 'deleted-by-someone-else' | 'other';

export function refusalOf(error: unknown): Refusal {
  if (error instanceof ApiError && error.code === 'STALE_VERSION') return 'changed-by-someone-else';
  if (error instanceof ApiError && error.status === 404) return 'deleted-by-someone-else';
  return 'other';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Try again.';
}
