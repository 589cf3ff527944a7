import type { Issue } from '../domain/index.js';
import { hasErrors } from '../domain/index.js';
import { describePath, findIssueDefinition, shipmentIndexOf } from '../rules/index.js';
import type { FileResult } from './file-result.js';

/**
 * The report for people: one block per file, issues grouped by trip and by shipment, each field
 * named in words with the fix suggested and the rule's source.
 */
export function textReport(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) lines.push(...fileBlock(result), '');
  lines.push(summary(results));
  return lines.join('\n') + '\n';
}

function count(issues: readonly Issue[], severity: Issue['severity'], noun: string): string {
  const n = issues.filter((issue) => issue.severity === severity).length;
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function headline(result: FileResult): string {
  const { document } = result;
  if (document === undefined) return '';
  if (document.data === 'ACE_TRIP') {
    const shipments = document.shipments?.length ?? 0;
    return ` — trip ${document.tripNumber ?? '(no number)'}, ${shipments} shipment${shipments === 1 ? '' : 's'}`;
  }
  const count = document.shipments?.length ?? 0;
  return ` — ${count} unassociated shipment${count === 1 ? '' : 's'}`;
}

function fileBlock(result: FileResult): string[] {
  const { issues } = result;
  const refused = result.unusable || hasErrors(issues);
  const mark = refused ? '✗' : issues.length > 0 ? '!' : '✓';
  const verdict = result.unusable
    ? 'cannot be validated'
    : refused
      ? `REFUSED: ${count(issues, 'error', 'error')}, ${count(issues, 'warning', 'warning')}`
      : issues.length > 0
        ? `ready to file, ${count(issues, 'warning', 'warning')}`
        : 'ready to file, no problems found';
  const lines = [`${mark} ${result.file}${headline(result)}: ${verdict}`];

  const groups = new Map<string, Issue[]>();
  for (const issue of issues) {
    const index = shipmentIndexOf(issue.path);
    const key = index === undefined ? 'trip' : String(index);
    groups.set(key, [...(groups.get(key) ?? []), issue]);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) =>
    a === 'trip' ? -1 : b === 'trip' ? 1 : Number(a) - Number(b),
  );
  for (const [key, group] of ordered) {
    if (!result.unusable) {
      lines.push(
        key === 'trip'
          ? `  ${result.document?.data === 'ACE_SHIPMENT' ? 'Document' : 'Trip'}`
          : `  ${describePath(result.document, `/shipments/${key}`)}`,
      );
    }
    for (const issue of group) lines.push(...issueLines(result, issue, key));
  }
  return lines;
}

function issueLines(result: FileResult, issue: Issue, group: string): string[] {
  const full = describePath(result.document, issue.path);
  const prefix = group === 'trip' ? '' : describePath(result.document, `/shipments/${group}`);
  const field = full.startsWith(prefix + ' › ') ? full.slice(prefix.length + 3) : full;
  const label = issue.severity === 'error' ? 'error  ' : 'warning';
  const where = issue.path === '' || result.unusable ? '' : `${field}: `;
  const lines = [`    ${label} ${where}${issue.message} [${issue.code}]`];
  const definition = findIssueDefinition(issue.code);
  if (definition !== undefined) lines.push(`            Fix: ${definition.fix}`);
  if (issue.source !== undefined) lines.push(`            Source: ${issue.source}`);
  return lines;
}

function summary(results: readonly FileResult[]): string {
  const refused = results.filter((r) => r.unusable || hasErrors(r.issues)).length;
  const files = `${results.length} file${results.length === 1 ? '' : 's'}`;
  return `${files} checked: ${results.length - refused} ready to file, ${refused} refused.`;
}
