import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { writeExportFile } from './export-file.js';

describe('an export file', () => {
  it('holds what was written, its size in bytes, and is gone once read', async () => {
    const pieces = ['{"a":"é"', ',"b":[', 'x'.repeat(3 << 20), '"]}'];
    const file = await writeExportFile(async (sink) => {
      for (const piece of pieces) await sink.write(piece);
    });
    const written = pieces.join('');
    expect(file.bytes).toBe(Buffer.byteLength(written));
    expect(await text(file.open())).toBe(written);
    // Removed when the stream closes, a moment after its end.
    await expect.poll(() => existsSync(file.path)).toBe(false);
  });

  it('is gone when its stream is closed unread (a download that broke off)', async () => {
    const file = await writeExportFile((sink) => sink.write('some text'));
    const stream = file.open();
    stream.destroy();
    await once(stream, 'close');
    await expect.poll(() => existsSync(file.path)).toBe(false);
  });

  it('is never left behind by a writer that fails', async () => {
    const within = mkdtempSync(join(tmpdir(), 'export-file-test-'));
    try {
      await expect(
        writeExportFile(async (sink) => {
          await sink.write('x'.repeat(2 << 20));
          throw new Error('the database went away');
        }, within),
      ).rejects.toThrow('the database went away');
      expect(readdirSync(within)).toEqual([]);
    } finally {
      rmSync(within, { recursive: true, force: true });
    }
  });
});
