import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../src/rules/all-rules.js';
import { DOCUMENT_ISSUES } from '../src/rules/document-issues.js';
import { EDI_ISSUES } from '../src/rules/edi-issues.js';
import { FILING_ISSUES } from '../src/rules/filing-issues.js';
import { CSV_ISSUES } from '../src/rules/csv-issues.js';
import { SERVICE_ISSUES } from '../src/rules/service-issues.js';
import {
  declaredIssueDefinitions,
  issueCatalogue,
  type IssueDefinition,
} from '../src/rules/index.js';
import { tripJsonSchema, validationCodesMarkdown } from './generated-docs.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** An issue literal: `code: 'X_Y'` next to `severity`, as every Issue is written. */
/**
 * Where the source raises an issue code: an issue written out (`code: 'X', severity:`), a
 * record name's check (`code: 'X', what:`), a part of the request (`code: 'X', name:`) and an
 * input check (`.check(condition, 'X',`).
 */
const ISSUE_CODE =
  /code: '([A-Z][A-Z0-9_]+)',\s*(?:severity|what|name):|\.check\(\s*[^;]*?,\s*'([A-Z][A-Z0-9_]+)',\s*'\//g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('generated documentation', () => {
  it('docs/validation-codes.md lists every issue code (run `npm run docs` when this fails)', async () => {
    const committed = readFileSync(join(root, 'docs/validation-codes.md'), 'utf8');
    const expected = await format(validationCodesMarkdown(), { parser: 'markdown' });
    expect(committed).toBe(expected);
  });

  it('docs/trip.schema.json matches the schema code (run `npm run docs` when this fails)', () => {
    expect(readFileSync(join(root, 'docs/trip.schema.json'), 'utf8')).toBe(tripJsonSchema());
  });

  it("every rule's codes are asserted by that rule's own test file", () => {
    // A code mentioned in some other test (a docs list, an unrelated fixture) does not count:
    // each rule file `<id>.rule.ts` has `<id>.rule.test.ts` beside it, which must expect it.
    const ruleTests = new Map(
      testFiles(join(root, 'src/rules')).map((file) => [basename(file), file] as const),
    );
    const untested = ALL_RULES.flatMap((rule) => {
      const file = ruleTests.get(`${rule.id}.rule.test.ts`);
      const text = file === undefined ? '' : readFileSync(file, 'utf8');
      return rule.issues
        .filter((definition) => !text.includes(`'${definition.code}'`))
        .map((definition) => `${rule.id}: ${definition.code}`);
    });
    expect(untested).toEqual([]);
  });

  it('every document-level issue code is expected by at least one test', () => {
    const tests = [...testFiles(join(root, 'src')), ...testFiles(join(root, 'test'))]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const untested = [
      ...DOCUMENT_ISSUES,
      ...SERVICE_ISSUES,
      ...EDI_ISSUES,
      ...FILING_ISSUES,
      ...CSV_ISSUES,
    ]
      .map((definition) => definition.code)
      .filter((code) => !tests.includes(`'${code}'`));
    expect(untested).toEqual([]);
  });

  it('every issue code the app, API or CLI raises is in the catalogue', () => {
    const catalogued = new Set(issueCatalogue().map((definition) => definition.code));
    const raised = [
      'src/app',
      'src/api',
      'src/cli',
      'src/config',
      'src/storage',
      'src/domain',
      'src/edi',
      'src/documents',
      'src/csv',
    ]
      .flatMap((dir) => sourceFiles(join(root, dir)))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(ISSUE_CODE)].map((m) => m[1] ?? m[2]),
      );
    expect([...new Set(raised)].filter((code) => code && !catalogued.has(code))).toEqual([]);
  });

  it('issue codes are unique UPPER_SNAKE names', () => {
    const byCode = new Map<string, Set<IssueDefinition>>();
    for (const definition of declaredIssueDefinitions()) {
      const same = byCode.get(definition.code) ?? new Set();
      byCode.set(definition.code, same.add(definition));
      expect(definition.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    }
    // One definition per code; a rule re-using another's code must share its definition.
    const clashing = [...byCode].filter(([, definitions]) => definitions.size > 1);
    expect(clashing.map(([code]) => code)).toEqual([]);
    expect(issueCatalogue()).toHaveLength(byCode.size);
  });
});
