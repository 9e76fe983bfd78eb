// config/<city>/pipeline.yaml, parsed like the catalog (file/line/path errors); defaults when it is absent.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, readConfigFile, type ConfigProblem } from './load-catalog.ts';
import { pipelineConfigSchema, type PipelineConfig } from './pipeline-schema.ts';

export async function loadPipelineConfig(configDir: string): Promise<PipelineConfig> {
  const file = path.join(configDir, 'pipeline.yaml');
  if (!(await access(file).then(() => true, () => false))) return pipelineConfigSchema.parse({});
  const problems: ConfigProblem[] = [];
  const config = await readConfigFile(file, pipelineConfigSchema, problems);
  if (!config) throw new ConfigError(problems);
  return config;
}
