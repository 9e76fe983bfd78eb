// The plain summary line counts files and tests as vitest does: a file that fails to import, or whose beforeAll
// throws, is a failed file (tests/fixtures/reporter-cases/: one file of each kind, run by a vitest of its own).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.ts';

describe('PlainSummaryReporter', () => {
  it('agrees with vitest about failed files and tests', async () => {
    const vitest = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
    const run = await promisify(execFile)(process.execPath, [vitest, 'run', '--root', path.join(repoRoot, 'tests', 'fixtures', 'reporter-cases')], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    }).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => e,
    );
    expect(run.code).toBe(1);
    const vitestSays = (label: string) => run.stdout.match(new RegExp(`^\\s*${label}\\s+(.+)$`, 'm'))?.[1]?.trim();
    expect(vitestSays('Test Files')).toBe('3 failed | 1 passed (4)');
    expect(vitestSays('Tests')).toBe('1 failed | 2 passed | 3 skipped (6)');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`files ${vitestSays('Test Files')}; tests ${vitestSays('Tests')}`);
  });
});
