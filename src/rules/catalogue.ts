import { ALL_RULES } from './all-rules.js';
import { DOCUMENT_ISSUES } from './document-issues.js';
import { REQUEST_ISSUES } from './request-issues.js';
import type { IssueDefinition } from './rule.js';

/**
 * The issue-code catalogue: every code any part of validation can raise, with its title, fix
 * and source. docs/validation-codes.md is generated from it (`npm run docs:codes`).
 */
let byCode: Map<string, IssueDefinition> | undefined;

function catalogue(): Map<string, IssueDefinition> {
  if (byCode === undefined) {
    byCode = new Map();
    for (const definition of [
      ...DOCUMENT_ISSUES,
      ...REQUEST_ISSUES,
      ...ALL_RULES.flatMap((rule) => rule.issues),
    ]) {
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
