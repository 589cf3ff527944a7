import type { FilingHistoryEntry, FilingStatus } from '../../shared/ports/index.js';
import { explainedReasons, type ExplainedReason } from './reject-explanations.js';

/** A history entry as the status view and its pages show it: CBP's reasons explained. */
export interface HistoryEntryView {
  /** null: the trip itself. */
  readonly scn: string | null;
  readonly status: FilingStatus;
  readonly at: string;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly reasons: readonly ExplainedReason[];
  readonly interchangeId: string | null;
}

export function historyEntryView(entry: FilingHistoryEntry): HistoryEntryView {
  return {
    scn: entry.scn === '' ? null : entry.scn,
    status: entry.status,
    at: entry.at,
    detail: entry.detail,
    reasons: explainedReasons(entry.detail),
    interchangeId: entry.archiveId,
  };
}
