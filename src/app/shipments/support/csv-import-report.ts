import type { CsvIssue, FailedRow } from '../../../csv/index.js';

/**
 * What a CSV upload did. `imported`: every shipment is stored or was already there;
 * `partial`: the valid shipments are stored, the failed rows are listed; `rejected`: nothing
 * was stored (an all-or-nothing upload with an error, or a file that is not a readable CSV).
 */
export interface CsvImportReport {
  readonly outcome: 'imported' | 'partial' | 'rejected';
  readonly mode: 'all-or-nothing' | 'partial';
  /** Data rows read (one per commodity). */
  readonly rowCount: number;
  readonly shipmentCount: number;
  /** Shipments stored by this upload. */
  readonly created: number;
  /** Shipments already in the trip with the same content, left as they were. */
  readonly unchanged: number;
  /** Shipments with an error: none of them was stored. */
  readonly failed: number;
  /** Every issue, located by row, column and value; issues about the whole file first. */
  readonly issues: readonly CsvIssue[];
  /** The rows not imported, for the failed-rows CSV (`failedRowsCsv`). */
  readonly failedRows: readonly FailedRow[];
}

/** Where an upload stands: bytes read, then shipments checked, then stored. */
export interface CsvImportProgress {
  readonly phase: 'reading' | 'checking' | 'storing';
  readonly bytes: number;
  /**
   * Shipments in the file: known from the checking phase on when the file is read whole; while
   * a grouped file is read and stored as a stream, estimated from the share of bytes read until
   * the last progress of the storing phase.
   */
  readonly shipments: number;
  readonly stored: number;
}
