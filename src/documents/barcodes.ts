import bwipjs from 'bwip-js';
import { REGULAR, type Pdf } from './pdf.js';

/**
 * Barcodes drawn as vector rectangles from bwip-js's bar and module widths (`raw`), so they
 * stay sharp at any print resolution and cost no image per shipment.
 */

export type LinearSymbology = 'code39' | 'code128';

interface LinearRaw {
  readonly sbs: readonly number[];
}
interface MatrixRaw {
  readonly pixs: readonly number[];
  readonly pixx: number;
  readonly pixy: number;
}

/** The last symbol encoded: measuring it and then drawing it encodes it once. */
let last: { key: string; modules: readonly number[] } | undefined;

/** Bar/space widths in modules, bar first. */
function linearModules(symbology: LinearSymbology, value: string): readonly number[] {
  const key = `${symbology}:${value}`;
  if (last?.key === key) return last.modules;
  const [first] = bwipjs.raw({ bcid: symbology, text: value }) as readonly LinearRaw[];
  if (first === undefined) throw new Error(`bwip-js made no ${symbology} for "${value}"`);
  last = { key, modules: first.sbs };
  return first.sbs;
}

/** The width in modules of a linear barcode, quiet zones left out. */
export function linearWidth(symbology: LinearSymbology, value: string): number {
  return linearModules(symbology, value).reduce((sum, width) => sum + width, 0);
}

export interface LinearPlacement {
  readonly x: number;
  readonly y: number;
  /** Width of the narrowest bar in points. */
  readonly module: number;
  readonly height: number;
  /** Prints the value under the bars, for the reader who has no scanner. */
  readonly caption?: number | undefined;
}

/** Draws a Code 39 or Code 128 symbol; returns its width in points. */
export function drawLinear(
  doc: Pdf,
  symbology: LinearSymbology,
  value: string,
  at: LinearPlacement,
): number {
  const modules = linearModules(symbology, value);
  let x = at.x;
  modules.forEach((width, index) => {
    if (index % 2 === 0) doc.rect(x, at.y, width * at.module, at.height);
    x += width * at.module;
  });
  doc.fillColor('black').fill();
  const total = x - at.x;
  if (at.caption !== undefined) {
    doc.font(REGULAR).fontSize(at.caption);
    doc.text(value, at.x, at.y + at.height + 1, {
      width: total,
      align: 'center',
      height: doc.currentLineHeight(true),
      ellipsis: true,
    });
  }
  return total;
}

/** The QR code's modules: `size` × `size`, row by row, true when dark. */
export function qrModules(value: string): {
  readonly size: number;
  readonly dark: readonly boolean[];
} {
  // Error correction M (15 %): CBP's guide sets no level; M survives a creased or smudged page.
  const [first] = bwipjs.raw('qrcode', value, 'eclevel=M') as readonly MatrixRaw[];
  if (first === undefined) throw new Error('bwip-js made no QR code');
  return { size: first.pixx, dark: first.pixs.map((pixel) => pixel === 1) };
}

/** Draws a QR code `side` points wide (quiet zone of four modules included in `side`). */
export function drawQr(doc: Pdf, value: string, x: number, y: number, side: number): void {
  const { size, dark } = qrModules(value);
  const module = side / (size + 8);
  const left = x + 4 * module;
  const top = y + 4 * module;
  // One rectangle per horizontal run of dark modules: no seams between neighbours.
  for (let row = 0; row < size; row += 1) {
    let column = 0;
    while (column < size) {
      if (dark[row * size + column] !== true) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < size && dark[row * size + column] === true) column += 1;
      doc.rect(left + start * module, top + row * module, (column - start) * module, module);
    }
  }
  doc.fillColor('black').fill();
}
