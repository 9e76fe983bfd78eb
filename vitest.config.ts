import { defineConfig } from 'vitest/config';
import PlainSummaryReporter from './tests/plain-summary-reporter.ts';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Dates must come out in the ward's calendar whatever the machine's zone: tests run in UTC on purpose.
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', new PlainSummaryReporter()],
  },
});
