import { describe, expect, it } from 'vitest';
import { statusCounts } from './status-counts';

describe('the shipments of a trip by status', () => {
  it('counts each status present, in the order of the filing life cycle', () => {
    expect(
      statusCounts([
        { status: 'released' },
        { status: 'rejected' },
        { status: 'released' },
        { status: 'accepted' },
      ]),
    ).toEqual([
      { status: 'rejected', count: 1 },
      { status: 'accepted', count: 1 },
      { status: 'released', count: 2 },
    ]);
    expect(statusCounts([])).toEqual([]);
  });
});
