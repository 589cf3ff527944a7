import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { X12_BASIC_CHARACTER, X12_EXTENDED_CHARACTER } from '../domain/index.js';
import { safeText, sendsAsIs, type TextOptions } from './x12-text.js';

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

  it('sends a value as it is exactly when it is in the set, without a delimiter, a double space or a space at either end', () => {
    const characters = fc.constantFrom('A', 'z', '7', ' ', '*', '>', '~', '-', 'é', '\n', '@');
    fc.assert(
      fc.property(
        fc.string({ unit: characters, maxLength: 12 }),
        fc.constantFrom('basic' as const, 'extended' as const),
        fc.integer({ min: 0, max: 12 }),
        (value, characterSet, maxLength) => {
          const set = characterSet === 'basic' ? X12_BASIC_CHARACTER : X12_EXTENDED_CHARACTER;
          // What one expression with a lookahead per condition said before (the reference).
          const reference = new RegExp(
            `^(?![^\\n]*[*>~])(?![^\\n]*  )(?! )(?![^\\n]* $)${set.source.slice(1, -1)}*$`,
          );
          const rules = { delimiters: options.delimiters, characterSet };
          expect(sendsAsIs(value, rules, maxLength)).toBe(
            value.length <= maxLength && reference.test(value),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
