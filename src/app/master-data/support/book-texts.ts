/**
 * The texts of an address-book entry (a party, a profile's truck, trailer or person) are copied
 * into trips as they are and sent to CBP from there, so they are held to the trip document's
 * bounds when saved (MAX_TEXT_LENGTH, src/rules/limits/field-bounds.rule.ts): no field of the
 * X12 309 is longer. Unbounded, a 1,000,000-character name was stored, and a name of 11,000
 * words broke the party search index. A lone surrogate is refused too: it is no character, and
 * an answer that echoes it breaks strict JSON readers (src/domain/lone-surrogates.ts).
 *
 * The domain schemas stay as they are (a trip document's long text is an issue of the rules, so
 * a draft can be saved); an address-book entry has no draft: it is fixed before it is kept.
 */
import {
  hasLoneSurrogate,
  loneSurrogateCodePoint,
  pointer,
  type Issue,
} from '../../../domain/index.js';
import { fieldWords, MAX_TEXT_LENGTH } from '../../../rules/index.js';
import { validationFailed } from '../../shared/errors.js';

/** Every text of `value` (already parsed: a few levels of objects and lists) under `base`. */
export function bookTextIssues(value: unknown, base: string, key = ''): Issue[] {
  if (typeof value === 'string') return textIssues(value, base, key);
  if (Array.isArray(value)) {
    // A list's items are named by the list's field: "Travel documents".
    return value.flatMap((item, index) => bookTextIssues(item, base + pointer(index), key));
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([field, child]) =>
    bookTextIssues(child, base + pointer(field), field),
  );
}

function textIssues(text: string, path: string, key: string): Issue[] {
  const field = key === '' ? 'The text' : fieldWords(key);
  const issues: Issue[] = [];
  if (text.length > MAX_TEXT_LENGTH) {
    issues.push({
      code: 'TEXT_TOO_LONG',
      severity: 'error',
      path,
      message: `${field} has ${text.length.toLocaleString('en-US')} characters; at most ${MAX_TEXT_LENGTH} are accepted.`,
    });
  }
  if (hasLoneSurrogate(text)) {
    issues.push({
      code: 'TEXT_LONE_SURROGATE',
      severity: 'error',
      path,
      message: `${field} holds ${loneSurrogateCodePoint(text) ?? 'a surrogate'}, half of a UTF-16 surrogate pair without its other half; send the whole character or remove it.`,
    });
  }
  return issues;
}

/** Throws VALIDATION_FAILED (422) with every text out of bounds in `value`, located. */
export function checkBookTexts(value: unknown, base: string, what: string): void {
  const issues = bookTextIssues(value, base);
  if (issues.length > 0) throw validationFailed(`${what}: the input has problems.`, issues);
}
