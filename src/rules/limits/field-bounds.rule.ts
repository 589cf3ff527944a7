import {
  charactersOutsideX12,
  hasCharactersOutsideX12,
  pointer,
  x12Text,
} from '../../domain/index.js';
import { fieldWords } from '../field-labels.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';

/**
 * Bounds on every text and number of the document. The X12 309 elements ACE receives are short
 * (names, addresses and commodity descriptions are a few dozen characters; quantities, weights
 * and values are numeric elements of at most 10–15 digits: CBP ACE highway eManifest X12 309
 * implementation guide). Nothing beyond these bounds can be filed, and without them a
 * million-character name or a quantity of 1.5e300 would be stored without a word.
 * The bounds are generous on purpose: the per-field formats are the other rules' business.
 *
 * The same walk warns of characters no X12 message can carry (ASC X12.6 character sets,
 * src/domain/x12-characters.ts): the EDI writer replaces them in free text at filing time, and
 * the dispatcher should see that while the text can still be edited, not in the filing log.
 */
export const MAX_TEXT_LENGTH = 256;

/** Largest accepted number per field name; quantities and weights: 10 digits, money: 12. */
export const NUMBER_BOUNDS: Readonly<Record<string, number>> = {
  quantity: 9_999_999_999,
  weight: 9_999_999_999,
  value: 999_999_999_999,
  policyAmount: 999_999_999_999,
};

const TEXT_TOO_LONG: IssueDefinition = {
  code: 'TEXT_TOO_LONG',
  severity: 'error',
  title: `A text is longer than ${MAX_TEXT_LENGTH} characters`,
  fix: 'Shorten it: no field of the CBP highway eManifest is that long.',
  source: 'CBP ACE highway eManifest ANSI X12 309 implementation guide (element sizes)',
};

const NUMBER_TOO_LARGE: IssueDefinition = {
  code: 'NUMBER_TOO_LARGE',
  severity: 'error',
  title: 'A number is larger than CBP accepts',
  fix: 'Check the unit and the digits: quantities and weights have at most 10 digits, values at most 12.',
  source: 'CBP ACE highway eManifest ANSI X12 309 implementation guide (element sizes)',
};

const TEXT_CHARACTERS_REPLACED: IssueDefinition = {
  code: 'TEXT_CHARACTERS_REPLACED',
  severity: 'warning',
  title: 'A text has characters the CBP EDI cannot carry; they will be replaced',
  fix: 'Write the text without accents, emoji or the characters named (as the message shows), so CBP receives it as written.',
  source: 'ASC X12.6 Application Control Structure: basic and extended character sets',
};

/**
 * The field a text is in, in words ("Last name"; an item of a list by the list's name, "Seal"),
 * so that the message says which one without its whole value.
 */
function textName(key: string): string {
  return key === '' ? 'The text' : fieldWords(key);
}

/** A text quoted in a message, cut after 60 characters: the issue's path says where it is. */
function shortQuote(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 60)}…`;
}

/**
 * Walks the whole document without recursion (depth is bounded, breadth is not). A trip of
 * 100,000 shipments has millions of values and few or no issues, so the walk allocates nothing
 * per value: the values still to visit are kept in parallel arrays (value, token, the field
 * name the number bounds look up, depth), the path to the current one in `path`, and the JSON
 * Pointer is spelled only when an issue is raised.
 */
export const fieldBoundsRule: Rule = {
  id: 'field-bounds',
  issues: [TEXT_TOO_LONG, NUMBER_TOO_LARGE, TEXT_CHARACTERS_REPLACED],
  check(document) {
    const issues = [];
    const values: unknown[] = [document];
    const tokens: (string | number)[] = [''];
    // An array's items keep the array's field name.
    const keys: string[] = [''];
    const depths: number[] = [0];
    // path[0 … length - 1] is the path to the current value; items past it are stale (setting
    // an array's length on every value was a tenth of this walk).
    const path: (string | number)[] = [];
    let length = 0;
    const here = (): string => pointer(...path.slice(0, length));
    while (values.length > 0) {
      const value = values.pop();
      const token = tokens.pop() ?? '';
      const key = keys.pop() ?? '';
      const depth = depths.pop() ?? 0;
      // Depth first: the path down to the parent is still in place; the root has no token.
      length = depth;
      if (depth > 0) path[depth - 1] = token;
      if (typeof value === 'string') {
        if (hasCharactersOutsideX12(value)) {
          const characters = charactersOutsideX12(value).join(' ');
          issues.push(
            raise(
              TEXT_CHARACTERS_REPLACED,
              here(),
              `"${shortQuote(value)}" has characters the CBP EDI cannot carry (${characters}); it will be sent as "${shortQuote(x12Text(value).value)}".`,
            ),
          );
        }
        if (value.length > MAX_TEXT_LENGTH) {
          issues.push(
            raise(
              TEXT_TOO_LONG,
              here(),
              `${textName(key)} has ${value.length.toLocaleString('en-US')} characters; at most ${MAX_TEXT_LENGTH} are accepted.`,
            ),
          );
        }
      } else if (typeof value === 'number') {
        const bound = NUMBER_BOUNDS[key];
        if (bound !== undefined && !(Math.abs(value) <= bound)) {
          issues.push(
            raise(
              NUMBER_TOO_LARGE,
              here(),
              `${value} is out of range: at most ${bound.toLocaleString('en-US')} is accepted here.`,
            ),
          );
        }
      } else if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          values.push(value[i]);
          tokens.push(i);
          keys.push(key);
          depths.push(depth + 1);
        }
      } else if (value !== null && typeof value === 'object') {
        const fields = Object.keys(value);
        const record = value as Record<string, unknown>;
        for (let i = fields.length - 1; i >= 0; i--) {
          const field = fields[i] ?? '';
          values.push(record[field]);
          tokens.push(field);
          keys.push(field);
          depths.push(depth + 1);
        }
      }
    }
    return issues;
  },
};
