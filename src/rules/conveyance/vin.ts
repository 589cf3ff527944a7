/**
 * Vehicle identification numbers (ISO 3779; 49 CFR 565.15): 17 characters, letters and digits,
 * never I, O or Q (they read as 1 and 0). Position 9 is a check digit over the other sixteen.
 */

export const VIN_LENGTH = 17;
const CHECK_DIGIT_INDEX = 8;
const FORBIDDEN_LETTERS = /[IOQ]/;
const LETTERS_AND_DIGITS = /^[A-Z0-9]*$/;

/** Letter values of the 49 CFR 565.15 check-digit calculation; I, O and Q have none. */
// prettier-ignore
const TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};

/** Position weights of the same calculation: position 9, the check digit itself, weighs 0. */
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

export type VinShapeProblem =
  | { readonly kind: 'length'; readonly length: number }
  | { readonly kind: 'forbidden-letter'; readonly letter: string }
  | { readonly kind: 'not-alphanumeric' };

/** What is wrong with the VIN's shape, or undefined when it has the right shape. */
export function vinShapeProblem(vin: string): VinShapeProblem | undefined {
  if (!LETTERS_AND_DIGITS.test(vin)) return { kind: 'not-alphanumeric' };
  const forbidden = FORBIDDEN_LETTERS.exec(vin);
  if (forbidden !== null) return { kind: 'forbidden-letter', letter: forbidden[0] };
  if (vin.length !== VIN_LENGTH) return { kind: 'length', length: vin.length };
  return undefined;
}

/** The check digit a well-shaped VIN should carry at position 9: `0`–`9` or `X` for 10. */
export function expectedCheckDigit(vin: string): string {
  let sum = 0;
  WEIGHTS.forEach((weight, index) => {
    const character = vin.charAt(index);
    const value = /\d/.test(character) ? Number(character) : (TRANSLITERATION[character] ?? 0);
    sum += value * weight;
  });
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

export function actualCheckDigit(vin: string): string {
  return vin.charAt(CHECK_DIGIT_INDEX);
}
