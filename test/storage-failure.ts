import { AppError } from '../src/app/shared/errors.js';

/** Awaits a promise that must fail with an AppError, and returns the error for assertions. */
export async function appFailure(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) {
    throw new Error(
      `Expected an AppError, got ${error === undefined ? 'success' : error instanceof Error ? error.message : JSON.stringify(error)}`,
    );
  }
  return error;
}
