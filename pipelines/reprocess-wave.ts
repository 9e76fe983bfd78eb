// `lei reprocess --source industry-survey --year 2024`: re-reads and re-checks one fiscal year's survey wave (every
// version in the inbox), then runs the pipeline (or, with dryRun, computes it without writing anything) and reports
// which published values change against the last published run (out/latest): indicator values (value, 指数) and
// survey_breakdowns cells. Outputs are whole-run snapshots, so applying a reprocess is a full run with trigger reprocess.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { loadCatalog } from '../config/load-catalog.ts';
import type { SurveyBreakdownRow, SurveyWaveRow } from '../lib/datasets/survey-tables.ts';
import { roundHalfUp } from '../lib/decimal.ts';
import type { Issue } from '../lib/issues.ts';
import { UserError } from '../lib/user-error.ts';
import { readInboxFile } from '../sources/inbox-file.ts';
import { industrySurveyConfigSchema } from '../sources/industry-survey/industry-survey-config.ts';
import { INDUSTRY_SURVEY_FAMILY } from '../sources/industry-survey/industry-survey-family-id.ts';
import { listInbox } from '../sources/list-inbox.ts';
import { runPipeline, type RunResult, type ValueChange } from './run-pipeline.ts';
import { readLayoutConfig } from './define-source-family.ts';
import { reprocessableSources } from './reprocessable-sources.ts';
import { configureFamilies } from './source-families.ts';

export { reprocessableSources };

export interface ReprocessOptions {
  source: string;
  fiscalYear: number;
  configDir: string;
  inboxDir: string;
  outDir: string;
  storePath: string | null;
  dryRun: boolean;
  onProgress?: (file: string, done: number, total: number) => void;
  log?: (message: string, messageEn?: string) => void;
}

export interface BreakdownChange {
  measure_id: string;
  name_ja: string;
  fiscal_year: number;
  dimension: string;
  group_label: string;
  old_value: number | null;
  new_value: number | null;
  old_n: number | null;
  new_n: number | null;
  old_suppressed: boolean | null;
  new_suppressed: boolean | null;
}

export interface ReprocessResult {
  waves: Omit<SurveyWaveRow, 'run_id'>[];
  /** Issues of the wave's files and figures. */
  issues: Issue[];
  /** Indicator values of survey-fed measures that change (any year: a new baseline moves every 指数). */
  changes: ValueChange[];
  /** Changes to other sources' values picked up by the same run (the inbox moved on since the last run). */
  otherChanges: ValueChange[];
  breakdownChanges: BreakdownChange[];
  run: RunResult;
}

export async function reprocessWave(options: ReprocessOptions): Promise<ReprocessResult> {
  if (!(reprocessableSources as readonly string[]).includes(options.source)) {
    throw new UserError(
      `再処理できるソースは ${reprocessableSources.join('、')} です（指定: ${options.source}）`,
      `Sources that can be re-processed: ${reprocessableSources.join(', ')} (given: ${options.source})`,
    );
  }
  const catalog = await loadCatalog(options.configDir);
  // Every layout config checked as a run checks them; then the survey's own, typed.
  await configureFamilies(catalog.dir, catalog);
  const { file, config } = await readLayoutConfig(catalog.dir, INDUSTRY_SURVEY_FAMILY, industrySurveyConfigSchema, []);
  if (!config) {
    throw new UserError(`${file} がありません。産業基礎調査の読み方を設定してください`, `${file} is missing: configure how the industry survey is read`);
  }

  const paths = (await listInbox(options.inboxDir)).files.filter((p) => path.relative(options.inboxDir, p).split(path.sep)[0] === INDUSTRY_SURVEY_FAMILY);
  const files = await Promise.all(paths.map((p) => readInboxFile(options.inboxDir, p)));
  // Imported here: the cli registers this command at every start, and the estimation's modules are large.
  const { runIndustrySurvey } = await import('./industry-survey-family-read.ts');
  const survey = await runIndustrySurvey(files, catalog.measures.values(), config, {
    fiscalYears: [options.fiscalYear],
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (survey.waves.length === 0) {
    const folder = path.join(options.inboxDir, INDUSTRY_SURVEY_FAMILY);
    throw new UserError(
      `受信箱 ${folder} に ${options.fiscalYear}年度の回答ファイルがありません（ファイル名は設定 files.pattern に合わせてください）`,
      `The inbox ${folder} has no response file of fiscal year ${options.fiscalYear} (file names must match files.pattern in the config)`,
    );
  }
  const waveFiles = new Set(survey.waves.map((w) => w.input.name));
  const issues = survey.issues.filter((i) => !i.location.file || waveFiles.has(i.location.file));

  const oldBreakdowns = await readLatest(options.outDir, 'survey_breakdowns.csv');
  if (options.dryRun) options.log?.('公表値への影響を計算しています（何も書き込みません）…', 'Computing the effect on published values (nothing is written)…');
  else options.log?.('本処理を実行しています…', 'Running the pipeline…');
  const run = await runPipeline({
    configDir: options.configDir,
    inboxDir: options.inboxDir,
    outDir: options.outDir,
    storePath: options.storePath,
    trigger: 'reprocess',
    full: true,
    dryRun: options.dryRun,
  });
  const surveyMeasures = new Set([...catalog.measures.values()].filter((m) => m.source.kind === 'industrySurvey').map((m) => m.id));
  const decimals = new Map([...catalog.measures.values()].map((m) => [m.id, m.decimals]));
  const rows = survey.tables.survey_breakdowns.filter((r) => r.fiscal_year === options.fiscalYear);
  // A row whose value and 指数 stay (e.g. a year without data whose baseline column moved) is not a published change.
  const shown = run.changes.filter((c) => c.old_value !== c.new_value || c.old_index !== c.new_index);
  return {
    waves: survey.tables.survey_waves,
    issues,
    changes: shown.filter((c) => surveyMeasures.has(c.measure_id)),
    otherChanges: shown.filter((c) => !surveyMeasures.has(c.measure_id)),
    breakdownChanges: diffBreakdowns(
      oldBreakdowns.filter((r) => Number(r.fiscal_year) === options.fiscalYear),
      rows,
      (id) => decimals.get(id) ?? 1,
    ),
    run,
  };
}

async function readLatest(outDir: string, name: string): Promise<Record<string, string>[]> {
  let text: string;
  try {
    text = await readFile(path.join(outDir, 'latest', name), 'utf8');
  } catch {
    return [];
  }
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

/** Published breakdown cells (share to the measure's decimals, n, suppression) that differ from out/latest. */
function diffBreakdowns(old: Record<string, string>[], next: Omit<SurveyBreakdownRow, 'run_id'>[], decimalsOf: (id: string) => number): BreakdownChange[] {
  const key = (measure: string, year: number | string, dimension: string, group: string) => `${measure}\u0000${year}\u0000${dimension}\u0000${group}`;
  const before = new Map(old.map((r) => [key(r.measure_id!, r.fiscal_year!, r.dimension!, r.group_code!), r]));
  const changes: BreakdownChange[] = [];
  const seen = new Set<string>();
  for (const r of next) {
    const k = key(r.measure_id, r.fiscal_year, r.dimension, r.group_code);
    seen.add(k);
    const o = before.get(k);
    const value = r.share === null ? null : roundHalfUp(r.share, decimalsOf(r.measure_id));
    const oldValue = o && o.share !== '' ? roundHalfUp(Number(o.share), decimalsOf(r.measure_id)) : null;
    const oldN = o ? Number(o.n) : null;
    const oldSuppressed = o ? o.suppressed === 'true' : null;
    if (o && oldValue === value && oldN === r.n && oldSuppressed === r.suppressed) continue;
    changes.push({
      measure_id: r.measure_id,
      name_ja: r.name_ja,
      fiscal_year: r.fiscal_year,
      dimension: r.dimension,
      group_label: r.group_label,
      old_value: oldValue,
      new_value: value,
      old_n: oldN,
      new_n: r.n,
      old_suppressed: oldSuppressed,
      new_suppressed: r.suppressed,
    });
  }
  for (const [k, o] of before) {
    if (seen.has(k)) continue;
    changes.push({
      measure_id: o.measure_id!,
      name_ja: o.name_ja!,
      fiscal_year: Number(o.fiscal_year),
      dimension: o.dimension!,
      group_label: o.group_label!,
      old_value: o.share === '' ? null : roundHalfUp(Number(o.share), decimalsOf(o.measure_id!)),
      new_value: null,
      old_n: Number(o.n),
      new_n: null,
      old_suppressed: o.suppressed === 'true',
      new_suppressed: null,
    });
  }
  return changes;
}
