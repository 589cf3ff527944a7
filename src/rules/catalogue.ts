import { ALL_RULES } from './all-rules.js';
import { DOCUMENT_ISSUES } from './document-issues.js';
import { CSV_ISSUES } from './csv-issues.js';
import { EDI_ISSUES } from './edi-issues.js';
import { FILING_ISSUES } from './filing-issues.js';
import { SERVICE_ISSUES } from './service-issues.js';
import { REQUEST_ISSUES } from './request-issues.js';
import type { IssueDefinition } from './rule.js';

/**
 * The issue-code catalogue: every code any part of validation can raise, with its title, fix
 * and source. docs/validation-codes.md is generated from it (`npm run docs`).
 */
let byCode: Map<string, IssueDefinition> | undefined;

/**
 * Every definition as declared, duplicates included. Rules may share a definition object (one
 * code raised by two rules); two different definitions of one code are a mistake the tests
 * catch here, because the catalogue below keeps only the first.
 */
export function declaredIssueDefinitions(): readonly IssueDefinition[] {
  return [
    ...DOCUMENT_ISSUES,
    ...SERVICE_ISSUES,
    ...REQUEST_ISSUES,
    ...EDI_ISSUES,
    ...FILING_ISSUES,
    ...CSV_ISSUES,
    ...ALL_RULES.flatMap((rule) => rule.issues),
  ];
}

function catalogue(): Map<string, IssueDefinition> {
  if (byCode === undefined) {
    byCode = new Map();
    for (const definition of declaredIssueDefinitions()) {
      if (!byCode.has(definition.code)) byCode.set(definition.code, definition);
    }
  }
  return byCode;
}

export function issueCatalogue(): IssueDefinition[] {
  return [...catalogue().values()];
}

export function findIssueDefinition(code: string): IssueDefinition | undefined {
  return catalogue().get(code);
}
