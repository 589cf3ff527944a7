import { describe, expect, it } from 'vitest';
import { movedOn } from './standing';

describe("the filing panel's standing", () => {
  it('is no move when the first status arrives, nor when it stays', () => {
    expect(movedOn(undefined, 'draft|0')).toBe(false);
    expect(movedOn('draft|0', 'draft|0')).toBe(false);
    expect(movedOn('draft|0', undefined)).toBe(false);
  });

  it('moves on with the status or the outbox', () => {
    expect(movedOn('draft|0', 'transmitted|2')).toBe(true);
    expect(movedOn('accepted|2', 'accepted|4')).toBe(true);
  });
});
