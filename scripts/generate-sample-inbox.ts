// Builds the bundled sample inbox from the published figures (scripts/sample/*.yaml, each value citing the
// seed line it reproduces). Deterministic: the same config and tables give byte-identical files.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../lib/repo-root.ts';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadCatalog, type Catalog } from '../config/load-catalog.ts';
import { formatFiscalYear } from '../lib/fiscal-year.ts';
import { writeManualEntryTemplate } from '../outputs/manual-entry-template.ts';
import { adapterFedSourceKinds } from '../pipelines/source-families.ts';
import { writeSourceSamples } from './sample/write-source-samples.ts';
import { writeIndustrySurveySamples } from './sample/generate-industry-survey-waves.ts';

const SAMPLE_TABLES = ['logic-model-actuals.yaml', 'action-plan-actuals.yaml'];

const actualsSchema = z.strictObject({
  actuals: z.array(
    z.strictObject({
      measure: z.string(),
      fiscalYear: z.number().int(),
      value: z.number(),
      basis: z.enum(['printed', 'inferred']),
      sourceJa: z.string(),
    }),
  ),
});

export type SampleValue = { value: number; comment?: string };

/**
 * Manual-entry sample values by fiscal year and measure: FY actuals from the tables, baseline years from the
 * declared baselines. Measures an adapter feeds get theirs from the sample source files instead (never twice).
 */
export async function sampleValues(catalog: Catalog): Promise<Map<number, Map<string, SampleValue>>> {
  const byYear = new Map<number, Map<string, SampleValue>>();
  const put = (fiscalYear: number, measure: string, v: SampleValue) => {
    if (adapterFedSourceKinds.has(catalog.measures.get(measure)?.source.kind ?? '')) return;
    if (!byYear.has(fiscalYear)) byYear.set(fiscalYear, new Map());
    byYear.get(fiscalYear)!.set(measure, v);
  };
  for (const m of catalog.measures.values()) {
    if (m.baseline?.value !== undefined) put(m.baseline.fiscalYear, m.id, { value: m.baseline.value });
  }
  const here = path.join(repoRoot, 'scripts');
  for (const name of SAMPLE_TABLES) {
    const table = actualsSchema.parse(parse(await readFile(path.join(here, 'sample', name), 'utf8')));
    for (const a of table.actuals) {
      if (!catalog.measures.has(a.measure)) throw new Error(`scripts/sample/${name}: 指標ID「${a.measure}」が設定にありません`);
      put(a.fiscalYear, a.measure, a.basis === 'inferred' ? { value: a.value, comment: `サンプル: 公表値なし。${a.sourceJa}` } : { value: a.value });
    }
  }
  return byYear;
}

export async function generateSampleInbox(configDir: string, inboxDir: string): Promise<string[]> {
  const catalog = await loadCatalog(configDir);
  const byYear = await sampleValues(catalog);
  const folder = path.join(inboxDir, 'manual-entry');
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const [fiscalYear, values] of [...byYear].sort(([a], [b]) => a - b)) {
    const measures = [...catalog.measures.values()].filter((m) => values.has(m.id));
    const file = path.join(folder, `手入力_${formatFiscalYear(fiscalYear)}.xlsx`);
    await writeFile(file, await writeManualEntryTemplate(catalog, fiscalYear, { measures, values }));
    written.push(file);
  }
  written.push(...(await writeSourceSamples(inboxDir, new Set([...catalog.measures.values()].map((m) => m.source.kind)))));
  written.push(...(await writeIndustrySurveySamples(configDir, inboxDir, catalog)));
  return written;
}
