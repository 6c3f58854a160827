/**
 * End-to-end tests: the real server in-process on a fresh empty database per test file, the built
 * web app, and Debian's Chromium driven by playwright-core. `npm run test:e2e`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    globalSetup: ['./test/e2e/support/global-setup.ts'],
    // Two files at a time: each has its own app, database and browser, and a file waits on Chromium and
    // the server in turn, so two share the CI machine's two cores (CI stays under 20 minutes, issue 17).
    fileParallelism: true,
    maxWorkers: 2,
    pool: 'forks',
    // The files of a worker share one process and its loaded modules (each still starts its own app,
    // database and browser): importing the server and Playwright anew per file cost ≈ 200 s of CPU
    // of the run's ≈ 1 600 (issue 17: CI time). A file that changes process-wide settings (env) must
    // do so before it starts its app.
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});
