import { describe, expect, it } from 'vitest';
import { readRegulationFile } from './regulation-file.js';

const files: Record<string, string> = {
  'broken.json': '{"edition": }',
  'wrong.json': '{"edition":"x"}',
};
const read = (file: string): Promise<string> => {
  const text = files[file];
  return text === undefined
    ? Promise.reject(Object.assign(new Error('missing'), { code: 'ENOENT' }))
    : Promise.resolve(text);
};

describe('a replacement regulation table read from a file', () => {
  it('locates each problem as FILE#pointer, whichever setting named the file', async () => {
    for (const setting of ['RULES_FILE', '--rules']) {
      const failure = readRegulationFile(setting, 'wrong.json', read);
      await expect(failure).rejects.toThrow(
        `${setting} wrong.json is not a valid regulation table:\n  wrong.json#/`,
      );
    }
  });

  it('says where the JSON breaks, and when the file cannot be read', async () => {
    await expect(readRegulationFile('RULES_FILE', 'broken.json', read)).rejects.toThrow(
      /^RULES_FILE broken\.json:1:\d+: not valid JSON: /,
    );
    await expect(readRegulationFile('--rules', 'absent.json', read)).rejects.toThrow(
      '--rules absent.json cannot be read (ENOENT).',
    );
  });
});
