import type { CsvIssue } from '../csv/index.js';
import { findIssueDefinition } from '../rules/index.js';

/** Each CSV issue as people read it: where (row, column, value), what, and how to fix an error. */
export function csvIssueLines(issues: readonly CsvIssue[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const where = [
      issue.row === null ? 'file' : `row ${issue.row}`,
      ...(issue.column === null ? [] : [issue.column]),
    ].join(', ');
    const value = issue.value === null || issue.value === '' ? '' : ` = "${issue.value}"`;
    lines.push(`  ${where}${value}`);
    lines.push(`    ${issue.severity.padEnd(7)} ${issue.message} [${issue.code}]`);
    const fix = findIssueDefinition(issue.code)?.fix;
    if (issue.severity === 'error' && fix !== undefined) lines.push(`            Fix: ${fix}`);
  }
  return lines;
}

/** The issue as JSON for programs: location first. */
export function csvIssueJson(issue: CsvIssue): Record<string, unknown> {
  return {
    row: issue.row,
    column: issue.column,
    value: issue.value,
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    ...(issue.source === undefined ? {} : { source: issue.source }),
  };
}

export function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
