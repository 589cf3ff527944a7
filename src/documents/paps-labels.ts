import { drawLinear, linearWidth } from './barcodes.js';
import { finish, newPdf, text, type DocumentFonts } from './pdf.js';

/**
 * Sheets of PAPS labels: one SCN per label as Code 128 with the text under it, for the freight
 * (never for the papers handed to the officer at the booth). Two common die-cut layouts, in
 * points: 30 labels of 2⅝" × 1" on US Letter (the Avery 5160 layout) and 21 labels of
 * 63.5 × 38.1 mm on A4 (the Avery L7160 layout).
 */
export interface LabelLayout {
  readonly size: 'letter' | 'a4';
  readonly columns: number;
  readonly rows: number;
  readonly labelWidth: number;
  readonly labelHeight: number;
  readonly left: number;
  readonly top: number;
  /** Distance from one label's left edge to the next one's. */
  readonly pitchX: number;
  readonly pitchY: number;
}

const MM = 72 / 25.4;

export const LABEL_LAYOUTS = {
  'letter-30': {
    size: 'letter',
    columns: 3,
    rows: 10,
    labelWidth: 189,
    labelHeight: 72,
    left: 13.5,
    top: 36,
    pitchX: 198,
    pitchY: 72,
  },
  'a4-21': {
    size: 'a4',
    columns: 3,
    rows: 7,
    labelWidth: 63.5 * MM,
    labelHeight: 38.1 * MM,
    left: 7.25 * MM,
    top: 15.15 * MM,
    pitchX: 66.04 * MM,
    pitchY: 38.1 * MM,
  },
} as const satisfies Record<string, LabelLayout>;

export type LabelLayoutName = keyof typeof LABEL_LAYOUTS;

export interface PapsLabelOptions {
  readonly fonts: DocumentFonts;
  readonly layout?: LabelLayoutName | undefined;
  readonly createdAt?: Date | undefined;
}

export async function papsLabelsPdf(
  scns: readonly string[],
  options: PapsLabelOptions,
): Promise<{ readonly pdf: Uint8Array; readonly pages: number }> {
  const layout: LabelLayout = LABEL_LAYOUTS[options.layout ?? 'letter-30'];
  const doc = newPdf({
    fonts: options.fonts,
    title: `PAPS labels ${scns[0] ?? ''}`.trim(),
    size: layout.size,
    createdAt: options.createdAt,
  });
  const perPage = layout.columns * layout.rows;
  scns.forEach((scn, index) => {
    const slot = index % perPage;
    if (index > 0 && slot === 0) doc.addPage();
    const x = layout.left + (slot % layout.columns) * layout.pitchX;
    const y = layout.top + Math.floor(slot / layout.columns) * layout.pitchY;
    const quiet = 12;
    const module = Math.min(1.1, (layout.labelWidth - 2 * quiet) / linearWidth('code128', scn));
    const barsWidth = module * linearWidth('code128', scn);
    const barsHeight = layout.labelHeight * 0.5;
    text(doc, 'PAPS', x + quiet, y + 4, { size: 7, width: layout.labelWidth - 2 * quiet });
    drawLinear(doc, 'code128', scn, {
      x: x + (layout.labelWidth - barsWidth) / 2,
      y: y + 14,
      module,
      height: barsHeight,
    });
    text(doc, scn, x + quiet, y + 16 + barsHeight, {
      size: 10,
      bold: true,
      width: layout.labelWidth - 2 * quiet,
      align: 'center',
    });
  });
  const pages = doc.bufferedPageRange().count;
  return { pdf: await finish(doc), pages };
}
