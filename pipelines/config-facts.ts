// What an unchanged re-run needs to know of its config, beyond the files' bytes: the counts it logs, the output
// folder's access group, PostgreSQL's read role, pipeline.yaml's folders and which config files (in order) make up the run id. Taken from the
// loaded config, or from the cache (config-facts-cache.ts) when the config folder is as an earlier run checked it.
import type { Catalog } from '../config/load-catalog.ts';
import type { PipelineConfig } from '../config/pipeline-schema.ts';

export interface ConfigFacts {
  measures: number;
  slots: number;
  lines: number;
  /** The plan's word for its action plan (アクションプラン). */
  actionPlanTerm: string;
  progress: { term: string; indicators: number } | null;
  accessGroup: string | null;
  readRole: string | null;
  /** pipeline.yaml's folders, defaults filled in (they depend on the config folder's name, which the cache key holds). */
  folders: { inbox: string; out: string; store: string };
  /** Config files by name from the config folder, in the order the run id and the manifest list them. */
  configFiles: string[];
}

/** The settings of a loaded config (all but the file list, known once the source layouts are configured). */
export type ConfigSettings = Omit<ConfigFacts, 'configFiles'>;

export function configSettingsOf(catalog: Catalog, pipeline: PipelineConfig): ConfigSettings {
  return {
    measures: catalog.measures.size,
    slots: catalog.slots.length,
    lines: catalog.lines.length,
    actionPlanTerm: catalog.plan.terms.actionPlan,
    progress: catalog.progress ? { term: catalog.plan.terms.progressTable, indicators: catalog.progress.indicators.length } : null,
    accessGroup: pipeline.access.group ?? null,
    readRole: pipeline.publish?.readRole ?? null,
    folders: { inbox: pipeline.inbox, out: pipeline.out, store: pipeline.store },
  };
}

/** The run's first log line, in Japanese and English. */
export function configReadMessage(s: ConfigSettings): [string, string] {
  return [
    `設定を読み込みました: 指標 ${s.measures}、指標枠 ${s.slots}、${s.actionPlanTerm} ${s.lines} 行` +
      (s.progress ? `、${s.progress.term} ${s.progress.indicators} 指標` : ''),
    `Config read: ${s.measures} measures, ${s.slots} slots, ${s.lines} action-plan lines` +
      (s.progress ? `, ${s.progress.indicators} progress-table indicators` : ''),
  ];
}
