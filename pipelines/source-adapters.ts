// Which reader takes which inbox files. Each source family has its own inbox folder and, where its layout
// varies (RESAS exports, operator reports), its own config file config/<city>/sources/<family>.yaml,
// validated with the catalog before any input is read.
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { ConfigError, readConfigFile, type Catalog, type ConfigProblem } from '../config/load-catalog.ts';
import type { SourceResult } from '../lib/observation.ts';
import type { InboxFile } from '../sources/inbox-file.ts';
import type { XlsxLimits } from '../sources/xlsx/xlsx-limits.ts';
import { readManualEntryWorkbook } from '../sources/manual-entry-workbook.ts';
import { koshaAdapter } from '../sources/kosha-adapter.ts';
import { resasAdapter } from '../sources/resas-adapter.ts';
import { setagayaPayAdapter } from '../sources/setagaya-pay-adapter.ts';
import { industrySurveyAdapter } from './industry-survey-family.ts';

/** What a run offers an adapter besides its inputs: a way to report progress through a large file. */
export interface ReadContext {
  onProgress?: (file: string, done: number, total: number) => void;
  /** Size limits of .xlsx inputs (contracts.yaml limits); the readers' defaults when absent. */
  xlsxLimits?: XlsxLimits;
}

export interface SourceAdapter {
  /** Stable family id, also the inbox folder name, e.g. manual-entry, setagaya-pay. */
  family: string;
  labelJa: string;
  extensions: readonly string[];
  /** The family's layout config, read from config/<city>/sources/<family>.yaml when the file exists. */
  configSchema?: z.ZodType;
  /** Checks the measures' bindings against the layout config (undefined when the file is absent), at load time. */
  checkConfig?(config: unknown, catalog: Catalog, file: string): ConfigProblem[];
  /** Reads all of the family's files of this run together (continuity checks need the whole set). */
  read(files: readonly InboxFile[], catalog: Catalog, config: unknown, context?: ReadContext): Promise<SourceResult>;
}

export const sourceAdapters: readonly SourceAdapter[] = [
  {
    family: 'manual-entry',
    labelJa: '手入力ワークブック',
    extensions: ['.xlsx'],
    read: async (files, catalog, _config, context) => {
      const results = await Promise.all(files.map((f) => readManualEntryWorkbook(f, catalog, context?.xlsxLimits)));
      const statuses = results.flatMap((r) => r.statuses ?? []);
      return {
        observations: results.flatMap((r) => r.observations),
        issues: results.flatMap((r) => r.issues),
        ...(statuses.length > 0 ? { statuses } : {}),
        facts: { filePeriods: results.flatMap((r) => r.facts?.filePeriods ?? []) },
      };
    },
  },
  resasAdapter,
  setagayaPayAdapter,
  koshaAdapter,
  industrySurveyAdapter,
];

/** Source kinds that an adapter other than manual entry feeds; the rest are listed in the entry template. */
export const adapterFedSourceKinds: ReadonlySet<string> = new Set<string>(['resas', 'setagayaPay', 'kosha', 'industrySurvey']);

export interface SourceConfigs {
  byFamily: Map<string, unknown>;
  files: string[];
}

/**
 * Every adapter's config file that exists, parsed, and (given the catalog) the measures' bindings checked
 * against it; stops with every problem found, like the catalog.
 */
export async function loadSourceConfigs(configDir: string, adapters: readonly SourceAdapter[] = sourceAdapters, catalog?: Catalog): Promise<SourceConfigs> {
  const problems: ConfigProblem[] = [];
  const byFamily = new Map<string, unknown>();
  const files: string[] = [];
  for (const adapter of adapters) {
    if (!adapter.configSchema) continue;
    const file = path.join(configDir, 'sources', `${adapter.family}.yaml`);
    const exists = await access(file).then(
      () => true,
      () => false,
    );
    const parsed = exists ? await readConfigFile(file, adapter.configSchema, problems) : undefined;
    if (exists) {
      files.push(file);
      byFamily.set(adapter.family, parsed);
    }
    if (catalog && adapter.checkConfig && (!exists || parsed !== undefined)) problems.push(...adapter.checkConfig(parsed, catalog, file));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { byFamily, files };
}
