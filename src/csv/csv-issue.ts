import type { Issue } from '../domain/index.js';
import { CSV_ISSUES } from '../rules/csv-issues.js';
import { REQUEST_ISSUES } from '../rules/request-issues.js';
import { raise } from '../rules/rule.js';

/** An issue located in the CSV file: row (header = 1), column header and the value there. */
export interface CsvIssue extends Issue {
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
}

export type CsvIssueCode = (typeof CSV_ISSUES)[number]['code'];

/** Issues of any input that a CSV file can have too, reported with its row and column. */
const SHARED_ISSUES = REQUEST_ISSUES.filter((issue) => issue.code === 'TEXT_CONTROL_CHARACTER');

export function csvIssue(
  code: CsvIssueCode,
  at: { row: number | null; column: string | null; value: string | null; path?: string },
  message: string,
): CsvIssue {
  const definition = [...CSV_ISSUES, ...SHARED_ISSUES].find((candidate) => candidate.code === code);
  if (definition === undefined) throw new Error(`${code} is not a CSV issue`);
  return {
    ...raise(definition, at.path ?? '', message),
    row: at.row,
    column: at.column,
    value: at.value,
  };
}

/**
 * The cell an error is about (`row|column`), or undefined when it is not about one cell. A
 * value the reader could not read (`ten` in Quantity) is left out of the shipment, so a rule
 * then finds it missing: the reader's error already says so, with the cell's real text, and
 * the rule's issue about the same cell is left unsaid (SaidCells).
 */
function errorCell(issue: CsvIssue): string | undefined {
  if (issue.severity !== 'error' || issue.row === null || issue.column === null) return undefined;
  return `${issue.row}|${issue.column}`;
}

/** Records the reader's errors, and tells whether a rule's issue repeats one of them. */
export class SaidCells {
  private readonly cells = new Set<string>();

  note(issues: readonly CsvIssue[]): void {
    for (const issue of issues) {
      const cell = errorCell(issue);
      if (cell !== undefined) this.cells.add(cell);
    }
  }

  /** Whether `issue` is about a cell whose value the reader already refused. */
  repeats(issue: CsvIssue): boolean {
    return (
      issue.row !== null && issue.column !== null && this.cells.has(`${issue.row}|${issue.column}`)
    );
  }
}

/** The longest cell value and message a report echoes; the file itself keeps the whole cell. */
const ECHO_VALUE = 256;
const ECHO_MESSAGE = 1_024;

function shortened(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… (${text.length.toLocaleString('en-US')} characters in all)`;
}

/**
 * An issue as a report says it: a value or message quoting a huge cell (a 100-million-character
 * Order Reference) is cut, so a report never carries the file back twice over. The failed-rows
 * CSV still holds the row whole, for the user to correct.
 */
export function echoedIssue(issue: CsvIssue): CsvIssue {
  const value = issue.value === null ? null : shortened(issue.value, ECHO_VALUE);
  const message = shortened(issue.message, ECHO_MESSAGE);
  return value === issue.value && message === issue.message ? issue : { ...issue, value, message };
}
