// npm run bench: a case that fails is named and the others still make the table; a ratio comes from runs paired
// with its floor in alternation; the whole-job command accepts a run whose only problems are warnings (exit 5 without
// --warnings-ok) and reports the process's peak memory.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { benchCases, type BenchCase } from '../scripts/bench/cases.ts';
import { NODE_START, PROJECT_NODE_START_SECONDS, secondsOnProjectMachine } from '../scripts/bench/node-start.ts';
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

describe('a time target set on the project machine', () => {
  it("is judged as a ratio to Node's start-up timed in alternation, and says both", async () => {
    const cases: BenchCase[] = [
      NODE_START,
      { group: 'g', name: 'quick', command: [process.execPath, '-e', '0'], ...secondsOnProjectMachine(1) },
      {
        group: 'g',
        name: 'slow',
        command: [process.execPath, '-e', 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400)'],
        ...secondsOnProjectMachine(0.049),
      },
    ];
    const result = await runBench(cases, 3, () => {});
    expect(result.rows[1]).toMatch(/^\| g \| quick \| .* \| \d+\.\d\d× \| ≤ 1 s on the project machine \(≤ 20\.4× node-start\): ok \|$/);
    // 0.049 s there is one start-up here: a case that also sleeps 0.4 s is well past it on any machine.
    expect(result.rows[2]).toMatch(/≤ 0\.049 s on the project machine \(≤ 1\.0× node-start\): MISSED \|$/);
    expect(result.missed).toEqual(['slow']);
  });

  it('is how every time target of the bench is declared', () => {
    for (const c of benchCases.filter((k) => k.projectSeconds !== undefined)) {
      expect(c.compareTo, c.name).toBe(NODE_START.name);
      expect(c.maxRatio, c.name).toBeCloseTo(c.projectSeconds! / PROJECT_NODE_START_SECONDS, 12);
    }
    expect(benchCases.filter((k) => k.projectSeconds !== undefined).map((k) => k.name)).toEqual([
      'read-rows-3k',
      'ingest-estimate-3k',
      'scale-full',
      'sample-full',
      'sample-unchanged',
      'site-sample',
      'site-scale',
    ]);
  });
});

describe('the whole-job bench command', () => {
  it('times a full run of the bundled sample (which has warnings) as a success and prints the peak memory', async () => {
    const [cmd, ...args] = leiRun('published', await sampleInbox(), path.join(await tempDir(), 'out'), '--full');
    const { stdout } = await promisify(execFile)(cmd!, args, { cwd: repoRoot });
    expect(stdout).toMatch(/^BENCH \{"peakMb":\d+\.\d\}$/m);
  });
});
