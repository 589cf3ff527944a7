/**
 * The upload report's problems as the table shows them: filtered by words, by column and by
 * severity, sorted by row, column or code (then by row, so a shipment's problems stay together).
 */
import type { CsvIssue } from './api/upload-csv';

export type IssueSortKey = 'row' | 'column' | 'code';

/**
 * Which problems by severity: a file of a few errors among many warnings (a broker missing on
 * every PAPS row) shows the errors that stopped the import on their own.
 */
export type IssueSeverityFilter = 'all' | 'error' | 'warning';

export interface IssueView {
  readonly text: string;
  /** A template column header, `FILE_LEVEL` for problems of the whole file, or '' for all. */
  readonly column: string;
  readonly severity: IssueSeverityFilter;
  readonly sort: IssueSortKey;
  readonly descending: boolean;
}

/** The column filter's value for problems without a column (the header row, the file). */
export const FILE_LEVEL = '(whole file)';

export const allIssues: IssueView = {
  text: '',
  column: '',
  severity: 'all',
  sort: 'row',
  descending: false,
};

function columnOf(issue: CsvIssue): string {
  return issue.column ?? FILE_LEVEL;
}

/** The columns that have problems, in the order they first appear, for the column filter. */
export function issueColumns(issues: readonly CsvIssue[]): string[] {
  return [...new Set(issues.map(columnOf))];
}

function compare(a: CsvIssue, b: CsvIssue, key: IssueSortKey): number {
  if (key === 'row') return (a.row ?? 0) - (b.row ?? 0);
  if (key === 'column') return columnOf(a).localeCompare(columnOf(b));
  return a.code.localeCompare(b.code);
}

export function visibleIssues(issues: readonly CsvIssue[], view: IssueView): CsvIssue[] {
  const words = view.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = issues.filter((issue) => {
    if (view.column !== '' && columnOf(issue) !== view.column) return false;
    if (view.severity !== 'all' && issue.severity !== view.severity) return false;
    if (words.length === 0) return true;
    const haystack = [
      issue.row === null ? '' : String(issue.row),
      issue.column ?? '',
      issue.value ?? '',
      issue.code,
      issue.message,
    ]
      .join(' ')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  const direction = view.descending ? -1 : 1;
  // Array.prototype.sort is stable: ties keep the report's order.
  return shown.sort((a, b) => direction * compare(a, b, view.sort) || compare(a, b, 'row') || 0);
}
