/** Small timing helpers shared by the benchmarks: wall-clock samples and percentiles. */
import { performance } from 'node:perf_hooks';

export function timeOnce(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

export async function timeOnceAsync(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Runs `work` `runs` times after `warmup` unmeasured runs; returns the samples in ms. */
export function samples(work: () => unknown, runs: number, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) work();
  return Array.from({ length: runs }, () => timeOnce(work));
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export const ms = (value: number): string => `${value.toFixed(2)} ms`;
