import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { issueCatalogue } from '../src/rules/index.js';
import { tripJsonSchema, validationCodesMarkdown } from './generated-docs.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
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

  it('every issue code is exercised by at least one test', () => {
    const tests = [...testFiles(join(root, 'src')), ...testFiles(join(root, 'test'))]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const untested = issueCatalogue()
      .map((definition) => definition.code)
      .filter((code) => !tests.includes(`'${code}'`));
    expect(untested).toEqual([]);
  });

  it('issue codes are unique UPPER_SNAKE names', () => {
    const codes = issueCatalogue().map((definition) => definition.code);
    for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });
});
