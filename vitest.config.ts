import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import PlainSummaryReporter from './tests/plain-summary-reporter.ts';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Dates must come out in the ward's calendar whatever the machine's zone: tests run in UTC on purpose.
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    // vitest's default leaves a core to its own (mostly idle) main process: one worker on a 2-core machine, which makes
    // the suite serial although many files wait on child processes, timers or I/O.
    maxWorkers: Math.max(2, availableParallelism()),
    hookTimeout: 60_000,
    // A real PostgreSQL for the publishing tests: the one LEI_TEST_PG_URL names when it answers, else a throwaway one.
    // The bundled sample inbox and one run over it, made once and shared read-only (tests/sample-fixtures.ts).
    globalSetup: ['tests/postgres-global-setup.ts', 'tests/sample-global-setup.ts'],
    reporters: ['default', new PlainSummaryReporter()],
  },
});
