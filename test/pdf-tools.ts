/**
 * Reads PDFs back with tools that share no code with the renderer: poppler's `pdftotext`,
 * `pdftoppm` and `pdfimages` (Debian `poppler-utils`) and ZBar's `zbarimg` (`zbar-tools`).
 * Missing tools: the paperwork read-back tests fail under CI (`.ci/run` installs them) and are
 * skipped, loudly, elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocumentFonts } from '../src/config/document-fonts.js';

const TOOLS = ['pdftotext', 'pdftoppm', 'pdfimages', 'zbarimg'] as const;

function missingTools(): string[] {
  return TOOLS.filter((tool) => {
    const result = spawnSync(tool, ['-v'], { stdio: 'ignore' });
    return result.error !== undefined;
  });
}

const missing = missingTools();
export const pdfToolsMissing = missing.length > 0;
if (pdfToolsMissing) {
  const message = `PDF read-back tools missing: ${missing.join(', ')} (install: apt-get install -y poppler-utils zbar-tools)`;
  if (process.env['CI'] !== undefined) throw new Error(`${message}; they are required in CI.`);
  console.warn(`\n*** ${message}; the paperwork read-back tests are SKIPPED. ***\n`);
}

export const fonts = await readDocumentFonts();

function run(tool: string, args: readonly string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined) throw result.error;
  // zbarimg exits 4 when it finds no symbol: an empty list, not a failure.
  if (result.status !== 0 && !(tool === 'zbarimg' && result.status === 4)) {
    throw new Error(`${tool} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  }
  return result.stdout;
}

function withFile<T>(pdf: Uint8Array, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'emanifest-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the PDF (or of one page), in reading order. */
export function pdfText(pdf: Uint8Array, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return withFile(pdf, (file) => run('pdftotext', [...range, file, '-']));
}

/** Each word's text and height in points (pdftotext -bbox): the type size as printed. */
export function wordHeights(pdf: Uint8Array, page = 1): { word: string; height: number }[] {
  const html = withFile(pdf, (file) =>
    run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']),
  );
  return [
    ...html.matchAll(
      /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((match) => ({ word: match[3] ?? '', height: Number(match[2]) - Number(match[1]) }));
}

/** Page count, from poppler's reading of the file. */
export function pageCount(pdf: Uint8Array): number {
  return (pdfText(pdf).match(/\f/g) ?? []).length;
}

/** Images embedded in the PDF (pdfimages -list), one line each. */
export function imageList(pdf: Uint8Array): string[] {
  return withFile(pdf, (file) => run('pdfimages', ['-list', file]))
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '');
}

export interface DecodedSymbol {
  /** ZBar's name: `QR-Code`, `CODE-39`, `CODE-128`. */
  readonly type: string;
  readonly data: string;
}

/**
 * Barcodes and QR codes ZBar finds on one page rendered at `dpi` (pdftoppm). The page goes to
 * ZBar as a raw greyscale PGM: the same pixels as a PNG, without compressing 8 megapixels
 * (a Letter page at 300 dpi) only for ZBar to decompress them, which was most of the time.
 */
export function decodePage(pdf: Uint8Array, page = 1, dpi = 300): DecodedSymbol[] {
  return withFile(pdf, (file, dir) => {
    run('pdftoppm', [
      '-r',
      String(dpi),
      '-gray',
      '-f',
      String(page),
      '-l',
      String(page),
      file,
      join(dir, 'page'),
    ]);
    const image = readdirSync(dir).find((name) => name.startsWith('page') && name.endsWith('.pgm'));
    if (image === undefined) throw new Error(`pdftoppm rendered no page ${page}`);
    const out = run('zbarimg', [
      '-q',
      '-Sdisable',
      '-Scode39.enable',
      '-Scode128.enable',
      '-Sqrcode.enable',
      join(dir, image),
    ]);
    return out
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const colon = line.indexOf(':');
        return { type: line.slice(0, colon), data: line.slice(colon + 1) };
      });
  });
}

/** The decoded values of one symbology, sorted. */
export function valuesOf(symbols: readonly DecodedSymbol[], type: string): string[] {
  return symbols
    .filter((symbol) => symbol.type === type)
    .map((symbol) => symbol.data)
    .sort();
}

/** Barcodes and QR codes ZBar finds in a picture (a browser screenshot, say). */
export function decodeImage(png: string): DecodedSymbol[] {
  return run('zbarimg', ['-q', '-Sdisable', '-Scode39.enable', '-Sqrcode.enable', png])
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      return { type: line.slice(0, colon), data: line.slice(colon + 1) };
    });
}

/** Renders one page of the PDF to `png` (pdftoppm), for the pictures in docs/. */
export function renderPagePng(pdf: Uint8Array, png: string, page = 1, dpi = 80): void {
  withFile(pdf, (file, dir) => {
    run('pdftoppm', [
      '-r',
      String(dpi),
      '-png',
      '-singlefile',
      '-f',
      String(page),
      '-l',
      String(page),
      file,
      join(dir, 'page'),
    ]);
    copyFileSync(join(dir, 'page.png'), png);
  });
}
