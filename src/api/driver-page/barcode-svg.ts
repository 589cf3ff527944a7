import bwipjs from 'bwip-js';

/**
 * Barcodes for the driver's page as inline SVG (bwip-js, the same encoder as the PDFs): vector
 * shapes the phone scales to its screen without blurring, so a scanner at the booth reads the
 * QR code off the display as it reads the placard.
 */
function labelled(svg: string, label: string): string {
  return svg.replace(
    '<svg ',
    `<svg role="img" aria-label="${label}" shape-rendering="crispEdges" preserveAspectRatio="xMidYMid meet" `,
  );
}

/** The CBP QR code (error correction M, as on the lead sheet and placard). */
export function qrSvg(payload: string): string {
  // bwip-js hands options it does not type (BWIPP's own, like eclevel) to the encoder.
  const options = { bcid: 'qrcode', text: payload, eclevel: 'M' } as Parameters<
    typeof bwipjs.toSVG
  >[0];
  return labelled(bwipjs.toSVG(options), 'CBP QR code');
}

/** The trip number as Code 39, its text under the bars. */
export function code39Svg(value: string): string {
  return labelled(
    bwipjs.toSVG({ bcid: 'code39', text: value, includetext: true, height: 12 }),
    `Code 39 barcode of ${value}`,
  );
}
