/** Why a save failed, in words; a stale version says what happened and what can be done. */
import { ApiError } from './api-client';

export function isConflict(error: Error | null): boolean {
  return error instanceof ApiError && error.code === 'STALE_VERSION';
}

export function saveErrorMessage(error: Error, what: string): string {
  if (isConflict(error)) {
    return `Someone else saved this ${what} while you were editing it, so your changes were not saved. They are still in the form.`;
  }
  return error.message;
}
