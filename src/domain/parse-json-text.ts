import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/**
 * Parses JSON text and, when it is not valid JSON, says where: line and column (1-based), as
 * people see them in an editor. JSON.parse does the work; jsonc-parser (strict settings) is
 * only asked on failure, because V8's own messages do not reliably carry a position.
 */
export type JsonTextResult =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly line: number;
      readonly column: number;
      readonly message: string;
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

export function parseJsonText(text: string): JsonTextResult {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(withoutBom) as unknown };
  } catch (error) {
    const errors: ParseError[] = [];
    parse(withoutBom, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (first === undefined) {
      // jsonc-parser accepted what JSON.parse refused: report V8's words at the start.
      return { ok: false, line: 1, column: 1, message: String(error) };
    }
    const where = lineAndColumn(withoutBom, first.offset);
    const code = printParseErrorCode(first.error);
    return { ok: false, ...where, message: EXPLANATIONS[code] ?? code };
  }
}
