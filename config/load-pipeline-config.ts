// config/<city>/pipeline.yaml, parsed like the catalog (file/line/path errors); defaults when it is absent.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from './config-error.ts';
import type { ConfigProblem } from './config-problem.ts';
import { readConfigFile } from './read-config-file.ts';
import type { PipelineConfig, PipelineFile } from './pipeline-schema.ts';

// Imported when pipeline.yaml has to be checked (config/config-file-cache.ts): it brings zod's schema and node-cron.
const schema = () => import('./pipeline-schema.ts').then((m) => m.pipelineConfigSchema);

export async function loadPipelineConfig(configDir: string): Promise<PipelineConfig> {
  const file = path.join(configDir, 'pipeline.yaml');
  if (
    !(await access(file).then(
      () => true,
      () => false,
    ))
  )
    return withFolders(configDir, (await schema()).parse({}));
  const problems: ConfigProblem[] = [];
  const config = await readConfigFile(file, schema, problems);
  if (!config) throw new ConfigError(problems);
  return withFolders(configDir, config);
}

/** Folders not written in pipeline.yaml are the plan's own, named after its config folder. */
function withFolders(configDir: string, config: PipelineFile): PipelineConfig {
  const plan = path.basename(path.resolve(configDir));
  const out = config.out ?? path.join('out', plan);
  return {
    ...config,
    inbox: config.inbox ?? path.join('inbox', plan),
    out,
    store: config.store ?? path.join(out, 'store.duckdb'),
    templates: config.templates ?? path.join(out, 'templates'),
  };
}
