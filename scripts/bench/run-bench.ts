// Runs bench cases, each in a process of its own (start-up included in its wall time), and returns the table rows.
// A case with a floor runs in alternation with it (floor, case, case, floor, …) and its ratio is the median of the
// pairs' ratios, so both sides see the same load. A case that fails is named (row and `failures`); the others still run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchCase } from './cases.ts';

interface Sample {
  seconds: number;
  peakMb: number | null;
}

export interface BenchResult {
  /** Markdown table rows, one per case, in the order given. */
  rows: string[];
  /** Case name → why it failed. */
  failures: Map<string, string>;
  /** Names of the cases that missed a target. */
  missed: string[];
}

/** A case that did not end as it should. */
class CaseFailed extends Error {}

/**
 * The command a case runs: a script as plain node from its compiled copy in dist/, under /usr/bin/time for its peak
 * memory (a process's own maxRSS would include this runner's, which Linux carries over fork and exec); or its own command.
 */
function commandOf(c: BenchCase, peakFile: string): string[] {
  if (c.command) return c.command;
  return ['/usr/bin/time', '-f', '%M', '-o', peakFile, process.execPath, path.join('dist', c.script!.replace(/\.ts$/, '.js')), ...(c.args ?? [])];
}

async function runOnce(c: BenchCase): Promise<Sample> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'lei-bench-'));
  try {
    return await timed(c, path.join(scratch, 'peak'));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function timed(c: BenchCase, peakFile: string): Promise<Sample> {
  const [cmd, ...args] = commandOf(c, peakFile);
  await c.beforeEachRun?.();
  // The disk writes a run before left to the kernel (the 10× scale case leaves ~1.4 GB of dirty pages) are flushed
  // untimed, so that each run is billed for its own writes only (docs/benchmarks.md, いまの数値).
  spawnSync('sync');
  const started = process.hrtime.bigint();
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(cmd!, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (e) => reject(new CaseFailed(e.message)));
    child.on('close', (code, signal) => (code === 0 ? resolve(out) : reject(new CaseFailed(`exit ${code ?? signal}: ${[cmd, ...args].join(' ')}`))));
  });
  let seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // time-lei.sh (whole-job) prints its own BENCH line from /usr/bin/time; a script's is in peakFile, in KiB.
  const report = output.split('\n').find((l) => l.startsWith('BENCH '));
  const reported = report ? (JSON.parse(report.slice(6)) as { peakMb?: number; seconds?: number }) : {};
  // A case that times its own work (the site build, done inside a run) reports it; otherwise the process's wall time.
  if (reported.seconds !== undefined) seconds = reported.seconds;
  if (reported.peakMb !== undefined) return { seconds, peakMb: reported.peakMb };
  const kib = c.command ? NaN : Number((await readFile(peakFile, 'utf8')).trim().split('\n').at(-1));
  return { seconds, peakMb: Number.isFinite(kib) ? kib / 1024 : null };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function runBench(cases: BenchCase[], runs: number, progress: (line: string) => void): Promise<BenchResult> {
  const byName = new Map(cases.map((c) => [c.name, c]));
  const samples = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
  const ratios = new Map<string, number[]>();
  const failures = new Map<string, string>();
  const measure = async (side: BenchCase, forCase: BenchCase) => {
    try {
      samples.get(side.name)!.push(await runOnce(side));
    } catch (e) {
      if (!(e instanceof CaseFailed)) throw e;
      throw new CaseFailed(side === forCase ? e.message : `${side.name}（基準）: ${e.message}`);
    }
  };

  for (const c of cases) {
    const floor = c.compareTo ? byName.get(c.compareTo) : undefined;
    if (c.compareTo && !floor) throw new Error(`${c.name}: 基準のケース ${c.compareTo} がありません`);
    if (!floor && cases.some((other) => other.compareTo === c.name)) continue; // a floor: measured in its pairs
    progress(`… ${c.name}${floor ? `（${floor.name} と交互に ${runs} 組）` : `（${runs} 回）`}`);
    try {
      for (let i = 0; i < runs; i += 1) {
        if (!floor) {
          await measure(c, c);
          continue;
        }
        // Alternate which side goes first, so that neither always runs on a warmer machine.
        for (const side of i % 2 === 0 ? [floor, c] : [c, floor]) await measure(side, c);
        ratios.set(c.name, [...(ratios.get(c.name) ?? []), samples.get(c.name)!.at(-1)!.seconds / samples.get(floor.name)!.at(-1)!.seconds]);
      }
    } catch (e) {
      if (!(e instanceof CaseFailed)) throw e;
      failures.set(c.name, e.message);
      progress(`ベンチのケース ${c.name} が失敗しました: ${e.message}`);
    }
  }

  const missed: string[] = [];
  const secondsOf = (name: string): number | null => {
    const mine = samples.get(name) ?? [];
    return mine.length && !failures.has(name) ? median(mine.map((s) => s.seconds)) : null;
  };
  const peakOf = (name: string): number | null => {
    const peaks = (samples.get(name) ?? []).map((s) => s.peakMb).filter((p): p is number => p !== null);
    return peaks.length && !failures.has(name) ? Math.max(...peaks) : null;
  };
  const rows = cases.map((c) => {
    const mine = samples.get(c.name)!;
    const failure = failures.get(c.name);
    const seconds = secondsOf(c.name);
    const peakMb = peakOf(c.name);
    const paired = ratios.get(c.name);
    const ratio = paired?.length === runs ? median(paired) : null;
    const checks: string[] = [];
    if (!failure) {
      if (c.maxRatio !== undefined && ratio !== null) checks.push(`${ratioTarget(c)}: ${ratio <= c.maxRatio ? 'ok' : 'MISSED'}`);
      if (c.maxPeakMb !== undefined && peakMb !== null) checks.push(`≤ ${c.maxPeakMb} MB: ${peakMb <= c.maxPeakMb ? 'ok' : 'MISSED'}`);
      if (c.scaleOf) checks.push(...scaleChecks(c, cases, secondsOf, peakOf));
    }
    if (checks.some((x) => x.endsWith('MISSED'))) missed.push(c.name);
    const time = seconds === null ? '—' : `${seconds.toFixed(3)} (${mine.length})`;
    const target = failure ? `**FAILED** ${failure}` : checks.join('; ');
    return `| ${c.group} | ${c.name} | ${time} | ${peakMb === null ? '—' : peakMb.toFixed(0)} | ${ratio === null ? '' : `${ratio.toFixed(2)}×`} | ${target} |`;
  });
  return { rows, failures, missed };
}

/** A ratio target in words: a time on the project's machine type names both (node-start.ts). */
function ratioTarget(c: BenchCase): string {
  const ratio = `≤ ${c.projectSeconds === undefined ? c.maxRatio : c.maxRatio!.toFixed(1)}× ${c.compareTo}`;
  return c.projectSeconds === undefined ? ratio : `≤ ${c.projectSeconds} s on the project machine (${ratio})`;
}

/**
 * A scaled case against its base: peak memory within maxPeakGrowth of the base's, and time no worse than linear: the
 * seconds per further factor (over the base) within 25 % of those of the smallest scaled case of the same base.
 */
function scaleChecks(c: BenchCase, cases: readonly BenchCase[], secondsOf: (name: string) => number | null, peakOf: (name: string) => number | null): string[] {
  const { base, factor, maxPeakGrowth } = c.scaleOf!;
  const checks: string[] = [];
  const [peak, basePeak] = [peakOf(c.name), peakOf(base)];
  if (peak !== null && basePeak !== null) {
    const growth = peak / basePeak - 1;
    checks.push(
      `peak ≤ ${base} + ${maxPeakGrowth * 100} % (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)} %): ${growth <= maxPeakGrowth ? 'ok' : 'MISSED'}`,
    );
  }
  const perFactor = (k: BenchCase): number | null => {
    const [t, t1] = [secondsOf(k.name), secondsOf(base)];
    return t === null || t1 === null ? null : (t - t1) / (k.scaleOf!.factor - 1);
  };
  const smallest = cases.filter((k) => k.scaleOf?.base === base).sort((a, b) => a.scaleOf!.factor - b.scaleOf!.factor)[0]!;
  const [mine, reference] = [perFactor(c), perFactor(smallest)];
  if (smallest !== c && mine !== null && reference !== null) {
    checks.push(
      `linear (${mine.toFixed(2)} s per ×1 against ${reference.toFixed(2)} at ×${smallest.scaleOf!.factor}): ${mine <= reference * 1.25 ? 'ok' : 'MISSED'}`,
    );
  } else if (mine !== null) checks.push(`${mine.toFixed(2)} s per ×1 over ${base} (×${factor})`);
  return checks;
}
