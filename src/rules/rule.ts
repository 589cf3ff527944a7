import type { Issue, ManifestDocument, Severity } from '../domain/index.js';
import type { RegulationTable } from './regulations/regulation-table.js';

/**
 * One entry of the issue-code catalogue. Each rule declares the codes it can raise; the
 * catalogue (docs/validation-codes.md) is generated from these declarations.
 */
export interface IssueDefinition {
  /** Stable UPPER_SNAKE code; never renamed once published. */
  readonly code: string;
  readonly severity: Severity;
  /** Short title for the catalogue. */
  readonly title: string;
  /** What the dispatcher should do about it; shown by the text report. */
  readonly fix: string;
  /** Origin of the rule: CFR section, CSMS number, executive order. */
  readonly source?: string;
}

/** Everything a rule may know besides the document. Pure data: no clock, no I/O. */
export interface RuleContext {
  /** The instant "now" for timing rules; passed in, never read from a clock. */
  readonly now: Date;
  /** The carrier's SCAC when given explicitly (CLI `--scac`, the company in the API). */
  readonly scac: string | undefined;
  /** Effective-dated rules (Section 321 timeline, filing lead times), replaceable as data. */
  readonly regulations: RegulationTable;
}

export interface Rule {
  /** kebab-case id, the same as the rule's file name without `.rule.ts`. */
  readonly id: string;
  readonly issues: readonly IssueDefinition[];
  /**
   * The rule weighs shipments together (SCN uniqueness, totals per consignee or order, counts):
   * `validateShipments` runs it over all of them, the others a slice of shipments at a time.
   */
  readonly acrossShipments?: true;
  /**
   * The rule's issues are about the trip's own fields (conveyance, crew, its identifiers and
   * times), never under `/shipments`: `validateShipments`, which answers those only, skips it
   * (a bulk upload checks its shipments a step at a time, and ran these on every step).
   */
  readonly aboutTrip?: true;
  check(document: ManifestDocument, context: RuleContext): Issue[];
}

/** Makes an issue of a declared definition, at a JSON Pointer, with a specific message. */
export function raise(definition: IssueDefinition, path: string, message: string): Issue {
  return definition.source === undefined
    ? { code: definition.code, severity: definition.severity, path, message }
    : {
        code: definition.code,
        severity: definition.severity,
        path,
        message,
        source: definition.source,
      };
}
