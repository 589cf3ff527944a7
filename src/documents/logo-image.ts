import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { Issue } from '../domain/index.js';

/**
 * The company logo printed on the lead sheet: PNG or JPEG, the two raster formats a PDF embeds
 * without conversion (ISO 32000-1, 7.4.4 FlateDecode for PNG data, 7.4.8 DCTDecode for JPEG).
 * The format is read from the file's own signature (PNG: ISO/IEC 15948 5.2; JPEG: ITU-T T.81
 * B.1.1.3), never from a name or a declared content type, and the picture is embedded once in a
 * throwaway PDF, so a file that would break the lead sheet later is refused when it is given.
 */

export type LogoMediaType = 'image/png' | 'image/jpeg';

export interface LogoFacts {
  readonly mediaType: LogoMediaType;
  readonly width: number;
  readonly height: number;
}

/** 512 KiB: a print logo at 300 dpi fits easily; the lead sheet is e-mailed and downloaded. */
export const MAX_LOGO_BYTES = 512 * 1024;
/** Printed at most 160 × 48 points; 4,000 pixels a side is far beyond any print resolution. */
export const MAX_LOGO_SIDE = 4000;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function u16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function u32(bytes: Uint8Array, at: number): number {
  return u16(bytes, at) * 0x10000 + u16(bytes, at + 2);
}

function pngFacts(bytes: Uint8Array): LogoFacts | undefined {
  // The IHDR chunk comes first: length 13, type "IHDR", then width and height.
  const ihdr = String.fromCharCode(...bytes.subarray(12, 16));
  if (bytes.length < 24 || ihdr !== 'IHDR') return undefined;
  return { mediaType: 'image/png', width: u32(bytes, 16), height: u32(bytes, 20) };
}

/** Start-of-frame markers (T.81 table B.1): every SOFn except DHT (C4), JPG (C8) and DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
}

function jpegFacts(bytes: Uint8Array): LogoFacts | undefined {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = u16(bytes, at + 2);
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return undefined;
      return { mediaType: 'image/jpeg', height: u16(bytes, at + 5), width: u16(bytes, at + 7) };
    }
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/**
 * Whether a PNG's pixel data inflates: PDFKit copies an opaque PNG's IDAT stream into the PDF
 * as it is, so a damaged one would only show as a broken picture on the printed sheet.
 */
function pngDataInflates(bytes: Uint8Array, facts: LogoFacts): boolean {
  const data: Uint8Array[] = [];
  // Chunks after the signature: length, type, data, CRC (ISO/IEC 15948 5.3).
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = u32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 12 + length > bytes.length) return false;
    if (type === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  if (data.length === 0) return false;
  try {
    // At most 8 bytes a pixel and a filter byte a row (Adam7 adds one a row of each pass): more
    // is a compression bomb, not a picture.
    const most = facts.height * (1 + facts.width * 8) + facts.height * 8;
    inflateSync(Buffer.concat(data), { maxOutputLength: most });
    return true;
  } catch {
    return false;
  }
}

/** Whether PDFKit can embed the picture: a corrupt PNG stream fails only when it is written. */
function embeds(bytes: Uint8Array): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const doc = new PDFDocument({ font: '', autoFirstPage: true, compress: true });
      doc.on('data', () => undefined);
      doc.on('end', () => {
        resolve(true);
      });
      doc.on('error', () => {
        resolve(false);
      });
      doc.image(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, 0, {
        fit: [160, 48],
      });
      doc.end();
    } catch {
      resolve(false);
    }
  });
}

function logoIssue(code: string, message: string): Issue {
  return { code, severity: 'error', path: '', message };
}

/**
 * The logo's format and size in pixels, or the issues (at the body, path "") that refuse it:
 * COMPANY_LOGO_TOO_LARGE, COMPANY_LOGO_TYPE, COMPANY_LOGO_DIMENSIONS, COMPANY_LOGO_UNREADABLE.
 */
export async function checkLogo(
  bytes: Uint8Array,
): Promise<
  | { readonly ok: true; readonly facts: LogoFacts }
  | { readonly ok: false; readonly issues: Issue[] }
> {
  if (bytes.length > MAX_LOGO_BYTES) {
    return {
      ok: false,
      issues: [
        logoIssue(
          'COMPANY_LOGO_TOO_LARGE',
          `The logo is ${Math.ceil(bytes.length / 1024)} KiB; the limit is ${MAX_LOGO_BYTES / 1024} KiB. Save it smaller (a print logo needs no more than 1,000 pixels across).`,
        ),
      ],
    };
  }
  const isPng = startsWith(bytes, PNG_SIGNATURE);
  const isJpeg = startsWith(bytes, [0xff, 0xd8, 0xff]);
  if (!isPng && !isJpeg) {
    return {
      ok: false,
      issues: [
        logoIssue(
          'COMPANY_LOGO_TYPE',
          'The file is neither a PNG nor a JPEG picture (its first bytes say so, whatever its name); save the logo as PNG or JPEG.',
        ),
      ],
    };
  }
  const facts = isPng ? pngFacts(bytes) : jpegFacts(bytes);
  const kind = isPng ? 'PNG' : 'JPEG';
  const unreadable = {
    ok: false as const,
    issues: [
      logoIssue(
        'COMPANY_LOGO_UNREADABLE',
        `The file starts like a ${kind} picture but cannot be read as one (cut short or damaged); save it again.`,
      ),
    ],
  };
  if (facts === undefined) return unreadable;
  const { width, height } = facts;
  if (width < 1 || height < 1 || width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE) {
    return {
      ok: false,
      issues: [
        logoIssue(
          'COMPANY_LOGO_DIMENSIONS',
          `The logo is ${width} × ${height} pixels; give one 1 to ${MAX_LOGO_SIDE} pixels on each side.`,
        ),
      ],
    };
  }
  // Checked after the size: a forged header must not make PDFKit allocate a giant picture.
  if ((isPng && !pngDataInflates(bytes, facts)) || !(await embeds(bytes))) return unreadable;
  return { ok: true, facts };
}
