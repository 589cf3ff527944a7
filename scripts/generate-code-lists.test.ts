import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from './generate-code-lists.js';

const shared = fileURLToPath(new URL('../../shared/reference/data/', import.meta.url));
const outputDir = fileURLToPath(new URL('../src/codes/data/', import.meta.url));

// The reference CSVs live beside the repository (../shared); a bare clone elsewhere lacks them.
describe.runIf(existsSync(shared))('code lists', () => {
  it('src/codes/data agrees with shared/reference/data (run `npm run codes:generate`)', async () => {
    for (const { file, text } of generatedFiles()) {
      const expected = await format(text, {
        parser: 'typescript',
        singleQuote: true,
        printWidth: 100,
        trailingComma: 'all',
      });
      expect(readFileSync(outputDir + file, 'utf8'), file).toBe(expected);
    }
  });
});
