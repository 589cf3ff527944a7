import { describe, expect, it } from 'vitest';
import { versionDifferences } from './version-differences';

describe('versionDifferences', () => {
  it('lists each field whose value differs, by pointer, with both values as text', () => {
    const mine = {
      tripNumber: 'DEMO01',
      truck: { number: 'T-1', sealNumbers: ['S-1', 'S-2'], licensePlates: [{ number: 'A1' }] },
      drivers: [{ firstName: 'Marie' }],
    };
    const theirs = {
      tripNumber: 'DEMO01',
      truck: { number: 'T-2', sealNumbers: ['S-1'], licensePlates: [{ number: 'A1' }, {}] },
      drivers: [{ firstName: 'Marie' }, { firstName: 'Paul', lastName: 'Roy' }],
      usPortOfArrival: '0901',
    };
    expect(versionDifferences(mine, theirs)).toEqual([
      { pointer: '/truck/number', mine: 'T-1', theirs: 'T-2' },
      { pointer: '/truck/sealNumbers', mine: 'S-1, S-2', theirs: 'S-1' },
      { pointer: '/drivers/1/firstName', mine: '', theirs: 'Paul' },
      { pointer: '/drivers/1/lastName', mine: '', theirs: 'Roy' },
      { pointer: '/usPortOfArrival', mine: '', theirs: '0901' },
    ]);
  });

  it('takes a blank field and an absent one, and spaces around a value, as the same', () => {
    expect(
      versionDifferences(
        { name: 'Acme ', port: '', prefix: undefined },
        { name: 'Acme', port: null },
      ),
    ).toEqual([]);
  });

  it('escapes keys as JSON Pointer does, and stops at 50 rows', () => {
    expect(versionDifferences({ 'a/b~c': 1 }, { 'a/b~c': 2 })).toEqual([
      { pointer: '/a~1b~0c', mine: '1', theirs: '2' },
    ]);
    const many = Array.from({ length: 80 }, (_, n) => ({ n }));
    expect(versionDifferences(many, [])).toHaveLength(50);
  });
});
