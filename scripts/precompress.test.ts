import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompress } from './precompress.js';

let root: string;
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const text = (n: number): string =>
  Array.from({ length: n }, (_, i) => `export const line${String(i)} = 'trip ${String(i)}';`).join(
    '\n',
  );

describe('precompress (the web build’s Brotli and gzip copies)', () => {
  it('writes both copies of each text file worth compressing, which unpack to it', async () => {
    root = mkdtempSync(join(tmpdir(), 'emanifest-precompress-'));
    mkdirSync(join(root, 'assets'));
    const files: Record<string, string | Buffer> = {
      'index.html': `<!doctype html>${text(40)}`,
      'assets/app-1.js': text(300),
      'assets/app-1.css': `body{color:red}\n`.repeat(100),
      'favicon.svg': `<svg>${'<path d="M0 0"/>'.repeat(100)}</svg>`,
      // Left as they are: too small, a source map, and a picture (compressed already).
      'assets/tiny.js': 'console.log(1);',
      'assets/app-1.js.map': text(300),
      'logo.png': Buffer.alloc(4000, 7),
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);

    const done = await precompress(root);
    expect(done.files).toEqual([
      'assets/app-1.css',
      'assets/app-1.js',
      'favicon.svg',
      'index.html',
    ]);
    for (const name of done.files) {
      const original = readFileSync(join(root, name));
      expect(brotliDecompressSync(readFileSync(join(root, `${name}.br`))).equals(original)).toBe(
        true,
      );
      expect(gunzipSync(readFileSync(join(root, `${name}.gz`))).equals(original)).toBe(true);
    }
    for (const name of ['assets/tiny.js', 'assets/app-1.js.map', 'logo.png']) {
      expect(existsSync(join(root, `${name}.br`)), name).toBe(false);
      expect(existsSync(join(root, `${name}.gz`)), name).toBe(false);
    }
    expect(done.brotliBytes).toBeLessThan(done.gzipBytes);
    expect(done.gzipBytes).toBeLessThan(done.bytes / 4);

    // Run again over its own output (a build into a folder not emptied): the copies are not
    // compressed a second time.
    const again = await precompress(root);
    expect(again.files).toEqual(done.files);
  });
});
