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
function textName(visit: Visit): string {
  return visit.key === '' ? 'The text' : fieldWords(visit.key);
}

/** A text quoted in a message, cut after 60 characters: the issue's path says where it is. */
function shortQuote(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 60)}…`;
}

interface Visit {
  readonly value: unknown;
  /** The field or index under the parent; the path is spelled only for an issue. */
  readonly token: string | number;
  /** The field name the number bounds look up (an array's items keep the array's). */
  readonly key: string;
  readonly parent: Visit | undefined;
}

function pathOf(visit: Visit): string {
  const tokens: (string | number)[] = [];
  // The root (the document itself) has no parent and no token of its own.
  for (let at = visit; at.parent !== undefined; at = at.parent) tokens.push(at.token);
  return pointer(...tokens.reverse());
}

/**
 * Walks the whole document without recursion (depth is bounded, breadth is not). A trip of
 * 100,000 shipments has millions of values and few or no issues, so the walk keeps a link to
 * each value's parent and spells the JSON Pointer only when it raises an issue.
 */
export const fieldBoundsRule: Rule = {
  id: 'field-bounds',
  issues: [TEXT_TOO_LONG, NUMBER_TOO_LARGE, TEXT_CHARACTERS_REPLACED],
  check(document) {
    const issues = [];
    const stack: Visit[] = [{ value: document, token: '', key: '', parent: undefined }];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const { value, key } = next;
      if (typeof value === 'string') {
        if (hasCharactersOutsideX12(value)) {
          const characters = charactersOutsideX12(value).join(' ');
          issues.push(
            raise(
              TEXT_CHARACTERS_REPLACED,
              pathOf(next),
              `"${shortQuote(value)}" has characters the CBP EDI cannot carry (${characters}); it will be sent as "${shortQuote(x12Text(value).value)}".`,
            ),
          );
        }
        if (value.length > MAX_TEXT_LENGTH) {
          issues.push(
            raise(
              TEXT_TOO_LONG,
              pathOf(next),
              `${textName(next)} has ${value.length.toLocaleString('en-US')} characters; at most ${MAX_TEXT_LENGTH} are accepted.`,
            ),
          );
        }
      } else if (typeof value === 'number') {
        const bound = NUMBER_BOUNDS[key];
        if (bound !== undefined && !(Math.abs(value) <= bound)) {
          issues.push(
            raise(
              NUMBER_TOO_LARGE,
              pathOf(next),
              `${value} is out of range: at most ${bound.toLocaleString('en-US')} is accepted here.`,
            ),
          );
        }
      } else if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          stack.push({ value: value[i] as unknown, token: i, key, parent: next });
        }
      } else if (value !== null && typeof value === 'object') {
        const keys = Object.keys(value);
        const record = value as Record<string, unknown>;
        for (let i = keys.length - 1; i >= 0; i--) {
          const childKey = keys[i] ?? '';
          stack.push({ value: record[childKey], token: childKey, key: childKey, parent: next });
        }
      }
    }
    return issues;
  },
};
