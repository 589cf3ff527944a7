import { describe, expect, it } from 'vitest';
import { parseRememberedJson, rememberedText } from './remembered-json.js';

describe('remembered JSON', () => {
  it('gives a parsed value the text it came from, which JSON.stringify would write again', () => {
    const text = JSON.stringify({
      shipmentControlNumber: 'ABCD0000000001',
      consignee: { name: 'Café "Nord"\n', address: { country: 'US' } },
      commodities: [{ quantity: 3, weight: 0.1, value: 1e21, marksAndNumbers: ['√', '𝄞'] }],
    });
    const value = parseRememberedJson(text) as object;
    expect(rememberedText(value)).toBe(text);
    expect(JSON.stringify(value)).toBe(text);
  });

  it('knows no text for a value it did not parse, nor for a copy of a parsed one', () => {
    const parsed = parseRememberedJson('{"a":1}') as Record<string, number>;
    expect(rememberedText({ b: [2] })).toBeUndefined();
    expect(rememberedText({ ...parsed, a: 2 })).toBeUndefined();
    expect(parseRememberedJson('7')).toBe(7);
  });
});
