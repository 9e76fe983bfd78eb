// npm run bench: each case runs in a process of its own, so its wall time (start-up included) and peak
// memory are its own. Cases are listed in scripts/bench/cases.ts; inputs are generated once into .bench-data/.
// Usage: npm run bench [-- <case-name-substring> …]   (BENCH_RUNS=5 for more repetitions; default 3)
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { benchCases, type BenchCase } from './bench/cases.ts';

export const BENCH_DATA = path.resolve('.bench-data');
const runs = Number(process.env.BENCH_RUNS ?? 3);

interface Measured {
  name: string;
  seconds: number;
  peakMb: number | null;
}

async function runOnce(c: BenchCase): Promise<Measured> {
  const [cmd, ...args] = c.command ?? ['node', '--import', 'tsx', c.script!, ...(c.args ?? [])];
  await c.beforeEachRun?.();
  const started = process.hrtime.bigint();
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(cmd!, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${c.name}: exit ${code}`))));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const report = output.split('\n').find((l) => l.startsWith('BENCH '));
  const peakMb = report ? (JSON.parse(report.slice(6)) as { peakMb: number }).peakMb : null;
  return { name: c.name, seconds, peakMb };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const filters = process.argv.slice(2);
const selected = benchCases.filter((c) => filters.length === 0 || filters.some((f) => c.name.includes(f) || c.group.includes(f)));
await mkdir(BENCH_DATA, { recursive: true });
for (const c of selected) await c.prepare?.();

const results = new Map<string, Measured>();
for (const c of selected) {
  const samples: Measured[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await runOnce(c));
  const seconds = median(samples.map((s) => s.seconds));
  const peaks = samples.map((s) => s.peakMb).filter((p): p is number => p !== null);
  results.set(c.name, { name: c.name, seconds, peakMb: peaks.length ? Math.max(...peaks) : null });
}

console.log(`\n| group | case | median wall s (${runs} runs) | peak MB | ratio | target |`);
console.log('|---|---|---:|---:|---:|---|');
let failed = false;
for (const c of selected) {
  const r = results.get(c.name)!;
  const base = c.compareTo ? results.get(c.compareTo) : undefined;
  const ratio = base ? r.seconds / base.seconds : null;
  const checks: string[] = [];
  if (c.maxRatio !== undefined && ratio !== null) checks.push(`≤ ${c.maxRatio}× ${c.compareTo}: ${ratio <= c.maxRatio ? 'ok' : 'MISSED'}`);
  if (c.maxSeconds !== undefined) checks.push(`≤ ${c.maxSeconds} s: ${r.seconds <= c.maxSeconds ? 'ok' : 'MISSED'}`);
  if (c.maxPeakMb !== undefined && r.peakMb !== null) checks.push(`≤ ${c.maxPeakMb} MB: ${r.peakMb <= c.maxPeakMb ? 'ok' : 'MISSED'}`);
  if (checks.some((x) => x.endsWith('MISSED'))) failed = true;
  console.log(
    `| ${c.group} | ${c.name} | ${r.seconds.toFixed(3)} | ${r.peakMb === null ? '—' : r.peakMb.toFixed(0)} | ${ratio === null ? '' : `${ratio.toFixed(2)}×`} | ${checks.join('; ')} |`,
  );
}
process.exitCode = failed ? 1 : 0;
