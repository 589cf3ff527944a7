/**
 * What a number field's text says. The text stays as typed (a dispatcher sees `2.5` or `1e3`,
 * never a number the box made up by dropping characters) and what is wrong with it is said in
 * words under the field. Digits with an optional decimal point only, as the CSV template takes
 * them (docs/csv-template.md): no sign, exponent or separators.
 */
export interface NumberText {
  /** The number the text holds, kept even when the field refuses it (2.5 for a quantity). */
  readonly value: number | undefined;
  /** What is wrong with the text, in words; undefined when nothing is. */
  readonly error: string | undefined;
}

export interface NumberRules {
  /** The field in words, for the message: "Quantity". */
  readonly name: string;
  /** Counts (quantities, labels) take whole numbers only. */
  readonly whole?: boolean | undefined;
  /** At most this many decimal places (2 for dollars and cents). */
  readonly decimals?: number | undefined;
}

const DIGITS = /^(\d+(\.\d*)?|\.\d+)$/;

export function readNumberText(text: string, rules: NumberRules): NumberText {
  const typed = text.trim();
  if (typed === '') return { value: undefined, error: undefined };
  const example = rules.whole === true ? '20' : '1250.50';
  if (!DIGITS.test(typed)) {
    return {
      value: undefined,
      error: `${rules.name} is ${rules.whole === true ? 'a whole number' : 'a number'} in digits, e.g. ${example}; "${typed}" is not.`,
    };
  }
  const value = Number(typed);
  if (rules.whole === true && !Number.isInteger(value)) {
    return { value, error: `${rules.name} is a whole number, e.g. ${example}; "${typed}" is not.` };
  }
  const places = typed.split('.')[1]?.length ?? 0;
  if (rules.decimals !== undefined && places > rules.decimals) {
    return {
      value,
      error: `${rules.name} has at most ${String(rules.decimals)} decimal places, e.g. ${example}.`,
    };
  }
  return { value, error: undefined };
}

/** A stored number as a field's text ('' when there is none). */
export function numberText(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}
