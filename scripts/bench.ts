// npm run bench: every case in a process of its own, started as plain `node` (scripts from their compiled copy in
// dist/, `lei run` through bin/lei.js); a case with a floor alternates with it and reports the median of the paired
// ratios (scripts/bench/run-bench.ts). Cases: scripts/bench/cases.ts; inputs are generated once into .bench-data/.
// Usage: npm run bench [-- [--markdown] <case-or-group-substring> …]   (BENCH_RUNS=5 for more runs; at least 3)
// Prints a paste-ready block (date, machine load and speed, table); --markdown prints only that block on stdout.
// Exits 1, naming the case, when a case fails or misses its target.
import { mkdir } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { benchCases } from './bench/cases.ts';
import { ensureBuilt } from './bench/ensure-built.ts';
import { describeSpeed, machineSpeed } from './bench/machine-speed.ts';
import { runBench } from './bench/run-bench.ts';

export const BENCH_DATA = path.resolve('.bench-data');
const runs = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
const markdownOnly = process.argv.includes('--markdown');
const progress = (line: string) => (markdownOnly ? process.stderr : process.stdout).write(`${line}\n`);

const filters = process.argv.slice(2).filter((a) => a !== '--markdown');
const wanted = benchCases.filter((c) => filters.length === 0 || filters.some((f) => c.name.includes(f) || c.group.includes(f)));
// A case compared with a floor brings the floor along; a scaled case, the case it scales.
const selected = benchCases.filter((c) => wanted.includes(c) || wanted.some((w) => w.compareTo === c.name || w.scaleOf?.base === c.name));
if (selected.length === 0) throw new Error(`ベンチのケースがありません: ${filters.join(' ')}`);

const startedAt = new Date();
const loadAtStart = loadavg();
await mkdir(BENCH_DATA, { recursive: true });
if (selected.some((c) => c.script)) await ensureBuilt();
for (const c of selected) await c.prepare?.();
const speedAtStart = machineSpeed();
const result = await runBench(selected, runs, progress);
const speedAtEnd = machineSpeed();

const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
process.stdout.write(
  [
    '',
    `${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC、node ${process.version}、${cpus().length} CPU、` +
      `load average（1・5・15 分）開始時 ${load(loadAtStart)}、終了時 ${load(loadavg())}、BENCH_RUNS=${runs}、` +
      `機械の速さ（scripts/bench/machine-speed.ts）開始時 ${describeSpeed(speedAtStart)}、終了時 ${describeSpeed(speedAtEnd)}`,
    '',
    '| group | case | median wall s (runs) | peak MB | ratio (median of pairs) | target |',
    '|---|---|---:|---:|---:|---|',
    ...result.rows,
    '',
  ].join('\n'),
);
if (result.failures.size > 0) console.error(`失敗したケース: ${[...result.failures.keys()].join(', ')}（表と、その上の各ケースの出力を見てください）`);
if (result.missed.length > 0) console.error(`目標に届かないケース: ${result.missed.join(', ')}`);
process.exitCode = result.failures.size > 0 || result.missed.length > 0 ? 1 : 0;
