// Where the write phase's time goes (step 9, pipelines/write-outputs.ts): the run is computed once (untimed), then each
// folder output is written alone into its own folder, timed (wall and CPU, user+sys), and then all of them together
// through writeOutputs as a run writes them. Not a bench case: a diagnostic for docs/benchmarks.md.
// Usage: npm run build && node dist/scripts/bench/profile-write-outputs.js [<inbox>] [<config>] [<output name>] [<rounds>]
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../../config/load-catalog.ts';
import { loadPipelineConfig } from '../../config/load-pipeline-config.ts';
import { OWNER_ONLY } from '../../lib/output-access.ts';
import { buildManifest } from '../../pipelines/build-manifest.ts';
import { computeTables } from '../../pipelines/compute-tables.ts';
import { evaluateRunContracts } from '../../pipelines/evaluate-run-contracts.ts';
import { loadRunInputs } from '../../pipelines/load-run-inputs.ts';
import { readFamilies } from '../../pipelines/read-families.ts';
import { runContent } from '../../pipelines/run-content.ts';
import { folderOutputs, writeOutputs } from '../../pipelines/write-outputs.ts';

const [inboxDir = 'sample/inbox', configDir = 'config/setagaya', only, rounds = '2'] = process.argv.slice(2);
const scratch = await mkdtemp(path.join(tmpdir(), 'lei-write-profile-'));
const catalog = await loadCatalog(configDir);
const pipeline = await loadPipelineConfig(catalog.dir);
const options = { configDir, inboxDir, outDir: path.join(scratch, 'out'), storePath: null, full: true };
const startedAt = new Date();
const run = await loadRunInputs(options, catalog, startedAt);
const read = await readFamilies(options, catalog, pipeline, run);
const computed = computeTables(catalog, read, evaluateRunContracts(catalog, run.contracts, run.asOf, read), 'profile');
const manifest = await buildManifest(
  catalog,
  run,
  computed,
  { runId: 'profile', folder: 'profile', observations: read.observations.length },
  { startedAt, finishedAt: startedAt },
);
const content = runContent(catalog, manifest, computed);
const outputs = folderOutputs(pipeline.outputs);
const roundNumbers = Array.from({ length: Number(rounds) }, (_, i) => i + 1);

async function timed(label: string, work: () => Promise<unknown>): Promise<void> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  console.log(`| ${label} | ${(performance.now() - wall).toFixed(0)} | ${((used.user + used.system) / 1000).toFixed(0)} |`);
}

console.log('| output (first write loads its modules) | wall ms | CPU ms |\n|---|---:|---:|');
for (const round of roundNumbers) {
  for (const output of outputs.filter((o) => only === undefined || o.name === only)) {
    const dir = path.join(scratch, `${output.name}-${round}`);
    await mkdir(dir, { recursive: true });
    await timed(`${output.name} (${round})`, () => output.write(content, dir));
  }
}
if (only === undefined)
  for (const round of roundNumbers)
    await timed(`writeOutputs, all (${round})`, () => writeOutputs(path.join(scratch, `all-${round}`), content, outputs, OWNER_ONLY));
await rm(scratch, { recursive: true, force: true });
