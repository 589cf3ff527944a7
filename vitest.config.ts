import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'test/**/*.test.ts',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    // Storage and API tests open real databases; keep them apart from each other.
    pool: 'forks',
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 20_000,
  },
});
