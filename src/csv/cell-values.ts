/**
 * Reading numbers as spreadsheets write them. What is accepted with a warning and what is
 * refused is listed in docs/csv-template.md.
 */
export interface ReadNumber {
  readonly value: number;
  /** A `$` sign or thousands separators were removed. */
  readonly reformatted: boolean;
}

/** `1250`, `1250.5`, `1,250.50`, `$1,250.50`; never a negative or an exponent. */
export function readNumber(text: string, allowDollar: boolean): ReadNumber | undefined {
  let digits = text;
  let reformatted = false;
  if (allowDollar && digits.startsWith('$')) {
    digits = digits.slice(1).trim();
    reformatted = true;
  }
  // Only a well-formed US grouping (1,234,567) is a thousands separator: "1,5" is refused rather
  // than guessed at as a European decimal comma.
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) {
    digits = digits.replace(/,/g, '');
    reformatted = true;
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(digits)) return undefined;
  return { value: Number(digits), reformatted };
}
