import type { Issue } from '../../domain/index.js';
import { pointerOfPath } from '../../domain/index.js';
import { regulationTableSchema, type RegulationTable } from './regulation-table.js';

/**
 * Checks a replacement regulation table (already parsed from JSON). Errors are located with
 * JSON Pointers like every other issue, so a bad `--rules FILE` says exactly what to fix.
 */
export function loadRegulations(
  json: unknown,
): { ok: true; table: RegulationTable } | { ok: false; issues: Issue[] } {
  const result = regulationTableSchema.safeParse(json);
  if (result.success) return { ok: true, table: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((zodIssue) => ({
      code: 'REGULATION_TABLE_INVALID',
      severity: 'error',
      path: pointerOfPath(zodIssue.path),
      message: zodIssue.message,
    })),
  };
}
