import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonText, parseRememberedJson } from './remembered-json.js';

describe('remembered JSON', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes a parsed value as the text it came from, without serialising it again', () => {
    const text = JSON.stringify({
      shipmentControlNumber: 'ABCD0000000001',
      consignee: { name: 'Café "Nord"\n', address: { country: 'US' } },
      commodities: [{ quantity: 3, weight: 0.1, value: 1e21, marksAndNumbers: ['√', '𝄞'] }],
    });
    const value = parseRememberedJson(text) as object;
    const stringify = vi.spyOn(JSON, 'stringify');
    expect(jsonText(value)).toBe(text);
    expect(stringify).not.toHaveBeenCalled();
  });

  it('serialises a value it did not parse, and a copy of a parsed one', () => {
    const parsed = parseRememberedJson('{"a":1}') as Record<string, number>;
    expect(jsonText({ b: [2] })).toBe('{"b":[2]}');
    expect(jsonText({ ...parsed, a: 2 })).toBe('{"a":2}');
  });
});
