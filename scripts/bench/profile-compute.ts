// Where the compute phase of a run (steps 6–8 of pipelines/run-pipeline.ts) spends its time: the families are read
// once, then contracts, tables, composite, manifest and diff are timed over several rounds (median per step, CPU).
// Not a bench case: a diagnostic for docs/benchmarks.md.
// Usage: node --import tsx scripts/bench/profile-compute.ts [<inbox>] [<config>] [<rounds>]
//        LEI_PROFILE_STEPS=1 …: one cold round, each of computeTables' transforms timed on its own.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../../config/load-catalog.ts';
import { loadPipelineConfig } from '../../config/load-pipeline-config.ts';
import { buildManifest } from '../../pipelines/build-manifest.ts';
import { computeTables } from '../../pipelines/compute-tables.ts';
import { diffWithPrevious } from '../../pipelines/diff-with-previous.ts';
import { evaluateRunContracts } from '../../pipelines/evaluate-run-contracts.ts';
import { loadRunInputs } from '../../pipelines/load-run-inputs.ts';
import { readFamilies } from '../../pipelines/read-families.ts';
import { computeComposite } from '../../transforms/compute-composite.ts';
import { buildIndicatorValues } from '../../transforms/build-indicator-values.ts';
import { buildActionPlanProgress } from '../../transforms/build-action-plan-progress.ts';
import { buildIndicatorProgress } from '../../transforms/build-indicator-progress.ts';
import { buildObservationRows } from '../../transforms/build-observation-rows.ts';

const [inboxDir = 'sample/inbox', configDir = 'config/setagaya', roundsText = '7'] = process.argv.slice(2);
const catalog = await loadCatalog(configDir);
const pipeline = await loadPipelineConfig(catalog.dir);
const outDir = await mkdtemp(path.join(tmpdir(), 'lei-profile-compute-'));
const options = { configDir, inboxDir, outDir, storePath: null, full: true, dryRun: true, asOf: '2025-06' };
const run = await loadRunInputs(options, catalog, new Date());
const read = await readFamilies(options, catalog, pipeline, run);

const times = new Map<string, number[]>();
async function timed<T>(step: string, f: () => T | Promise<T>): Promise<T> {
  const before = process.cpuUsage();
  const value = await f();
  const used = process.cpuUsage(before);
  times.set(step, [...(times.get(step) ?? []), (used.user + used.system) / 1000]);
  return value;
}

// Round 0 runs computeTables' transforms one by one (cold, as in a run): where the first call's time goes.
if (process.env.LEI_PROFILE_STEPS) {
  const checked = await timed('evaluateRunContracts', () => evaluateRunContracts(catalog, run.contracts, run.asOf, read));
  const { index } = checked.resolved;
  const years = [...new Set([catalog.plan.baselineFiscalYear, ...index.fiscalYears])].sort((a, b) => a - b);
  const values = await timed('  buildIndicatorValues', () => buildIndicatorValues(catalog, index, years, 'profile'));
  await timed('  buildActionPlanProgress', () => buildActionPlanProgress(catalog, index, 'profile'));
  await timed('  computeComposite', () => computeComposite(catalog, values.rows, 'profile'));
  await timed('  buildIndicatorProgress', () => buildIndicatorProgress(catalog, index, read.statuses, 'profile'));
  await timed('  buildObservationRows', () => buildObservationRows(read.observations, index, 'profile', checked.withheld));
  await timed('computeTables (warm transforms)', () => computeTables(catalog, read, checked, 'profile'));
  for (const [step, xs] of times) console.log(`${step.padEnd(32)} ${xs[0]!.toFixed(1).padStart(8)}`);
  process.exit(0);
}
for (let round = 0; round < Number(roundsText); round++) {
  const checked = await timed('evaluateRunContracts', () => evaluateRunContracts(catalog, run.contracts, run.asOf, read));
  const computed = await timed('computeTables', () => computeTables(catalog, read, checked, 'profile'));
  await timed('  of which computeComposite', () => computeComposite(catalog, computed.values.rows, 'profile'));
  await timed('buildManifest', () =>
    buildManifest(
      catalog,
      run,
      computed,
      { runId: 'profile', folder: 'f', observations: read.observations.length },
      { startedAt: new Date(), finishedAt: new Date() },
    ),
  );
  await timed('diffWithPrevious', () => diffWithPrevious(outDir, undefined, computed.values.rows));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${inboxDir}: ${read.observations.length} observations, median CPU ms of ${roundsText} rounds (first round included)`);
for (const [step, xs] of times) console.log(`${step.padEnd(30)} ${median(xs).toFixed(1).padStart(8)}  first ${xs[0]!.toFixed(1)}`);
