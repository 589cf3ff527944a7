import { describe, expect, it } from 'vitest';
import { numberText, readNumberText } from './number-text';

const quantity = { name: 'Quantity', whole: true };
const value = { name: 'Value', decimals: 2 };

describe('readNumberText', () => {
  it('reads digits with or without a decimal point', () => {
    expect(readNumberText('4', quantity)).toEqual({ value: 4, error: undefined });
    expect(readNumberText(' 120.5 ', value)).toEqual({ value: 120.5, error: undefined });
    expect(readNumberText('.75', value)).toEqual({ value: 0.75, error: undefined });
    expect(readNumberText('', quantity)).toEqual({ value: undefined, error: undefined });
  });

  it('says a quantity is a whole number, keeping the number typed', () => {
    expect(readNumberText('2.5', quantity)).toEqual({
      value: 2.5,
      error: 'Quantity is a whole number, e.g. 20; "2.5" is not.',
    });
  });

  it('refuses an exponent, a sign or separators rather than reading another number', () => {
    expect(readNumberText('1e3', value)).toEqual({
      value: undefined,
      error: 'Value is a number in digits, e.g. 1250.50; "1e3" is not.',
    });
    expect(readNumberText('-5', quantity).error).toBe(
      'Quantity is a whole number in digits, e.g. 20; "-5" is not.',
    );
    expect(readNumberText('1,250', value).value).toBeUndefined();
  });

  it('says how many decimal places a field takes', () => {
    expect(readNumberText('12.345', value)).toEqual({
      value: 12.345,
      error: 'Value has at most 2 decimal places, e.g. 1250.50.',
    });
  });

  it('shows a stored number as it is', () => {
    expect(numberText(1000)).toBe('1000');
    expect(numberText(undefined)).toBe('');
  });
});
