/**
 * A validation finding. Invalid data is a value, never an exception (docs/architecture.md):
 * every layer — rule engine, CSV importer, API — reports problems in this one shape.
 */
export type Severity = 'error' | 'warning';

export interface Issue {
  /** Stable UPPER_SNAKE code from the catalogue in docs/validation-codes.md. */
  readonly code: string;
  readonly severity: Severity;
  /** JSON Pointer (RFC 6901) into the document the issue is about, e.g. `/shipments/3/commodities/0/value`. */
  readonly path: string;
  /** One sentence for a person: what is wrong, with the offending value where it helps. */
  readonly message: string;
  /** Where the rule comes from: a CFR section, a CSMS message, an executive order. */
  readonly source?: string;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
