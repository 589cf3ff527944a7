import type { Issue, ManifestDocument } from '../domain/index.js';
import { CappedIssues, MAX_ISSUES_PER_CODE, parseManifestDocument } from '../domain/index.js';
import { ALL_RULES } from './all-rules.js';
import { DEFAULT_REGULATIONS } from './regulations/default-regulations.js';
import type { RegulationTable } from './regulations/regulation-table.js';
import type { Rule, RuleContext } from './rule.js';
import { withLocations } from './support/shipments.js';

/**
 * The rule engine: a pure function of (document, now, rule table) → issues. The CLI, the API,
 * the CSV importer and the browser all call it, so they always agree.
 */
export interface ValidationOptions {
  readonly now: Date;
  readonly scac?: string | undefined;
  readonly regulations?: RegulationTable | undefined;
  readonly rules?: readonly Rule[] | undefined;
  /** Issues listed per code; the rest are counted in an ISSUES_TRUNCATED warning. */
  readonly maxIssuesPerCode?: number | undefined;
}

export function validateDocument(document: ManifestDocument, options: ValidationOptions): Issue[] {
  const context: RuleContext = {
    now: options.now,
    scac: options.scac,
    regulations: options.regulations ?? DEFAULT_REGULATIONS,
  };
  const rules = options.rules ?? ALL_RULES;
  return withLocations(document, () => {
    const issues = new CappedIssues(options.maxIssuesPerCode ?? MAX_ISSUES_PER_CODE);
    for (const rule of rules) issues.addAll(rule.check(document, context));
    return issues.list();
  });
}

/**
 * The issues `validateDocument` finds in the document's shipments (paths under `/shipments/`;
 * the trip's own fields are not reported), every one listed (no per-code cap), computed
 * `sliceSize` shipments at a time: the rules that weigh shipments together run once over all of
 * them, the others over a document holding one slice. What the engine builds while it runs
 * (located lists, pointers) then stays the size of a slice, not of a 100,000-shipment trip.
 */
export function validateShipments(
  document: ManifestDocument,
  options: Omit<ValidationOptions, 'maxIssuesPerCode'>,
  sliceSize = 500,
): Issue[] {
  const rules = options.rules ?? ALL_RULES;
  const all = { ...options, maxIssuesPerCode: Number.MAX_SAFE_INTEGER };
  const issues = validateDocument(document, {
    ...all,
    rules: rules.filter((rule) => rule.acrossShipments === true),
  }).filter((issue) => issue.path.startsWith(SHIPMENTS));
  const each = rules.filter((rule) => rule.acrossShipments !== true && rule.aboutTrip !== true);
  const shipments = document.shipments ?? [];
  for (let first = 0; first < shipments.length; first += sliceSize) {
    const slice = { ...document, shipments: shipments.slice(first, first + sliceSize) };
    for (const issue of validateDocument(slice, { ...all, rules: each })) {
      if (!issue.path.startsWith(SHIPMENTS)) continue;
      const end = issue.path.indexOf('/', SHIPMENTS.length);
      const index = Number(issue.path.slice(SHIPMENTS.length, end < 0 ? undefined : end));
      const rest = end < 0 ? '' : issue.path.slice(end);
      issues.push({ ...issue, path: `${SHIPMENTS}${String(first + index)}${rest}` });
    }
  }
  return issues;
}

const SHIPMENTS = '/shipments/';

/** Checks the shape of parsed JSON first; rules run only on a well-formed document. */
export function validateJson(json: unknown, options: ValidationOptions): Issue[] {
  const parsed = parseManifestDocument(json);
  return parsed.ok ? validateDocument(parsed.document, options) : [...parsed.issues];
}
