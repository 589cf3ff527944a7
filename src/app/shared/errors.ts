import type { Issue } from '../../domain/index.js';

/**
 * Application failures: a closed union. The API maps each kind to an HTTP status in one table
 * (src/api/problem.ts), the CLI to an exit code; no HTTP status appears below src/api.
 */
export type AppErrorKind =
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'STALE_VERSION'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INVALID_STATE'
  | 'VALIDATION_FAILED'
  | 'RATE_LIMITED'
  /** An outside service the action needs (the mail server) could not be reached or refused. */
  | 'DELIVERY_FAILED';

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly kind: AppErrorKind,
    message: string,
    /** Located problems (JSON Pointers) when the failure is about the data sent. */
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found.`);
export const forbidden = (message: string): AppError => new AppError('FORBIDDEN', message);
export const conflict = (message: string, issues: readonly Issue[] = []): AppError =>
  new AppError('CONFLICT', message, issues);
export const staleVersion = (what: string, expected: number, actual: number): AppError =>
  new AppError(
    'STALE_VERSION',
    expected === actual
      ? // The versions matched when read, and another writer got in before the write.
        `${what} was changed or deleted by someone else at the same moment; reload it and try again.`
      : `${what} was changed by someone else (you edited version ${expected}, it is now version ${actual}); reload it and apply your change again.`,
  );
export const validationFailed = (message: string, issues: readonly Issue[]): AppError =>
  new AppError('VALIDATION_FAILED', message, issues);
