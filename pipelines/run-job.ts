// The jobs the scheduler (or an operator) starts: an incremental refresh, a full refresh, or the yearly roll.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCatalog } from '../config/load-catalog.ts';
import type { Job, PipelineConfig } from '../config/pipeline-schema.ts';
import { fiscalYearOfDate, formatFiscalYear } from '../lib/fiscal-year.ts';
import { writeManualEntryTemplate } from '../outputs/manual-entry-template.ts';
import { runPipeline, type RunResult, type RunTrigger } from './run-pipeline.ts';
import { adapterFedSourceKinds } from './source-families.ts';

export interface JobContext {
  configDir: string;
  pipeline: PipelineConfig;
  trigger: RunTrigger;
  now?: () => Date;
  log?: (message: string, messageEn?: string) => void;
}

export async function runJob(job: Job, context: JobContext): Promise<RunResult> {
  const { pipeline } = context;
  const now = context.now ?? (() => new Date());
  const publishUrl = pipeline.publish ? process.env[pipeline.publish.postgresUrlEnv] : undefined;
  if (job === 'newFiscalYear') {
    // The fiscal year that has just begun, in the ward's calendar.
    const fiscalYear = fiscalYearOfDate(now());
    const catalog = await loadCatalog(context.configDir);
    const measures = [...catalog.measures.values()].filter((m) => !adapterFedSourceKinds.has(m.source.kind));
    await mkdir(pipeline.templates, { recursive: true });
    const file = path.join(pipeline.templates, `手入力_${formatFiscalYear(fiscalYear)}.xlsx`);
    await writeFile(file, await writeManualEntryTemplate(catalog, fiscalYear, { measures }));
    context.log?.(
      `新年度（${formatFiscalYear(fiscalYear)}）の手入力ワークブックを作りました: ${file}`,
      `Manual-entry workbook for the new fiscal year (${fiscalYear}) written: ${file}`,
    );
  }
  return runPipeline({
    configDir: context.configDir,
    inboxDir: pipeline.inbox,
    outDir: pipeline.out,
    storePath: pipeline.store,
    trigger: context.trigger,
    full: job !== 'refresh',
    ...(publishUrl && pipeline.publish ? { publish: { connectionString: publishUrl, schema: pipeline.publish.schema } } : {}),
    now,
    ...(context.log ? { log: context.log } : {}),
  });
}
