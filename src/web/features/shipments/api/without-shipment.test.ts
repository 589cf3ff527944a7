import { describe, expect, it } from 'vitest';
import { withoutShipment } from './without-shipment';

const page = (ids: string[], nextCursor: string | null) => ({
  items: ids.map((id) => ({ id })),
  nextCursor,
});

describe('withoutShipment', () => {
  it('takes the deleted shipment out of whichever loaded page holds it, keeping the cursors', () => {
    const data = {
      pages: [page(['a', 'b'], 'c1'), page(['c', 'd'], null)],
      pageParams: [undefined, 'c1'],
    };
    expect(withoutShipment(data, 'c')).toEqual({
      pages: [page(['a', 'b'], 'c1'), page(['d'], null)],
      pageParams: [undefined, 'c1'],
    });
  });

  it('leaves a list without it as it is (the same object: nothing redraws)', () => {
    const data = { pages: [page(['a'], null)], pageParams: [undefined] };
    expect(withoutShipment(data, 'z')).toBe(data);
    expect(withoutShipment(undefined, 'z')).toBeUndefined();
  });
});
