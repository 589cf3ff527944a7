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

/** Checks the shape of parsed JSON first; rules run only on a well-formed document. */
export function validateJson(json: unknown, options: ValidationOptions): Issue[] {
  const parsed = parseManifestDocument(json);
  return parsed.ok ? validateDocument(parsed.document, options) : [...parsed.issues];
}
