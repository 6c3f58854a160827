/**
 * `npm test` runs two projects:
 * - `node`: unit and integration tests (PGlite, and PostgreSQL when `TEST_DATABASE_URL` is set);
 * - `components`: the shared web components rendered in Debian's Chromium (Vitest browser mode,
 *   ADR 0024). Never a downloaded browser: `/usr/bin/chromium`, headless.
 */
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Vitest's default is one worker fewer than the cores: one on CI's two. The test files wait on
    // child processes, PostgreSQL and timers as much as they compute, so two share the two cores
    // well (issue 17: CI time). Set here for both projects: Vitest refuses projects that run in the
    // same group with different worker counts.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // The files of a worker share one process and its loaded modules: importing the app again
          // for each of the ~140 files cost ≈ 250 s of CPU, about half of `npm test` (issue 17: CI
          // time). Each file still builds its own app and database; a file that changes
          // process-wide state (env, TZ) must set it before it builds its app and put it back after.
          isolate: false,
        },
      },
      {
        plugins: [react()],
        // Bundled before the first test: otherwise Vite finds them mid-run and reloads the page.
        optimizeDeps: {
          include: [
            '@navikt/aksel-icons',
            '@navikt/ds-react',
            '@navikt/ds-react/locales',
            '@tanstack/react-query',
            'idb',
            'react',
            'react-dom',
            'react-dom/client',
            'react-router',
            'react/jsx-dev-runtime',
            'recharts',
            'vitest-browser-react',
            'zod',
          ],
        },
        test: {
          name: 'components',
          include: ['test/components/**/*.test.tsx'],
          // Each test takes 0.2–3 s; a broken contract (an element that never appears) fails here.
          testTimeout: 15_000,
          // `expect.poll` gives up after 5 s (a value that never comes).
          expect: { poll: { timeout: 5_000 } },
          // Each test's `fakeApi` (a stubbed `fetch`) ends with the test.
          unstubGlobals: true,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: CHROMIUM,
                args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
              },
            }),
            instances: [{ browser: 'chromium' }],
            viewport: { width: 1280, height: 900 },
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
