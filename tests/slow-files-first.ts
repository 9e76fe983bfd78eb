// vitest sequencer: the longest test files start first, so that the two workers of a 2-core machine finish together
// instead of one of them running a long file alone at the end. vitest orders by the durations of its last run when it
// has them, else by file size (a fresh clone, CI); the files below are long whatever their size (measured, docs/testing.md).
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Longest first (measured 2026-12-05 with the JSON reporter, docs/testing.md). Files that read the shared sample wait
 * for it while it is made (tests/sample-global-setup.ts), which costs nothing while the other files keep the cores busy.
 */
export const SLOW_FILES = [
  'tests/crash-consistency.test.ts',
  'tests/dashboard-browser.test.ts',
  'tests/build-dist.test.ts',
  'tests/confidentiality.test.ts',
  'tests/inbox-file-size.test.ts',
  'tests/publish-targets.test.ts',
  'tests/kosha-large-export.test.ts',
  'tests/scheduler.test.ts',
  'tests/bench.test.ts',
  'tests/incremental-run.test.ts',
  'tests/spoiled-inputs.test.ts',
  'tests/lineage.test.ts',
  'tests/scale-inbox.test.ts',
  'tests/dashboard-site.test.ts',
  'tests/plan-operations.test.ts',
  'tests/start-throwaway-postgres.test.ts',
  'tests/run-guarantees.test.ts',
  'tests/industry-survey-resend.test.ts',
  'tests/setagaya-pay-report.test.ts',
  'tests/cli.test.ts',
  'tests/store-stamp-and-journal.test.ts',
  'tests/sample-inbox-stamp.test.ts',
];

export default class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = SLOW_FILES.findIndex((s) => f.moduleId.endsWith(s));
      return i === -1 ? SLOW_FILES.length : i;
    };
    // Array.prototype.sort is stable: the other files keep vitest's own order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
