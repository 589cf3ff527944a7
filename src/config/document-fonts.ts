import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The font files the paperwork embeds: Noto Sans (SIL Open Font License), latin subset, from
 * the pinned `@fontsource/noto-sans` package, so every machine embeds the same glyphs and a PDF
 * renders alike in every viewer (docs/adr/0010-documents.md). Read here, outside the pure
 * `documents` layer, by the CLI and (later) the API.
 */
export interface FontFiles {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

const require = createRequire(import.meta.url);

function fontPath(weight: 400 | 700): string {
  return require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff`);
}

let cached: Promise<FontFiles> | undefined;

export function readDocumentFonts(): Promise<FontFiles> {
  cached ??= Promise.all([readFile(fontPath(400)), readFile(fontPath(700))]).then(
    ([regular, bold]) => ({ regular, bold }),
  );
  return cached;
}
