import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { citing, section321Law, section321Shipments, type RefusalRow } from './section-321-law.js';

const INSTEAD =
  "file this shipment as PAPS with a customs broker's entry (a formal or informal entry with duties)";

const SUSPENDED: IssueDefinition = {
  code: 'SECTION_321_SUSPENDED',
  severity: 'error',
  title: 'Section 321 (de minimis) is suspended for this arrival',
  fix: "File the goods as PAPS with a customs broker's entry (formal or informal entry with duties).",
  source: 'EO 14324; CSMS #66065494; 90 FR 42418',
};

const REPEALED: IssueDefinition = {
  code: 'SECTION_321_REPEALED',
  severity: 'error',
  title: 'Section 321 (de minimis) is repealed by statute for this arrival',
  fix: "File the goods as PAPS with a customs broker's entry (formal or informal entry with duties).",
  source: 'Pub. L. 119-21',
};

function definitionOf(row: RefusalRow): IssueDefinition {
  switch (row.kind) {
    case 'suspended':
      return SUSPENDED;
    case 'repealed':
      return REPEALED;
    default: {
      const unknown: never = row;
      return unknown;
    }
  }
}

function explanation(row: RefusalRow): string {
  switch (row.kind) {
    case 'suspended':
      return `de minimis is suspended for all countries (${row.source}) and ACE rejects Section 321 manifest filings`;
    case 'repealed':
      return `de minimis is repealed for commercial shipments (${row.source})`;
    default: {
      const unknown: never = row;
      return unknown;
    }
  }
}

/**
 * Section 321 is available at the arrival instant. Since 2025-08-29 00:01 ET it is suspended
 * (EO 14324, CSMS #66065494) and from 2027-07-01 repealed (Pub. L. 119-21); the type stays in
 * the model for history and re-filing, so the refusal says what to file instead. One issue per
 * shipment: the other Section 321 checks stay silent while it is refused.
 */
export const section321AvailabilityRule: Rule = {
  id: 'section-321-availability',
  issues: [SUSPENDED, REPEALED],
  check(document, context) {
    const shipments = section321Shipments(document);
    if (shipments.length === 0) return [];
    const law = section321Law(document, context);
    const row = law.refusal;
    if (row === undefined) return [];
    const definition = definitionOf(row);
    return shipments.map((located) =>
      citing(
        raise(
          definition,
          childPointer(located.path, 'type'),
          `Section 321 is not available ${law.when}: ${explanation(row)}, so ${INSTEAD}.`,
        ),
        row.source,
      ),
    );
  },
};
