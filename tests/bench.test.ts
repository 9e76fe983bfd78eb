// npm run bench: a case that fails is named and the others still make the table; a ratio comes from runs paired
// with its floor in alternation; the whole-job command accepts a run whose only problems are warnings (exit 5 without
// --warnings-ok) and reports the process's peak memory.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { BenchCase } from '../scripts/bench/cases.ts';
import { runBench } from '../scripts/bench/run-bench.ts';
import { leiRun } from '../scripts/bench/whole-job-cases.ts';
import { repoRoot, tempDir } from './helpers.ts';
import { sampleInbox } from './sample-fixtures.ts';

const appendTo = (log: string, mark: string): string[] => [process.execPath, '-e', `require('fs').appendFileSync(process.argv[1], '${mark}')`, log];

describe('runBench', () => {
  it('alternates a case with its floor, names a failing case, and still reports the others', async () => {
    const log = path.join(await tempDir(), 'order.log');
    const cases: BenchCase[] = [
      { group: 'g', name: 'floor', command: appendTo(log, 'F') },
      { group: 'g', name: 'case', command: appendTo(log, 'C'), compareTo: 'floor', maxRatio: 1000 },
      { group: 'g', name: 'broken', command: [process.execPath, '-e', 'process.exit(5)'] },
    ];
    const progress: string[] = [];
    const result = await runBench(cases, 3, (line) => progress.push(line));
    expect(await readFile(log, 'utf8')).toBe('FCCFFC');
    expect([...result.failures.keys()]).toEqual(['broken']);
    expect(progress.join('\n')).toContain('ベンチのケース broken が失敗しました: exit 5');
    expect(result.rows).toHaveLength(3);
    expect(result.rows[0]).toMatch(/^\| g \| floor \| \d+\.\d{3} \(3\) \| — \|  \|  \|$/);
    expect(result.rows[1]).toMatch(/^\| g \| case \| \d+\.\d{3} \(3\) \| — \| \d+\.\d\d× \| ≤ 1000× floor: ok \|$/);
    expect(result.rows[2]).toMatch(/^\| g \| broken \| — \| — \|  \| \*\*FAILED\*\* exit 5: /);
    expect(result.missed).toEqual([]);
  });
});

describe('the whole-job bench command', () => {
  it('times a full run of the bundled sample (which has warnings) as a success and prints the peak memory', async () => {
    const [cmd, ...args] = leiRun('published', await sampleInbox(), path.join(await tempDir(), 'out'), '--full');
    const { stdout } = await promisify(execFile)(cmd!, args, { cwd: repoRoot });
    expect(stdout).toMatch(/^BENCH \{"peakMb":\d+\.\d\}$/m);
  });
});
