import type { Issue, ManifestDocument, Shipment } from '../domain/index.js';
import { MAX_ISSUES_PER_CODE, truncationNotice } from '../domain/index.js';
import { ALL_RULES } from './all-rules.js';
import { AcrossSummaries } from './across-summary.js';
import type { ValidationOptions } from './engine.js';
import { DEFAULT_REGULATIONS } from './regulations/default-regulations.js';
import type { Rule, RuleContext } from './rule.js';
import { withLocations } from './support/shipments.js';

const SHIPMENTS = '/shipments/';

/**
 * `validateDocument` over a document whose shipments arrive a page at a time, as a stored trip
 * of 100,000 shipments is read: what is held is one page, a summary per shipment for the rules
 * that weigh shipments together, and the issues (at most `maxIssuesPerCode` kept per code).
 * The answer is `validateDocument`'s, in its order: each rule's issues in the rule table's
 * order, capped per code with the same ISSUES_TRUNCATED counts (paged-validation.test.ts
 * compares the two on every example, a page of one shipment at a time).
 *
 * The other rules see each page inside the document's own fields; an issue about those fields
 * (not under `/shipments/`) is the same from every page and is kept once.
 */
export class PagedValidation {
  private readonly context: RuleContext;
  private readonly rules: readonly Rule[];
  private readonly perCode: number;
  /** Per rule (table order): the issues kept, and how many of each code it found. */
  private readonly kept: Issue[][];
  private readonly counts: Map<string, number>[];
  private readonly tripLevel = new Set<string>();
  private readonly summaries: Shipment[] = [];
  private readonly summarise = new AcrossSummaries();
  private shipmentCount = 0;

  /** `document`: the trip's (or list's) own fields; its shipments, if any, are not read. */
  constructor(
    private readonly document: ManifestDocument,
    options: ValidationOptions,
  ) {
    this.context = {
      now: options.now,
      scac: options.scac,
      regulations: options.regulations ?? DEFAULT_REGULATIONS,
    };
    this.rules = options.rules ?? ALL_RULES;
    this.perCode = options.maxIssuesPerCode ?? MAX_ISSUES_PER_CODE;
    this.kept = this.rules.map(() => []);
    this.counts = this.rules.map(() => new Map<string, number>());
  }

  /** The next shipments, in document order. */
  addPage(shipments: readonly Shipment[]): void {
    if (shipments.length === 0) return;
    const first = this.shipmentCount;
    const page: ManifestDocument = { ...this.document, shipments: [...shipments] };
    withLocations(page, () => {
      this.rules.forEach((rule, n) => {
        if (rule.acrossShipments === true) return;
        for (const issue of rule.check(page, this.context)) {
          if (issue.path.startsWith(SHIPMENTS)) {
            this.keep(n, { ...issue, path: rebased(issue.path, first) });
            continue;
          }
          const key = `${String(n)}|${issue.code}|${issue.path}|${issue.message}`;
          if (this.tripLevel.has(key)) continue;
          this.tripLevel.add(key);
          this.keep(n, issue);
        }
      });
    });
    for (const shipment of shipments) this.summaries.push(this.summarise.of(shipment));
    this.shipmentCount += shipments.length;
  }

  /** Every issue, once all pages are in: the rules that weigh shipments together run now. */
  issues(): Issue[] {
    const withShipments = this.shipmentCount > 0 || this.document.shipments !== undefined;
    const whole: ManifestDocument = withShipments
      ? { ...this.document, shipments: this.summaries }
      : this.document;
    withLocations(whole, () => {
      this.rules.forEach((rule, n) => {
        // A document without shipments is the whole document: every rule runs on it here.
        if (rule.acrossShipments !== true && this.shipmentCount > 0) return;
        for (const issue of rule.check(whole, this.context)) this.keep(n, issue);
      });
    });
    return this.inRuleOrder();
  }

  private keep(rule: number, issue: Issue): void {
    const counts = this.counts[rule];
    if (counts === undefined) return;
    const count = (counts.get(issue.code) ?? 0) + 1;
    counts.set(issue.code, count);
    // The first `perCode` of a code across all rules are among each rule's first `perCode`.
    if (count <= this.perCode) this.kept[rule]?.push(issue);
  }

  /** As CappedIssues gives them when every rule runs on the whole document in table order. */
  private inRuleOrder(): Issue[] {
    const totals = new Map<string, number>();
    for (const counts of this.counts) {
      for (const [code, count] of counts) totals.set(code, (totals.get(code) ?? 0) + count);
    }
    const listed = new Map<string, number>();
    const issues: Issue[] = [];
    // Codes in the order of their first issue, as CappedIssues counts them.
    const order: string[] = [];
    for (const kept of this.kept) {
      for (const issue of kept) {
        const count = (listed.get(issue.code) ?? 0) + 1;
        if (count === 1) order.push(issue.code);
        listed.set(issue.code, count);
        if (count <= this.perCode) issues.push(issue);
      }
    }
    for (const code of order) {
      const count = totals.get(code) ?? 0;
      if (count <= this.perCode) continue;
      issues.push(truncationNotice(code, count, this.perCode));
    }
    return issues;
  }
}

/** `/shipments/3/…` of a page that starts at shipment `first` of the document. */
function rebased(path: string, first: number): string {
  if (first === 0) return path;
  const end = path.indexOf('/', SHIPMENTS.length);
  const index = Number(path.slice(SHIPMENTS.length, end < 0 ? undefined : end));
  return `${SHIPMENTS}${String(first + index)}${end < 0 ? '' : path.slice(end)}`;
}
