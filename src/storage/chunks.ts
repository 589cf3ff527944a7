/**
 * Multi-row statements go in chunks: both databases cap the bound parameters of one statement
 * (SQLite 32,766, PostgreSQL 65,535), and a row of the widest table binds a dozen values.
 */
export const ROWS_PER_STATEMENT = 500;

export function* chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) {
    yield items.slice(start, start + size);
  }
}
