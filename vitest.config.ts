import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { INTERRUPT_BUDGET_FLAG } from './bin/v8-flags.js';
import PlainSummaryReporter from './tests/plain-summary-reporter.ts';
import SlowFilesFirst from './tests/slow-files-first.ts';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Dates must come out in the ward's calendar whatever the machine's zone: tests run in UTC on purpose.
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    // vitest's default leaves a core to its own (mostly idle) main process: one worker on a 2-core machine, which makes
    // the suite serial although many files wait on child processes, timers or I/O. Three on two cores: 112.7 → 105.9 s
    // (one run each, quiet machine, docs/testing.md), as files waiting on killed runs, Chromium or PostgreSQL leave a core idle.
    maxWorkers: Math.max(3, availableParallelism()),
    // V8 optimises later, as bin/lei.js has it for the runs the tests spawn: the suite's CPU 211 → 178 s, 128.6 → 112.7 s.
    execArgv: [INTERRUPT_BUDGET_FLAG],
    // A beforeAll that reads the shared sample waits while it is made (tests/sample-global-setup.ts), beside the other files.
    hookTimeout: 120_000,
    // A worker keeps its imported modules from one test file to the next instead of loading the pipeline (DuckDB,
    // exceljs, arquero…) again for each of the 60-odd files: about a third less CPU. Safe because no test mocks a
    // module and the tests that change process.env put it back; per-file cleanup is in tests/setup-each-file.ts.
    isolate: false,
    setupFiles: ['tests/setup-each-file.ts'],
    sequence: { sequencer: SlowFilesFirst },
    // it.concurrent cases of one file (crash-consistency's killed processes) two at a time: one per core.
    maxConcurrency: 2,
    // A real PostgreSQL for the publishing tests: the one LEI_TEST_PG_URL names when it answers, else a throwaway one.
    // The bundled sample inbox and one run over it, made once and shared read-only (tests/sample-fixtures.ts): started
    // here, made in a child process while the test files run (tests/sample-global-setup.ts).
    globalSetup: ['tests/global-setup.ts'],
    reporters: ['default', new PlainSummaryReporter()],
  },
});
