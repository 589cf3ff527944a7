import bwipjs from 'bwip-js';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkLogo, MAX_LOGO_BYTES } from './logo-image.js';

/** A 24 × 12 JFIF JPEG (APP0 and DQT before the frame header): poppler's pdftoppm of a page. */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEAGAAYAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAMABgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD3+iiigAooooA//9k=',
  'base64',
);

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A grey PNG of the given size, whose IDAT is `idat` when given (damaged on purpose). */
function png(width: number, height: number, idat?: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc(height * (1 + width), 0x80);
  for (let row = 0; row < height; row += 1) rows[row * (1 + width)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', idat ?? deflateSync(rows)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

async function codes(bytes: Uint8Array): Promise<string[]> {
  const result = await checkLogo(bytes);
  return result.ok ? [] : result.issues.map((issue) => issue.code);
}

describe('the company logo check', () => {
  it('reads the format and size of a PNG and of a JPEG from their bytes', async () => {
    expect(await checkLogo(png(40, 10))).toEqual({
      ok: true,
      facts: { mediaType: 'image/png', width: 40, height: 10 },
    });
    const qr = await bwipjs.toBuffer({ bcid: 'qrcode', text: 'LOGO', scale: 2 });
    expect(await checkLogo(qr)).toMatchObject({ ok: true, facts: { mediaType: 'image/png' } });
    expect(await checkLogo(JPEG)).toEqual({
      ok: true,
      facts: { mediaType: 'image/jpeg', width: 24, height: 12 },
    });
  });

  it('refuses what is neither, whatever it claims to be', async () => {
    expect(await codes(Buffer.from('GIF89a\u0001\u0000\u0001\u0000', 'latin1'))).toEqual([
      'COMPANY_LOGO_TYPE',
    ]);
    expect(await codes(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual([
      'COMPANY_LOGO_TYPE',
    ]);
    expect(await codes(new Uint8Array(0))).toEqual(['COMPANY_LOGO_TYPE']);
  });

  it('refuses a file over the limit before reading it', async () => {
    const big = Buffer.concat([png(4, 4), Buffer.alloc(MAX_LOGO_BYTES)]);
    expect(await codes(big)).toEqual(['COMPANY_LOGO_TOO_LARGE']);
  });

  it('refuses a picture with no pixels or too many on a side', async () => {
    expect(await codes(png(0, 10))).toEqual(['COMPANY_LOGO_DIMENSIONS']);
    expect(await codes(png(4001, 1))).toEqual(['COMPANY_LOGO_DIMENSIONS']);
  });

  it('refuses a picture cut short or with damaged pixel data', async () => {
    expect(await codes(png(40, 10).subarray(0, 30))).toEqual(['COMPANY_LOGO_UNREADABLE']);
    expect(await codes(png(40, 10, Buffer.from('not deflate data')))).toEqual([
      'COMPANY_LOGO_UNREADABLE',
    ]);
    // A bomb: a small stream that inflates far beyond what 40 × 10 pixels need.
    expect(await codes(png(40, 10, deflateSync(Buffer.alloc(10_000_000))))).toEqual([
      'COMPANY_LOGO_UNREADABLE',
    ]);
    // A JPEG whose markers stop before the frame header.
    expect(await codes(JPEG.subarray(0, 40))).toEqual(['COMPANY_LOGO_UNREADABLE']);
  });
});
