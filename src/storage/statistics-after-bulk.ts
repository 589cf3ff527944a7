import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { TableBatch } from './table-batch.js';

/**
 * PostgreSQL: the tables one transaction filled with this many rows or more (the batch path's
 * shipments, SCN claims and audit entries; the filing states and history of a sync or of CBP's
 * answers) are analyzed once it commits. The planner's statistics of a table were those of before
 * a CSV upload of 100,000 shipments until autovacuum came round to it (a minute at best, never
 * where autovacuum is off): it took the trip for a dozen shipments, and the first page of its
 * shipment list read and sorted all 100,000 (0.7 s) instead of reading 101 from the index;
 * after CBP accepted them, the filing status's latest 500 history entries were found by
 * sorting 600,000 (0.9 s) and its states by sorting 100,000 on disk (1 s).
 * PostgreSQL's manual says to run ANALYZE after a bulk load ("Populating a Database", "Run
 * ANALYZE Afterwards"); it samples at most 30,000 rows a table, so it costs a fraction of the
 * load.
 */
export const ANALYZE_FROM_ROWS = 10_000;

/** Where a repository says how many rows it wrote in bulk (inserted or upserted). */
export interface RowsWritten {
  note(table: keyof Database, rows: number): void;
}

/** Where nothing is counted: SQLite, and repositories used outside a store's transaction. */
export const NOT_COUNTED: RowsWritten = { note: () => undefined };

/** Rows written per table in one transaction. */
export class BulkRows implements RowsWritten {
  private readonly rows = new Map<keyof Database, number>();

  note(table: keyof Database, rows: number): void {
    this.rows.set(table, (this.rows.get(table) ?? 0) + rows);
  }

  /** `batch`, counting the rows it inserts. */
  counting(batch: TableBatch): TableBatch {
    return {
      insert: (table, columns, rows, options) => {
        this.note(table, rows.length);
        return batch.insert(table, columns, rows, options);
      },
    };
  }

  /** The tables that got `from` rows or more. */
  tablesFrom(from: number): (keyof Database)[] {
    return [...this.rows].filter(([, count]) => count >= from).map(([table]) => table);
  }
}

/**
 * Analyzes the tables a committed transaction filled (see ANALYZE_FROM_ROWS). A failure is not
 * the caller's: the rows are stored, and autovacuum gathers the same statistics later.
 */
export async function analyzeAfterBulk(
  db: Kysely<Database>,
  written: BulkRows,
  from: number,
): Promise<void> {
  const tables = written.tablesFrom(from);
  if (tables.length === 0) return;
  await sql`analyze ${sql.join(tables.map((table) => sql.table(table)))}`
    .execute(db)
    .catch(() => undefined);
}
