// The plan's own words (plan.yaml `terms`) for what the CLI prints after a run or in an explanation:
// a progress-table plan's 事業計画 is never called アクションプラン.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plan } from '../config/catalog-schema.ts';
import { readConfigFile } from '../config/read-config-file.ts';

export async function planWords(configDir: string): Promise<Plan['terms']> {
  // The schema (and zod) loads only if plan.yaml was not checked before by this code (config/config-file-cache.ts).
  const planSchema = () => import('../config/catalog-schema.ts').then((m) => m.planSchema);
  const plan = await readConfigFile(path.join(configDir, 'plan.yaml'), planSchema, []);
  // The run or check that needs the words has already stopped on a broken plan.yaml; the defaults only fill a gap.
  return plan?.terms ?? (await planSchema()).shape.terms.parse(undefined);
}

/** The run's plan tables in the plan's words with their row counts: the action plan's, and the progress table's when the plan has one. */
export async function summaryTables(configDir: string, runFolder: string, actionPlanRows: number): Promise<{ label: string; rows: number }[]> {
  const terms = await planWords(configDir);
  const manifest = await readFile(path.join(runFolder, 'manifest.json'), 'utf8').catch(() => '{}');
  const progressRows = (JSON.parse(manifest) as { counts?: { indicator_progress?: number } }).counts?.indicator_progress;
  return [
    ...(actionPlanRows > 0 || progressRows === undefined ? [{ label: `${terms.actionPlan}進捗`, rows: actionPlanRows }] : []),
    ...(progressRows === undefined ? [] : [{ label: terms.progressTable, rows: progressRows }]),
  ];
}
