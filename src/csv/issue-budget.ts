import { MAX_ISSUES_PER_CODE, truncationNotice } from '../domain/capped-issues.js';
import { csvIssue, type CsvIssue } from './csv-issue.js';

/**
 * What an upload may hold while it is read and checked. A 128 MiB file of 30-byte rows is four
 * million rows: read whole, or with an error or a warning on each, they took the service past
 * its 1 GiB heap and killed it for every company. Past these bounds the file is refused, so
 * memory stays bounded whatever is sent (docs/csv-template.md).
 */

/**
 * Data rows a file may have: ten commodity lines for each of the 100,000 shipments a trip may
 * hold, over three times what a full trip of the template takes (ADR 0016).
 */
export const MAX_CSV_ROWS = 1_000_000;

/**
 * Errors listed before the reading stops: a file with more has one cause repeated (a shifted
 * column, the wrong export), which the first ones show.
 */
export const MAX_CSV_ERRORS = 10_000;

/**
 * The issues of one upload: every error until MAX_CSV_ERRORS, then no more (`full`); warnings
 * at most MAX_ISSUES_PER_CODE of each code, the rest counted in ISSUES_TRUNCATED, as in every
 * other answer of the API.
 */
export class IssueBudget {
  private readonly warnings = new Map<string, number>();
  errors = 0;

  constructor(readonly maxErrors = MAX_CSV_ERRORS) {}

  /** Whether `issue` is to be kept; counts it either way. */
  keeps(issue: CsvIssue): boolean {
    if (issue.severity === 'error') {
      this.errors += 1;
      return this.errors <= this.maxErrors;
    }
    const count = (this.warnings.get(issue.code) ?? 0) + 1;
    this.warnings.set(issue.code, count);
    return count <= MAX_ISSUES_PER_CODE;
  }

  /** More errors than are listed: the reading is to stop. */
  get full(): boolean {
    return this.errors > this.maxErrors;
  }

  /** The issues that stand for what was not kept: the notices of truncated warnings. */
  notices(): CsvIssue[] {
    const notices: CsvIssue[] = [];
    for (const [code, count] of this.warnings) {
      if (count <= MAX_ISSUES_PER_CODE) continue;
      notices.push({
        ...truncationNotice(code, count, MAX_ISSUES_PER_CODE),
        row: null,
        column: null,
        value: null,
      });
    }
    return notices;
  }
}

/** The error that ends the reading of a file with too many errors, after the row it names. */
export function tooManyErrors(row: number, max = MAX_CSV_ERRORS): CsvIssue {
  return csvIssue(
    'CSV_TOO_MANY_ERRORS',
    { row: null, column: null, value: null },
    `The file has more than ${max.toLocaleString('en-US')} errors by row ${row}; it was not read further and nothing was stored. Fix the errors listed (they usually share one cause) and upload it again.`,
  );
}

/** The error that ends the reading of a file with more rows than MAX_CSV_ROWS. */
export function tooManyRows(row: number, max = MAX_CSV_ROWS): CsvIssue {
  return csvIssue(
    'CSV_TOO_MANY_ROWS',
    { row: null, column: null, value: null },
    `The file has more than ${max.toLocaleString('en-US')} data rows (row ${row} is past them); it was not read further and nothing was stored. Split it into several uploads.`,
  );
}
