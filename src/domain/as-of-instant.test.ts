import { describe, expect, it } from 'vitest';
import { asOfInstant, scacOf } from './as-of-instant.js';

describe('asOfInstant', () => {
  it('reads an instant with an offset, and one without as UTC', () => {
    expect(asOfInstant('2026-03-01T08:00:00')?.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(asOfInstant('2026-03-01T08:00:00-05:00')?.toISOString()).toBe(
      '2026-03-01T13:00:00.000Z',
    );
    expect(asOfInstant('2026-03-01T08:00:00Z')?.toISOString()).toBe('2026-03-01T08:00:00.000Z');
  });

  it.each(['yesterday', '2026-02-30T08:00:00', '', '2026-03-01T25:00'])('refuses %j', (text) => {
    expect(asOfInstant(text)).toBeUndefined();
  });
});

describe('scacOf', () => {
  it('takes 4 letters in either case, upper-cased, and nothing else', () => {
    expect(scacOf('abCD')).toBe('ABCD');
    expect(scacOf('ABC')).toBeUndefined();
    expect(scacOf('AB1D')).toBeUndefined();
  });
});
