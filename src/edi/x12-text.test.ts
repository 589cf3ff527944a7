import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeText, type TextOptions } from './x12-text.js';

const options: TextOptions = {
  delimiters: { element: '*', subElement: '>', segment: '~' },
  characterSet: 'basic',
  upperCase: true,
  maxLength: 20,
  kind: 'text',
};

describe('safeText', () => {
  it('passes a clean value unchanged', () => {
    expect(safeText('MAPLE LEAF MILLS', options)).toEqual({
      value: 'MAPLE LEAF MILLS',
      changes: [],
      tooLong: false,
      unrepresentable: false,
    });
  });

  it('replaces delimiters and transliterates accents', () => {
    expect(safeText('Côté*Frères~', options)).toMatchObject({
      value: 'COTE FRERES',
      changes: ['characters'],
    });
  });

  it('collapses layout whitespace without calling it a change', () => {
    expect(safeText('  A   B\n', options)).toMatchObject({ value: 'A B', changes: [] });
  });

  it('keeps the extended set when the profile allows it', () => {
    const extended = { ...options, characterSet: 'extended' as const, upperCase: false };
    expect(safeText('ops@example.com', { ...extended, maxLength: 80 }).value).toBe(
      'ops@example.com',
    );
  });

  it('flags identifiers instead of changing them', () => {
    expect(safeText('SEAL~1', { ...options, kind: 'identifier' })).toMatchObject({
      unrepresentable: true,
    });
    expect(safeText('X'.repeat(21), { ...options, kind: 'identifier' })).toMatchObject({
      tooLong: true,
    });
  });

  it('the fast path and the slow path agree on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: 'binary' }), (value) => {
        const result = safeText(value, options);
        expect(result.value.length).toBeLessThanOrEqual(20);
        expect(result.value).toMatch(/^[A-Z0-9 !"&'()+,\-./:;?=]*$/);
        if (result.changes.length === 0)
          expect(result.value).toBe(value.toUpperCase().replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 500 },
    );
  });
});
