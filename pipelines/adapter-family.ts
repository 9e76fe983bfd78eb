// A family still wired in sources/ with an untyped config (the industry survey, until its wiring moves to pipelines/):
// the same registry entry as the others.
import { readLayoutConfig, type SourceFamily } from './define-source-family.ts';
import type { SourceAdapter } from './source-adapters.ts';

export function adapterFamily(adapter: SourceAdapter, sourceKind: SourceFamily['sourceKind']): SourceFamily {
  const family: SourceFamily = {
    family: adapter.family,
    labelJa: adapter.labelJa,
    extensions: adapter.extensions,
    sourceKind,
    async configure(configDir, problems, catalog) {
      if (!adapter.configSchema) return { family, read: (files, c, context) => adapter.read(files, c, undefined, context) };
      const { file, exists, config } = await readLayoutConfig(configDir, adapter.family, adapter.configSchema, problems);
      if (catalog && adapter.checkConfig && (!exists || config !== undefined)) problems.push(...adapter.checkConfig(config, catalog, file));
      return { family, ...(exists ? { configFile: file } : {}), read: (files, c, context) => adapter.read(files, c, config, context) };
    },
  };
  return family;
}
