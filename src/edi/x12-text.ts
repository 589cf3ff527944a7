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

const fastPaths = new Map<string, RegExp>();

/** One regular expression per character set and delimiters: most values pass it unchanged. */
function fastPath(options: TextOptions): RegExp {
  const d = options.delimiters;
  const key = `${options.characterSet}${d.element}${d.subElement}${d.segment}`;
  let pattern = fastPaths.get(key);
  if (pattern === undefined) {
    const set = options.characterSet === 'basic' ? BASIC : EXTENDED;
    const escape = (c: string) => c.replace(/[\\\]^-]/g, '\\$&');
    const body = set.source.slice(1, -1);
    const banned = [d.element, d.subElement, d.segment].map(escape).join('');
    pattern = new RegExp(`^(?!.*[${banned}])(?!.*  )(?! )(?!.* $)${body}*$`);
    fastPaths.set(key, pattern);
  }
  return pattern;
}

export function safeText(input: string, options: TextOptions): SafeText {
  const cased = options.upperCase ? input.toUpperCase() : input;
  if (cased.length <= options.maxLength && fastPath(options).test(cased)) {
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
