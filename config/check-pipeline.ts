// pipeline.yaml against the plan: every source family a measure is read from is one the runs read, and the
// time zone is one the machine knows. check-config reports these with the catalog's problems.
import path from 'node:path';
import { configProblem } from './config-problem.ts';
import type { Catalog, ConfigProblem } from './load-catalog.ts';
import type { PipelineConfig } from './pipeline-schema.ts';

/** The inbox family that reads each source kind; every other kind is typed into the manual-entry workbook. */
const FAMILY_OF_KIND: Record<string, string> = { resas: 'resas', setagayaPay: 'setagaya-pay', kosha: 'kosha', industrySurvey: 'industry-survey' };

export function checkPipeline(catalog: Pick<Catalog, 'dir' | 'measures'>, pipeline: PipelineConfig): ConfigProblem[] {
  const file = path.join(catalog.dir, 'pipeline.yaml');
  const problems: ConfigProblem[] = [];
  try {
    new Intl.DateTimeFormat('ja-JP', { timeZone: pipeline.timezone });
  } catch {
    problems.push(configProblem('config-unknown-timezone', { timezone: pipeline.timezone }, { file, path: 'timezone' }));
  }
  const readBy = new Map<string, string[]>();
  for (const m of catalog.measures.values()) {
    const family = FAMILY_OF_KIND[m.source.kind] ?? 'manual-entry';
    readBy.set(family, [...(readBy.get(family) ?? []), m.id]);
  }
  for (const [family, ids] of readBy) {
    if (pipeline.sources.includes(family as PipelineConfig['sources'][number])) continue;
    const shown = ids
      .slice(0, 3)
      .map((id) => `「${id}」`)
      .join('・');
    problems.push(
      configProblem('config-source-not-read', { measures: `${shown}${ids.length > 3 ? ` ほか${ids.length - 3}件` : ''}`, family }, { file, path: 'sources' }),
    );
  }
  return problems;
}
