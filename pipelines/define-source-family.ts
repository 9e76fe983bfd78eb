// A source family = its reader (sources/), its layout config's schema (typed through to the reader and the transform)
// and the transform that turns what was read into observations. The registry (source-families.ts) holds them untyped
// by config: each family parses its own config and keeps it in a closure, so no caller ever casts a config.
// The reader and the transform are imported on the first read: configuring a run (an unchanged re-run, check-config,
// status) loads only the layouts.
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { Catalog, ConfigProblem } from '../config/load-catalog.ts';
import { readConfigFile } from '../config/read-config-file.ts';
import type { SourceBinding } from '../config/catalog-schema.ts';
import type { Issue } from '../lib/issues.ts';
import { missingSourceConfig } from '../lib/missing-source-config.ts';
import type { SourceResult } from '../lib/observation.ts';
import type { InboxFile } from '../sources/inbox-file.ts';
import type { ReadContext, SourceLayout, SourceReader } from '../sources/source-reader.ts';

export interface SourceFamily {
  /** Stable family id, also the inbox folder name and the config file name (sources/<family>.yaml). */
  family: string;
  labelJa: string;
  extensions: readonly string[];
  /** The measures' source kind the family feeds; null for manual entry, which feeds every other measure. */
  sourceKind: SourceBinding['kind'] | null;
  /**
   * The family's transform itself withholds every value a rejected file would feed (the survey, per wave and frame);
   * otherwise the run withholds the family's measures for the file's fiscal year (pipelines/rejected-files.ts).
   */
  withholdsRejectedFiles?: true;
  /** Reads and checks the family's layout config (problems collected, not thrown) and returns the family ready to read. */
  configure(configDir: string, problems: ConfigProblem[], catalog?: Catalog): Promise<ConfiguredFamily>;
  /** The configured family again from its portable form (another thread's copy of ConfiguredFamily.portable). */
  fromPortable(portable: PortableFamily): ConfiguredFamily;
}

/** A configured family as data (structured-clonable): its id and the layout config it was configured with. */
export interface PortableFamily {
  family: string;
  config: unknown;
}

export interface ConfiguredFamily {
  family: SourceFamily;
  /** The layout config file, when it exists: part of the run id and archived with the inputs. */
  configFile?: string;
  read(files: readonly InboxFile[], catalog: Catalog, context?: ReadContext): Promise<SourceResult>;
  /** What another thread rebuilds this family from (SourceFamily.fromPortable), with no config file read again. */
  portable: PortableFamily;
}

/** A family with its config type visible: for tests and for commands that need one family's config. */
export interface TypedSourceFamily<Config> extends SourceFamily {
  checkConfig(config: Config | undefined, catalog: Catalog, file: string): ConfigProblem[];
  /** Files of a plan without the layout config are each rejected with the config file to add. */
  read(files: readonly InboxFile[], catalog: Catalog, config: Config | undefined, context?: ReadContext): Promise<SourceResult>;
  loadConfig(configDir: string, problems: ConfigProblem[], catalog?: Catalog): Promise<{ file?: string; config?: Config }>;
}

/** The reading side of a family: its reader and the transform, in a module of their own (pipelines/<family>-family-read.ts). */
export interface FamilyReading<Config, Read extends { issues: Issue[] }> {
  reader: SourceReader<Config, Read>;
  /** Turns what was read into observations (a transform of transforms/, or nothing to do). */
  compute(read: Read, catalog: Catalog, config: Config): SourceResult;
}

export interface FamilyDefinition<Config, Read extends { issues: Issue[] }> {
  layout: SourceLayout<Config>;
  sourceKind: SourceBinding['kind'] | null;
  /** See SourceFamily.withholdsRejectedFiles. */
  withholdsRejectedFiles?: true;
  /** The issue code and the words of the message when a plan has files of the family but no layout config. */
  missingConfig: { code: Parameters<typeof missingSourceConfig>[0]; whatJa: string };
  /** The reading side, by a dynamic import() so that it loads on the first read only. */
  load(): Promise<FamilyReading<Config, Read>>;
}

export function defineSourceFamily<Config, Read extends { issues: Issue[] }>(definition: FamilyDefinition<Config, Read>): TypedSourceFamily<Config> {
  const { layout } = definition;
  const typed: TypedSourceFamily<Config> = {
    family: layout.family,
    labelJa: layout.labelJa,
    extensions: layout.extensions,
    sourceKind: definition.sourceKind,
    ...(definition.withholdsRejectedFiles ? { withholdsRejectedFiles: true as const } : {}),
    checkConfig: (config, catalog, file) => layout.checkConfig?.(config, catalog, file) ?? [],
    async read(files, catalog, config, context) {
      if (config === undefined) return missingSourceConfig(definition.missingConfig.code, definition.missingConfig.whatJa, layout.family, files);
      const { reader, compute } = await definition.load();
      return compute(await reader.read(files, catalog, config, context), catalog, config);
    },
    async loadConfig(configDir, problems, catalog) {
      const { file, exists, config } = await readLayoutConfig(configDir, layout.family, () => layout.loadConfigSchema(), problems);
      if (catalog && (!exists || config !== undefined)) problems.push(...typed.checkConfig(config, catalog, file));
      return { ...(exists ? { file } : {}), ...(config !== undefined ? { config } : {}) };
    },
    async configure(configDir, problems, catalog) {
      const { file, config } = await typed.loadConfig(configDir, problems, catalog);
      return { ...configured(config), ...(file ? { configFile: file } : {}) };
    },
    // The config is this family's own, parsed by its schema on the other side of a thread and cloned: its type holds.
    fromPortable: (portable) => configured(portable.config as Config | undefined),
  };
  const configured = (config: Config | undefined): ConfiguredFamily => ({
    family: typed,
    read: (files, c, context) => typed.read(files, c, config, context),
    portable: { family: layout.family, config },
  });
  return typed;
}

/** config/<city>/sources/<family>.yaml parsed with its schema; `config` is undefined when the file is absent or has problems. */
export async function readLayoutConfig<S extends z.ZodType>(
  configDir: string,
  family: string,
  schema: S | (() => Promise<S>),
  problems: ConfigProblem[],
): Promise<{ file: string; exists: boolean; config: z.infer<S> | undefined }> {
  const file = path.join(configDir, 'sources', `${family}.yaml`);
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  return { file, exists, config: exists ? await readConfigFile(file, schema, problems) : undefined };
}
