import { TEMPLATE_COLUMNS, TEMPLATE_HEADERS, csvLine } from './template.js';

/** Test helpers: CSV text from rows of overrides to the template's example row. */
export function templateRow(overrides: Readonly<Record<string, string>> = {}): string[] {
  return TEMPLATE_COLUMNS.map((column) => overrides[column.header] ?? column.example);
}

export function csvText(rows: readonly (readonly string[])[], header = TEMPLATE_HEADERS): string {
  return csvLine(header) + rows.map(csvLine).join('');
}

/** The bytes in chunks of `size`, to cross every boundary a stream could cut at. */
export function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
