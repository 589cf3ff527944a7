import { describe, expect, it } from 'vitest';
import { defaultEdiProfile } from '../edi/index.js';
import { readEdiProfileFile, readRegulationFile } from './setting-file.js';

const files: Record<string, string> = {
  'broken.json': '{"edition": }',
  'wrong.json': '{"edition":"x"}',
  'profile.json': JSON.stringify({ ...defaultEdiProfile(), maxShipmentsPer309: 10_000 }),
  'good-profile.json': JSON.stringify({ ...defaultEdiProfile(), transportMethod: 'M' }),
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

describe('a replacement EDI profile read from a file', () => {
  it('locates each problem the same way, from the service (EDI_PROFILE) and the CLI (--profile)', async () => {
    for (const setting of ['EDI_PROFILE', '--profile']) {
      await expect(readEdiProfileFile(setting, 'profile.json', read)).rejects.toThrow(
        `${setting} profile.json is not a valid EDI profile:\n  profile.json#/maxShipmentsPer309: `,
      );
      await expect(readEdiProfileFile(setting, 'broken.json', read)).rejects.toThrow(
        new RegExp(`^${setting} broken\\.json:1:\\d+: not valid JSON: `),
      );
      await expect(readEdiProfileFile(setting, 'absent.json', read)).rejects.toThrow(
        `${setting} absent.json cannot be read (ENOENT).`,
      );
    }
  });

  it('gives the profile it read', async () => {
    const profile = await readEdiProfileFile('EDI_PROFILE', 'good-profile.json', read);
    expect(profile.transportMethod).toBe('M');
  });
});
