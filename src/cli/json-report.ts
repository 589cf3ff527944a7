import { hasErrors } from '../domain/index.js';
import type { FileResult } from './file-result.js';

/** `--format json`: `{"files":[{"file","valid","issues"}]}` for machines and CI pipelines. */
export function jsonReport(results: readonly FileResult[]): string {
  return (
    JSON.stringify(
      {
        files: results.map((result) => ({
          file: result.file,
          valid: !result.unusable && !hasErrors(result.issues),
          issues: result.issues,
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
