import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/storage-harness.js';
import { createRateLimitCounter } from './rate-limit-counter.js';

describeOnDatabases('rate-limit counters', (ctx) => {
  it('counts concurrent hits from two instances exactly, per window', async () => {
    const one = createRateLimitCounter(ctx().db);
    const two = createRateLimitCounter(ctx().db);
    const now = 1_000_000;
    const hits = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).hit('k', 60_000, now)),
    );
    expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(hits[0]?.resetAtMs).toBe(now + 60_000);
    // A new window starts from one.
    expect(await one.hit('k', 60_000, now + 60_000)).toEqual({
      count: 1,
      resetAtMs: now + 120_000,
    });
  });

  it('sweeps ended windows', async () => {
    const counter = createRateLimitCounter(ctx().db);
    await counter.hit('old', 10, 0);
    await counter.hit('new', 60_000, 0);
    expect(await counter.sweep(1_000)).toBe(1);
    const keys = await ctx().db.selectFrom('rate_limits').select('key').execute();
    expect(keys.map((row) => row.key)).not.toContain('old');
  });
});
