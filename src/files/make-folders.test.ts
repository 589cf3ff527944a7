import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFolders } from './make-folders.js';

const dir = mkdtempSync(join(tmpdir(), 'emanifest-folders-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('makeFolders', () => {
  it('makes a folder and its missing parents; one that exists is fine', () => {
    const deep = join(dir, 'a', 'b', 'c');
    makeFolders(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    makeFolders(deep);
    makeFolders(join(dir, 'a'));
    expect(statSync(deep).isDirectory()).toBe(true);
  });

  it('refuses with ENOTDIR when a file is in the way', () => {
    writeFileSync(join(dir, 'file'), '');
    expect(() => {
      makeFolders(join(dir, 'file', 'below'));
    }).toThrow(expect.objectContaining({ code: 'ENOTDIR' }) as Error);
    expect(() => {
      makeFolders(join(dir, 'file'));
    }).toThrow(expect.objectContaining({ code: 'ENOTDIR' }) as Error);
  });

  // Node 20's mkdir(…, { recursive: true }) spins forever there.
  it.skipIf(!existsSync('/proc/self'))(
    'answers at once under a folder that takes no entries',
    () => {
      expect(() => {
        makeFolders('/proc/nope/deeper');
      }).toThrow(expect.objectContaining({ code: 'ENOENT' }) as Error);
    },
  );
});
