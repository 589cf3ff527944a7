/**
 * Windows-1252 as the WHATWG Encoding Standard defines it (index-windows-1252), whatever the
 * runtime's TextDecoder does. Node from 20.18.3 and 22.13.0 decodes the label `windows-1252`
 * as Latin-1 (nodejs/node#60888), so bytes 0x80–0x9F (a spreadsheet's “smart quotes”, ’, –, —,
 * €, …) became the C1 control characters U+0080–U+009F, and every row holding one failed with
 * TEXT_CONTROL_CHARACTER. Browsers decode them right; this gives the same text in both.
 */

/** The characters of bytes 0x80–0x9F; the five bytes the index leaves unmapped stay C1. */
const HIGH_HALF =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const C1 = /[\u0080-\u009f]/g;

export class Windows1252Decoder {
  private readonly decoder = new TextDecoder('windows-1252');

  /** One byte is one character, so chunks decode on their own. */
  decode(bytes: Uint8Array): string {
    const text = this.decoder.decode(bytes);
    return text.replace(C1, (char) => HIGH_HALF[char.charCodeAt(0) - 0x80] ?? char);
  }
}
