// Bench case site: the dashboard of a run folder built and written as a run does (outputs/site/), from the rows
// the run published (read back from its JSON files, untimed). Timed inside the process: loading the chart library,
// building every page and writing it; Node's start-up is left out, as the site is built inside `lei run`.
// Usage: node dist/scripts/bench/build-site.js <run-folder> <site-out-dir>   (or node --import tsx scripts/bench/build-site.ts …)
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { loadCatalog } from '../../config/load-catalog.ts';
import type { PublishedTable } from '../../lib/dataset-spec.ts';
import { datasets } from '../../lib/datasets.ts';
import type { CompositeIndexRow } from '../../lib/datasets/composite-tables.ts';
import type { ActionPlanProgressRow, IndicatorValueRow } from '../../lib/datasets/indicator-tables.ts';
import type { IssueRow, ObservationRow } from '../../lib/datasets/run-tables.ts';
import { withPlanWords } from '../../lib/with-plan-words.ts';
import { siteTables } from '../../outputs/site/site-context.ts';

const [runDir, outDir] = process.argv.slice(2);
if (!runDir || !outDir) throw new Error('usage: build-site.ts <run-folder> <site-out-dir>');
// JSON.parse gives untyped rows; the run wrote them from the typed datasets.
const json = async <T extends object>(name: string): Promise<T[]> => JSON.parse(await readFile(path.join(runDir, `${name}.json`), 'utf8'));
const catalog = await loadCatalog(path.resolve('config/setagaya'));
const manifest = JSON.parse(await readFile(path.join(runDir, 'manifest.json'), 'utf8')) as { run_id: string; fiscal_years: number[] };
const published = datasets.filter((spec) => existsSync(path.join(runDir, `${spec.name}.json`)));
const tables: PublishedTable[] = await Promise.all(published.map(async (spec) => ({ spec: withPlanWords(spec, catalog.plan), rows: await json(spec.name) })));
// The rows the pages are drawn from, parsed before the timer: a run hands them over computed (or cloned to its thread).
const rows = {
  indicatorValues: await json<IndicatorValueRow>('indicator_values'),
  actionPlanProgress: await json<ActionPlanProgressRow>('action_plan_progress'),
  // The sample plan has no progress table (progress.yaml).
  indicatorProgress: [],
  compositeIndex: await json<CompositeIndexRow>('composite_index'),
  observations: await json<ObservationRow>('observations'),
  issues: await json<IssueRow>('issues'),
};
await rm(outDir, { recursive: true, force: true });

const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
const [{ buildSite }, { writeSite }] = await Promise.all([import('../../outputs/site/build-site.ts'), import('../../outputs/site/write-site.ts')]);
const { start, end } = catalog.plan.period;
const files = buildSite(catalog, {
  runId: manifest.run_id,
  fiscalYear: manifest.fiscal_years.filter((y) => y >= start && y <= end).at(-1) ?? start,
  ...rows,
  ...siteTables(tables),
  formats: { json: true, parquet: true },
  otherFiles: ['manifest.json', 'committee_report.xlsx'],
});
await writeSite(outDir, files);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStarted);

const sizes = files.map((f) => Buffer.byteLength(f.content));
process.stdout.write(
  `pages ${files.length} total ${(sizes.reduce((a, b) => a + b, 0) / 1024).toFixed(0)} KB largest ${(Math.max(...sizes) / 1024).toFixed(1)} KB; ` +
    `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(3)} s (user+sys, the timed part)\n`,
);
process.stdout.write(`BENCH ${JSON.stringify({ seconds })}\n`);
