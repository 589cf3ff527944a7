import type { DocumentFonts } from '../../../documents/index.js';
import type { AppDeps } from '../../shared/deps.js';

/**
 * The paperwork use cases render PDFs, which embed font files; the caller (API, CLI) reads
 * them once (src/config/document-fonts.ts) and passes the bytes in, so no use case does I/O.
 */
export interface PaperworkDeps extends AppDeps {
  readonly fonts: DocumentFonts;
}

/** A rendered document and the name a download should suggest. */
export interface RenderedPdf {
  readonly pdf: Uint8Array;
  readonly pages: number;
  readonly filename: string;
}

export type PaperSize = 'letter' | 'a4';

/** A file name from a trip number or SCN: letters, digits and dashes only. */
export function fileName(stem: string, suffix: string): string {
  const safe = stem.replace(/[^A-Za-z0-9-]/g, '');
  return `${safe === '' ? 'document' : safe}-${suffix}.pdf`;
}
