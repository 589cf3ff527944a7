/** Why a save failed, in words; a stale version says what to do and that nothing typed is lost. */
import { ApiError } from './api-client';

export function saveErrorMessage(error: Error, what: string): string {
  if (error instanceof ApiError && error.code === 'STALE_VERSION') {
    return `Someone else saved this ${what} while you were editing it, so your changes were not saved. They are still in the form: open the ${what} again in another tab to see the other changes, then save yours again here.`;
  }
  return error.message;
}
