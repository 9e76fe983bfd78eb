// Prints one plain line at the end of a run, counted as vitest counts (a file that fails to load or whose hooks fail
// is a failed file), so that CI logs read the same whatever the terminal (vitest's own summary is coloured and padded):
// "files 1 failed | 35 passed (36); tests 786 passed (786)[; 1 unhandled error]".
import type { Reporter, TestModule } from 'vitest/node';

type Counts = Record<'failed' | 'passed' | 'skipped', number>;

export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const files: Counts = { failed: 0, passed: 0, skipped: 0 };
    const tests: Counts = { failed: 0, passed: 0, skipped: 0 };
    for (const m of testModules) {
      files[kind(m.state())] += 1;
      for (const t of m.children.allTests()) tests[kind(t.result().state)] += 1;
    }
    const errors = unhandledErrors.length ? `; ${unhandledErrors.length} unhandled error${unhandledErrors.length > 1 ? 's' : ''}` : '';
    process.stdout.write(`\nfiles ${line(files)}; tests ${line(tests)}${errors}\n`);
  }
}

const kind = (state: string): keyof Counts => (state === 'failed' ? 'failed' : state === 'passed' ? 'passed' : 'skipped');

const order: (keyof Counts)[] = ['failed', 'passed', 'skipped'];

const line = (c: Counts) =>
  `${
    order
      .filter((k) => c[k] > 0)
      .map((k) => `${c[k]} ${k}`)
      .join(' | ') || 'none'
  } (${c.failed + c.passed + c.skipped})`;
