import { AppError } from '../app/shared/errors.js';
import { LIST_PAGE, sizeWithin } from '../app/shared/page-size.js';

/**
 * Keyset pagination cursors: the sort key of the last row seen, opaque to clients. Unlike
 * OFFSET, a page does not shift when rows are inserted or deleted before it, and each page is
 * an index range scan however deep the list goes (trips reach 10,000 shipments).
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): readonly (string | number)[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return value;
    }
  } catch {
    // fall through: reported below as the caller's mistake
  }
  throw new AppError('VALIDATION_FAILED', 'The page cursor is not one this server gave out.', [
    { code: 'PAGE_CURSOR_INVALID', severity: 'error', path: '/cursor', message: 'Unknown cursor.' },
  ]);
}

export function pageSize(limit: number | undefined): number {
  return sizeWithin(LIST_PAGE, limit);
}

/** Splits `limit + 1` fetched rows into a page and the cursor of its last row. */
export function toPage<R, T>(
  rows: readonly R[],
  limit: number,
  map: (row: R) => T,
  keyOf: (row: R) => readonly (string | number)[],
): { items: T[]; nextCursor: string | null } {
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
