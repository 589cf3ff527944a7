/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, after Vitest's own report, so
 * CI logs end with a count any tool can read.
 */
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: readonly TestModule[],
    unhandledErrors: readonly SerializedError[] = [],
  ): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed++;
        else if (state === 'failed') count.failed++;
        else count.skipped++;
      }
      // A file that fails outside its tests (an import, a beforeAll) leaves its tests skipped:
      // the failure itself must still count, or the line would say "0 failed" on a red run.
      const testFailed = [...module.children.allTests()].some((t) => t.result().state === 'failed');
      if (module.state() === 'failed' && !testFailed) count.failed++;
    }
    count.failed += unhandledErrors.length;
    process.stdout.write(
      `\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`,
    );
  }
}
