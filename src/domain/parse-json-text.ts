import { parse, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { pointer } from './json-pointer.js';

/**
 * Parses JSON text and, when it is not valid JSON, says where: line and column (1-based), as
 * people see them in an editor. JSON.parse does the work; jsonc-parser (strict settings) is
 * only asked on failure, because V8's own messages do not reliably carry a position.
 */
export type JsonTextResult =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      /**
       * `too-deep`: arrays and objects nested deeper than MAX_JSON_DEPTH; `repeated-field`: a
       * field name twice in one object (both maybe valid JSON).
       */
      readonly reason: 'syntax' | 'too-deep' | 'repeated-field';
      readonly line: number;
      readonly column: number;
      readonly message: string;
      /** The JSON Pointer of the repeated field's second appearance; '' otherwise. */
      readonly path: string;
    };

const EXPLANATIONS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a field name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon (:) was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing brace (}) was expected',
  CloseBracketExpected: 'a closing bracket (]) was expected',
  EndOfFileExpected: 'the document should end here',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * A trip document nests about eight levels (document, shipments, shipment, commodities,
 * commodity, hazmat …). Anything far deeper is an attack or a bug, and recursive code
 * downstream (error location, schema checks, serializers) would overflow the stack on it.
 */
export const MAX_JSON_DEPTH = 64;

/** The offset of the first bracket nested deeper than `max`, or -1; skips strings. */
export function excessiveNesting(text: string, max = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/**
 * The first field name an object of `text` repeats, where it appears again, and its JSON
 * Pointer. JSON.parse keeps the last silently; RFC 8259 §4 says names SHOULD be unique and
 * that software receiving such an object behaves unpredictably, so a document with one is
 * refused rather than read with one of its values lost. jsonc-parser reads the text (a
 * second pass beside JSON.parse, which cannot tell). Only for text nested at most
 * MAX_JSON_DEPTH deep (excessiveNesting first): the reader recurses.
 */
export function repeatedField(
  text: string,
): { readonly offset: number; readonly path: string; readonly name: string } | undefined {
  const names: (Set<string> | undefined)[] = [];
  let found: { offset: number; path: string; name: string } | undefined;
  visit(
    text,
    {
      onObjectBegin: () => {
        names.push(new Set());
        return found === undefined;
      },
      onArrayBegin: () => {
        names.push(undefined);
        return found === undefined;
      },
      // Called for the object or array whose begin returned false too (jsonc-parser 3).
      onObjectEnd: () => void names.pop(),
      onArrayEnd: () => void names.pop(),
      onObjectProperty: (name, offset, _length, _line, _column, pathSupplier) => {
        const seen = names.at(-1);
        if (found !== undefined || seen === undefined) return;
        if (!seen.has(name)) {
          seen.add(name);
          return;
        }
        found = { offset, path: pointer(...pathSupplier(), name), name };
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return found;
}

export function parseJsonText(text: string): JsonTextResult {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const deep = excessiveNesting(withoutBom);
  if (deep >= 0) {
    return {
      ok: false,
      reason: 'too-deep',
      ...lineAndColumn(withoutBom, deep),
      message: `lists and objects are nested deeper than ${MAX_JSON_DEPTH} levels`,
      path: '',
    };
  }
  const repeated = repeatedField(withoutBom);
  if (repeated !== undefined) {
    return {
      ok: false,
      reason: 'repeated-field',
      ...lineAndColumn(withoutBom, repeated.offset),
      message: repeatedFieldMessage(repeated.name),
      path: repeated.path,
    };
  }
  try {
    return { ok: true, value: JSON.parse(withoutBom) as unknown };
  } catch (error) {
    const errors: ParseError[] = [];
    parse(withoutBom, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (first === undefined) {
      // jsonc-parser accepted what JSON.parse refused: report V8's words at the start.
      return { ok: false, reason: 'syntax', line: 1, column: 1, message: String(error), path: '' };
    }
    const where = lineAndColumn(withoutBom, first.offset);
    const code = printParseErrorCode(first.error);
    return {
      ok: false,
      reason: 'syntax',
      ...where,
      message: EXPLANATIONS[code] ?? code,
      path: '',
    };
  }
}

/** Why a repeated field is refused, in the same words wherever JSON comes in. */
export function repeatedFieldMessage(name: string): string {
  return `the field "${name}" appears twice in one object; JSON keeps only one of the two values, so which one you meant is unknown`;
}
