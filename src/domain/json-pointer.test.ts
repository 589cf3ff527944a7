import { describe, expect, it } from 'vitest';
import { inShipment, pointer, pointerTokens } from './json-pointer.js';

describe('JSON Pointer', () => {
  it('escapes and splits tokens back (RFC 6901)', () => {
    const path = pointer('shipments', 0, 'a/b~c');
    expect(path).toBe('/shipments/0/a~1b~0c');
    expect(pointerTokens(path)).toEqual(['shipments', '0', 'a/b~c']);
  });

  it('splits a path into a shipment into its index and the rest', () => {
    expect(inShipment('/shipments/12/commodities/0/weight')).toEqual({
      index: 12,
      rest: '/commodities/0/weight',
    });
    expect(inShipment('/shipments/3')).toEqual({ index: 3, rest: '' });
    for (const elsewhere of [
      '',
      '/tripNumber',
      '/shipments',
      '/shipments/x/type',
      '/shipments/3x',
    ]) {
      expect(inShipment(elsewhere)).toBeUndefined();
    }
  });
});
