import {
  x12Text,
  X12_BASIC_CHARACTER as BASIC,
  X12_EXTENDED_CHARACTER as EXTENDED,
} from '../domain/index.js';
import type { Delimiters } from './segment.js';

/**
 * Makes a value safe for one X12 element. X12.6 reserves the delimiters the ISA declares, and a
 * receiver may accept only the basic or the extended character set (src/domain/x12-characters.ts);
 * anything else (accents, emoji, control characters) must be transliterated or replaced. Free text may be
 * shortened at a word boundary when longer than the element allows; identifiers never are:
 * a shortened SCN or seal number would name another thing.
 */
export type CharacterSet = 'basic' | 'extended';

export type TextChange = 'characters' | 'shortened';

export interface SafeText {
  readonly value: string;
  /** What was changed, so the caller can warn; empty when the value went through as given. */
  readonly changes: readonly TextChange[];
  /** The value does not fit and may not be shortened (an identifier). */
  readonly tooLong: boolean;
  /** Characters that cannot be sent were found in a value that may not be changed. */
  readonly unrepresentable: boolean;
}

export interface TextOptions {
  readonly delimiters: Delimiters;
  readonly characterSet: CharacterSet;
  readonly upperCase: boolean;
  readonly maxLength: number;
  /** Free text may be adjusted and shortened (with a warning); identifiers may not. */
  readonly kind: 'text' | 'identifier';
}

function allowed(char: string, options: TextOptions): boolean {
  if (
    char === options.delimiters.element ||
    char === options.delimiters.subElement ||
    char === options.delimiters.segment
  ) {
    return false;
  }
  return (options.characterSet === 'basic' ? BASIC : EXTENDED).test(char);
}

function shorten(value: string, maxLength: number): string {
  const cut = value.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  // Cut at the last word boundary when it keeps most of the text; a half word misleads.
  return (space >= maxLength * 0.6 ? cut.slice(0, space) : cut).trimEnd();
}

/**
 * The test most values pass unchanged, per character set and delimiters: every character in the
 * set (one pass of a character class), then no delimiter, no double space, nor a space at
 * either end (native searches). One expression with a lookahead for each of these scanned the
 * value five times, a tenth of writing the 309s of a 100,000-shipment trip.
 */
interface FastPath {
  readonly characters: RegExp;
  readonly delimiters: readonly string[];
}

/** By the profile's delimiters object: a look-up per value builds no key. */
const fastPaths = new WeakMap<Delimiters, Partial<Record<CharacterSet, FastPath>>>();

function fastPath(delimiters: Delimiters, characterSet: CharacterSet): FastPath {
  let bySet = fastPaths.get(delimiters);
  if (bySet === undefined) {
    bySet = {};
    fastPaths.set(delimiters, bySet);
  }
  let found = bySet[characterSet];
  if (found === undefined) {
    const set = characterSet === 'basic' ? BASIC : EXTENDED;
    found = {
      characters: new RegExp(`^${set.source.slice(1, -1)}*$`),
      delimiters: [delimiters.element, delimiters.subElement, delimiters.segment],
    };
    bySet[characterSet] = found;
  }
  return found;
}

/**
 * Whether `value` (already upper-cased where the profile asks) goes into an element of
 * `maxLength` exactly as it is: safeText would change nothing and say nothing.
 */
export function sendsAsIs(
  value: string,
  rules: Pick<TextOptions, 'delimiters' | 'characterSet'>,
  maxLength: number,
): boolean {
  if (value.length > maxLength) return false;
  if (value.startsWith(' ') || value.endsWith(' ') || value.includes('  ')) return false;
  const path = fastPath(rules.delimiters, rules.characterSet);
  for (const delimiter of path.delimiters) if (value.includes(delimiter)) return false;
  return path.characters.test(value);
}

export function safeText(input: string, options: TextOptions): SafeText {
  const cased = options.upperCase ? input.toUpperCase() : input;
  if (sendsAsIs(cased, options, options.maxLength)) {
    return { value: cased, changes: [], tooLong: false, unrepresentable: false };
  }
  const { value: out, changed: changedCharacters } = x12Text(cased, (char) =>
    allowed(char, options),
  );
  // An identifier may not be changed: a character it cannot send makes it unsendable.
  const unrepresentable = changedCharacters && options.kind === 'identifier';
  const changes: TextChange[] = changedCharacters ? ['characters'] : [];
  if (out.length <= options.maxLength) {
    return { value: out, changes, tooLong: false, unrepresentable };
  }
  if (options.kind === 'identifier') {
    return { value: out, changes, tooLong: true, unrepresentable };
  }
  return {
    value: shorten(out, options.maxLength),
    changes: [...changes, 'shortened'],
    tooLong: false,
    unrepresentable,
  };
}
