/**
 * The characters an X12 message can carry (ASC X12.6 Application Control Structure): a receiver
 * may accept only the basic character set (upper-case letters, digits, space and
 * `!"&'()*+,-./:;?=`) or the extended one (adds lower case and `%@[]_{}\|<>#$`). Anything else
 * (accents, emoji, `~`, `^`, a backquote) must be transliterated or replaced before a value is
 * sent to CBP; the EDI writer does so (src/edi/x12-text.ts), and the rules warn while the value
 * can still be edited (TEXT_CHARACTERS_REPLACED).
 */
const BASIC = String.raw`A-Z0-9 !"&'()*+,\-./:;?=`;
const EXTENDED = String.raw`${BASIC}a-z%@[\]_{}\\|<>#$`;

export const X12_BASIC_CHARACTER = new RegExp(`^[${BASIC}]$`);
export const X12_EXTENDED_CHARACTER = new RegExp(`^[${EXTENDED}]$`);

/**
 * Any character outside the extended set, whitespace aside (it is sent as a space). Not a
 * Unicode pattern: it is tried on every text of a 100,000-shipment trip, and half of an
 * emoji's surrogate pair is outside the set as surely as the whole.
 */
const OUTSIDE_EXTENDED = new RegExp(`[^${EXTENDED}\\s]`);

/** Strips accents (é → e) the way a person would write the name without them. */
export function transliterate(char: string): string {
  return char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Whether `text` has a character no X12 character set carries (one test: most text has none). */
export function hasCharactersOutsideX12(text: string): boolean {
  return OUTSIDE_EXTENDED.test(text);
}

/** The distinct characters of `text` that no X12 character set carries, in order. */
export function charactersOutsideX12(text: string): string[] {
  const found = new Set<string>();
  for (const char of text) {
    if (!/\s/.test(char) && !X12_EXTENDED_CHARACTER.test(char)) found.add(char);
  }
  return [...found];
}

const inExtendedSet = (char: string): boolean => X12_EXTENDED_CHARACTER.test(char);

/**
 * `text` as the EDI writer sends free text: whitespace runs become one space, and each character
 * `allowed` refuses (by default, those outside the extended set) is transliterated (é → e) or,
 * when nothing of it is left (an emoji), a space. `changed` says whether a character was.
 */
export function x12Text(
  text: string,
  allowed: (char: string) => boolean = inExtendedSet,
): { readonly value: string; readonly changed: boolean } {
  let out = '';
  let changed = false;
  for (const char of text.replace(/\s+/g, ' ').trim()) {
    if (allowed(char)) {
      out += char;
      continue;
    }
    const plain = Array.from(transliterate(char)).filter(allowed).join('');
    changed = true;
    out += plain === '' ? ' ' : plain;
  }
  // Whitespace runs and ends count as layout, not content: collapsing them is no change.
  return { value: out.replace(/ {2,}/g, ' ').trim(), changed };
}
