import { appendFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain line `N passed, N failed, N skipped` after vitest's own output.
 * CI reads that line (vitest's own summary is not a format CI parses).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that failed outside its tests (a failing beforeAll, an import error) counts once.
      if (
        mod.state() === 'failed' &&
        ![...mod.children.allTests()].some((t) => t.result().state === 'failed')
      ) {
        failed++;
      }
    }
    // Vitest fails the run on errors outside any test (e.g. an uncaught exception); count them too.
    failed += unhandledErrors.length;
    // `.ci/run` sums several runs (unit/integration and end-to-end) into one closing line.
    const file = process.env.NAERVAER_SUMMARY_FILE;
    if (file) appendFileSync(file, `${passed} ${failed} ${skipped}\n`);
    else process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
