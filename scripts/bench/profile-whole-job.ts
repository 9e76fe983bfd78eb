// Where a whole-job run's time goes: the steps of pipelines/run-pipeline.ts (as of issue 6) run one after another
// in one process, each timed with the resident memory after it. Families are read one at a time here (the run reads
// two at once), so each family's figure is its own. Not a bench case: a diagnostic for docs/benchmarks.md.
// Usage: npm run build && node dist/scripts/bench/profile-whole-job.js [<inbox>] [<config>]
//        (or node --import tsx scripts/bench/profile-whole-job.ts …, slower to load)
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const started = performance.now();
let last = started;
let lastCpu = process.cpuUsage();
const rows: { step: string; ms: number; cpuMs: number; rssMb: number }[] = [];
// CPU time beside wall time: on a shared machine the wall time of a step is mostly other processes' load.
function lap(step: string): void {
  const now = performance.now();
  const cpu = process.cpuUsage(lastCpu);
  rows.push({ step, ms: now - last, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: process.memoryUsage().rss / 1048576 });
  last = now;
  lastCpu = process.cpuUsage();
}

const [inboxDir = '.bench-data/scale-inbox', configDir = 'config/setagaya'] = process.argv.slice(2);
const [
  { loadCatalog },
  { configureFamilies },
  { listInbox },
  { readInboxFile },
  { archiveInputs },
  { resolveObservations },
  { buildIndicatorValues },
  { buildActionPlanProgress },
  { computeComposite },
  { buildObservationRows },
  { adapterTables },
  indicatorTables,
  compositeTables,
  runTables,
  { formatCsv },
  { formatJson },
  { writeParquetFiles },
  { writeCommitteeWorkbook },
  { publishToStore },
] = await Promise.all([
  import('../../config/load-catalog.ts'),
  import('../../pipelines/source-families.ts'),
  import('../../sources/list-inbox.ts'),
  import('../../sources/inbox-file.ts'),
  import('../../sources/archive-inputs.ts'),
  import('../../transforms/resolve-observations.ts'),
  import('../../transforms/build-indicator-values.ts'),
  import('../../transforms/build-action-plan-progress.ts'),
  import('../../transforms/compute-composite.ts'),
  import('../../transforms/build-observation-rows.ts'),
  import('../../pipelines/adapter-tables.ts'),
  import('../../lib/datasets/indicator-tables.ts'),
  import('../../lib/datasets/composite-tables.ts'),
  import('../../lib/datasets/run-tables.ts'),
  import('../../outputs/format-csv.ts'),
  import('../../outputs/format-json.ts'),
  import('../../outputs/write-parquet-files.ts'),
  import('../../outputs/committee-workbook.ts'),
  import('../../outputs/duckdb-store.ts'),
]);
lap('start-up and module loading');

const catalog = await loadCatalog(configDir);
const families = await configureFamilies(catalog.dir, catalog);
lap('config: catalog and source layouts (zod)');

const inputs = await Promise.all((await listInbox(inboxDir)).files.map((p) => readInboxFile(inboxDir, p)));
const megabytes = inputs.reduce((n, f) => n + f.size, 0) / 1048576;
lap(`inbox: read and sha256 (${inputs.length} files, ${megabytes.toFixed(0)} MB)`);

const scratch = await mkdtemp(path.join(tmpdir(), 'lei-profile-'));
await archiveInputs(path.join(scratch, 'archive'), inputs);
lap('archive copies (empty archive)');

const results = [];
for (const configured of families) {
  const adapter = configured.family;
  const files = inputs.filter((f) => f.name.split('/')[0] === adapter.family && adapter.extensions.includes(path.extname(f.name).toLowerCase()));
  if (files.length === 0) continue;
  results.push(await configured.read(files, catalog));
  lap(`read ${adapter.family} (${files.length} files)`);
}
// What pipelines/family-cache.ts writes: only what a run uses (the survey's waves, kept for reprocess, are left out).
await writeFile(
  path.join(scratch, 'cache.json'),
  JSON.stringify(results.map(({ observations, issues, gaps, statuses, tables }) => ({ observations, issues, gaps, statuses, tables }))),
);
lap('family cache (JSON of every family result)');

const observations = results.flatMap((r) => r.observations);
const resolved = resolveObservations(
  observations,
  results.flatMap((r) => r.gaps ?? []),
);
const years = [...new Set([catalog.plan.baselineFiscalYear, ...resolved.index.fiscalYears])].sort((a, b) => a - b);
const values = buildIndicatorValues(catalog, resolved.index, years, 'profile');
const progress = buildActionPlanProgress(catalog, resolved.index, 'profile');
lap(`tables: resolve, indicator values (${values.rows.length}), action plan (${progress.rows.length})`);
const composite = computeComposite(catalog, values.rows, 'profile');
lap('composite index and sensitivity');
const tables = [
  { spec: indicatorTables.indicatorValues, rows: values.rows },
  { spec: indicatorTables.actionPlanProgress, rows: progress.rows },
  { spec: compositeTables.compositeIndex, rows: composite.index },
  { spec: compositeTables.compositeComponents, rows: composite.components },
  { spec: runTables.observationsDataset, rows: buildObservationRows(observations, resolved.index, 'profile') },
  ...adapterTables(results, 'profile'),
  { spec: runTables.issuesDataset, rows: [] },
];
lap(`observation and adapter rows (${tables.reduce((n, t) => n + t.rows.length, 0)} rows in ${tables.length} tables)`);

const out = path.join(scratch, 'run');
await mkdir(out, { recursive: true });
for (const t of tables) await writeFile(path.join(out, `${t.spec.name}.csv`), formatCsv(t.spec, t.rows));
lap('write CSV');
for (const t of tables) await writeFile(path.join(out, `${t.spec.name}.json`), formatJson(t.spec, t.rows));
lap('write JSON');
await writeParquetFiles(out, tables);
lap('write Parquet (DuckDB)');
const fiscalYear = years.filter((y) => y >= catalog.plan.period.start && y <= catalog.plan.period.end).at(-1) ?? catalog.plan.period.start;
await writeFile(
  path.join(out, 'committee_report.xlsx'),
  await writeCommitteeWorkbook(catalog, { indicatorValues: values.rows, actionPlanProgress: progress.rows, composite: composite.index, fiscalYear }),
);
lap('committee workbook');
const now = new Date().toISOString();
await publishToStore(
  path.join(scratch, 'store.duckdb'),
  { runId: 'profile', folder: 'profile', startedAt: now, finishedAt: now, status: 'succeeded', manifestJson: '{}' },
  tables,
);
lap('DuckDB store (new file)');
await rm(scratch, { recursive: true, force: true });
lap('clean-up');

console.log(`| step | ms | CPU ms | RSS after, MB |\n|---|---:|---:|---:|`);
for (const r of rows) console.log(`| ${r.step} | ${r.ms.toFixed(0)} | ${r.cpuMs.toFixed(0)} | ${r.rssMb.toFixed(0)} |`);
const usage = process.resourceUsage();
console.log(
  `| total | ${(performance.now() - started).toFixed(0)} | ${((usage.userCPUTime + usage.systemCPUTime) / 1000).toFixed(0)} | peak ${(usage.maxRSS / 1024).toFixed(0)} |`,
);
