import PDFDocument from 'pdfkit';

/**
 * The PDF canvas every document draws on, and the few rules that make its bytes the same on
 * every machine: the fonts are embedded (subsets of the font files the caller passes in, never
 * a viewer's substitute for Helvetica), the creation date is fixed, and PDFKit derives the
 * file ID from the document information, so one trip always renders to the same bytes.
 */

/** TrueType/WOFF font files: regular and bold. Read by the caller; this layer does no I/O. */
export interface DocumentFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

export type Pdf = PDFKit.PDFDocument;

/** Page sizes in PDF points (1/72 inch). */
export const PAGE = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
} as const;

/** The creation date written into every PDF unless the caller gives one: a constant, so a
 * golden comparison of two renderings holds. */
export const FIXED_CREATION_DATE = new Date('2000-01-01T00:00:00Z');

export const REGULAR = 'Regular';
export const BOLD = 'Bold';

export interface CanvasOptions {
  readonly fonts: DocumentFonts;
  readonly title: string;
  readonly size: 'letter' | 'a4';
  readonly createdAt?: Date | undefined;
}

function bytes(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** A new document with its first page; pages are buffered so footers can number them. */
export function newPdf(options: CanvasOptions): Pdf {
  const date = options.createdAt ?? FIXED_CREATION_DATE;
  const doc = new PDFDocument({
    size: options.size === 'letter' ? 'LETTER' : 'A4',
    margin: 0,
    // '' skips PDFKit's default Helvetica, which it would read from its own AFM files.
    font: '',
    bufferPages: true,
    compress: true,
    autoFirstPage: true,
    info: {
      Title: options.title,
      Producer: 'ACE eManifest',
      Creator: 'ACE eManifest',
      CreationDate: date,
      ModDate: date,
    },
  });
  doc.registerFont(REGULAR, bytes(options.fonts.regular));
  doc.registerFont(BOLD, bytes(options.fonts.bold));
  doc.font(REGULAR);
  return doc;
}

/** Ends the document and returns its bytes. */
export function finish(doc: Pdf): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
    });
    doc.on('error', reject);
    doc.end();
  });
}

export interface TextOptions {
  readonly size: number;
  readonly bold?: boolean;
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
  /** Lines allowed before the text is cut with an ellipsis (default 1). */
  readonly lines?: number;
}

/** Text in a box of `lines` lines; longer text is cut with an ellipsis, never overflowing. */
export function text(doc: Pdf, value: string, x: number, y: number, options: TextOptions): number {
  doc.font(options.bold === true ? BOLD : REGULAR).fontSize(options.size);
  const lineHeight = doc.currentLineHeight(true);
  const lines = options.lines ?? 1;
  const height = lineHeight * lines;
  doc.text(value, x, y, {
    width: options.width,
    height,
    ellipsis: true,
    align: options.align ?? 'left',
  });
  if (lines === 1) return height;
  // The lines the text took, so the next line follows it rather than the box's bottom.
  const used = Math.ceil(doc.heightOfString(value, { width: options.width }) / lineHeight - 0.01);
  return lineHeight * Math.max(1, Math.min(lines, used));
}

/**
 * "Page N of M" at the foot of every page from `from` (default: the first) to the last, once
 * those pages exist; a document holding several sheets numbers each one's pages on their own.
 */
export function numberPages(
  doc: Pdf,
  label: (page: number, count: number) => string,
  from = 0,
): void {
  const range = doc.bufferedPageRange();
  const first = range.start + from;
  const end = range.start + range.count;
  for (let index = first; index < end; index += 1) {
    doc.switchToPage(index);
    const width = doc.page.width;
    text(doc, label(index - first + 1, end - first), 36, doc.page.height - 28, {
      size: 9,
      width: width - 72,
      align: 'right',
    });
  }
}
