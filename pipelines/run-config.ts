// A run's config in two steps. First what it needs before computing: loaded and checked in full (catalog and
// pipeline.yaml), or — when the config folder holds the very bytes an earlier run checked, with the same code — the
// facts cached then (config-facts-cache.ts), without loading YAML, zod or the schemas. Then, only for a run that
// reads its inputs (or on the first run of a config), the rest: contracts, source layouts and the config files' bytes.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog } from '../config/load-catalog.ts';
import type { Contracts } from '../config/load-contracts.ts';
import type { PipelineConfig } from '../config/pipeline-schema.ts';
import { configSettingsOf, type ConfigSettings } from './config-facts.ts';
import { readConfigFacts, writeConfigFacts } from './config-facts-cache.ts';
import { readConfigSnapshot, type ConfigCopy, type ConfigSnapshot } from './config-snapshot.ts';
import type { ConfiguredFamily } from './define-source-family.ts';

/** The config before the run computes: checked in full, or known from the cache to be as a run checked it. */
export type RunConfig = LoadedRunConfig | CachedRunConfig;

export interface LoadedRunConfig {
  kind: 'loaded';
  dir: string;
  /** The folder as it was before the checks; null when it could not be read as plain files (nothing is then cached). */
  snapshot: ConfigSnapshot | null;
  catalog: Catalog;
  pipeline: PipelineConfig;
  settings: ConfigSettings;
}

export interface CachedRunConfig {
  kind: 'cached';
  dir: string;
  settings: ConfigSettings;
  configFiles: ConfigCopy[];
}

/** Everything a run that reads its inputs needs of its config. */
export interface FullConfig {
  catalog: Catalog;
  pipeline: PipelineConfig;
  contracts: Contracts;
  families: ConfiguredFamily[];
}

export async function prepareRunConfig(configDir: string): Promise<RunConfig> {
  const snapshot = await readConfigSnapshot(configDir);
  const facts = snapshot && (await readConfigFacts(snapshot));
  if (snapshot && facts) {
    const { configFiles, ...settings } = facts;
    const copies = configFiles.flatMap((name) => snapshot.files.get(name) ?? []);
    return { kind: 'cached', dir: configDir, settings, configFiles: copies };
  }
  const { loadCatalog } = await import('../config/load-catalog.ts');
  const { loadPipelineConfig } = await import('../config/load-pipeline-config.ts');
  const catalog = await loadCatalog(configDir);
  const pipeline = await loadPipelineConfig(catalog.dir);
  return { kind: 'loaded', dir: catalog.dir, snapshot, catalog, pipeline, settings: configSettingsOf(catalog, pipeline) };
}

/** The config files for the run id and the archive, and the whole config for a run that reads its inputs. */
export async function configForRun(config: RunConfig): Promise<{ configFiles: ConfigCopy[]; whole(): Promise<FullConfig> }> {
  if (config.kind === 'cached') return { configFiles: config.configFiles, whole: () => loadFullConfig(config) };
  const { configFiles, full } = await finishLoadedConfig(config);
  return { configFiles, whole: () => Promise.resolve(full) };
}

/**
 * pipeline.yaml's folders (inbox, out, store, defaults filled in) for the options not given on the command line: from
 * the cache when the config folder is as a run checked it, else loaded (stopping on a problem in pipeline.yaml).
 */
export async function pipelineFolders(configDir: string): Promise<ConfigSettings['folders']> {
  const snapshot = await readConfigSnapshot(configDir);
  const facts = snapshot && (await readConfigFacts(snapshot));
  if (facts) return facts.folders;
  const { loadPipelineConfig } = await import('../config/load-pipeline-config.ts');
  return loadPipelineConfig(configDir);
}

/**
 * A loaded config's last checks (contracts and source layouts, which stop the run with every problem found) and its
 * files for the run id and the archive, in order; once all have passed, its facts are cached for the next run.
 */
export async function finishLoadedConfig(config: LoadedRunConfig): Promise<{ configFiles: ConfigCopy[]; full: FullConfig }> {
  const { catalog, pipeline } = config;
  const { loadContracts } = await import('../config/load-contracts.ts');
  const { configureFamilies } = await import('./source-families.ts');
  const contracts = await loadContracts(catalog);
  const families = await configureFamilies(catalog.dir, catalog);
  const configFiles = await readConfigCopies(catalog, families);
  await cacheWhenUnchanged(config, configFiles);
  return { configFiles, full: { catalog, pipeline, contracts, families } };
}

/** The whole config of a run that recomputes after all, loaded now from the bytes the cache vouched for. */
async function loadFullConfig(config: CachedRunConfig): Promise<FullConfig> {
  const { loadCatalog } = await import('../config/load-catalog.ts');
  const { loadPipelineConfig } = await import('../config/load-pipeline-config.ts');
  const { loadContracts } = await import('../config/load-contracts.ts');
  const { configureFamilies } = await import('./source-families.ts');
  const catalog = await loadCatalog(config.dir);
  const pipeline = await loadPipelineConfig(catalog.dir);
  return { catalog, pipeline, contracts: await loadContracts(catalog), families: await configureFamilies(catalog.dir, catalog) };
}

/** The catalog's files, then each source layout that exists: bytes kept (they are small; they go into the archive). */
async function readConfigCopies(catalog: Catalog, families: readonly ConfiguredFamily[]): Promise<ConfigCopy[]> {
  const configPaths = [...catalog.files, ...families.flatMap((f) => (f.configFile ? [f.configFile] : []))];
  return Promise.all(
    configPaths.map(async (file) => {
      const bytes = await readFile(file);
      return { name: path.relative(catalog.dir, file), bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
    }),
  );
}

/**
 * Caches the facts only when the folder, read again now, is still the snapshot taken before the checks and the files the
 * run uses are its bytes: a file edited while the checks ran must not be cached as checked.
 */
async function cacheWhenUnchanged(config: LoadedRunConfig, configFiles: readonly ConfigCopy[]): Promise<void> {
  if (!config.snapshot) return;
  const again = await readConfigSnapshot(config.dir);
  if (again?.key !== config.snapshot.key || !configFiles.every((f) => again.files.get(f.name)?.sha256 === f.sha256)) return;
  await writeConfigFacts(again, { ...config.settings, configFiles: configFiles.map((f) => f.name) });
}
