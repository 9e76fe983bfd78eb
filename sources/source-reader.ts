// What every source family's reader is: it turns the family's inbox files into what it read (rows, reports, counts)
// plus issues, and does no arithmetic on indicators; pipelines/source-families.ts pairs it with its transform.
import type { z } from 'zod';
import type { Catalog, ConfigProblem } from '../config/load-catalog.ts';
import type { AsOf } from '../lib/as-of.ts';
import type { Issue } from '../lib/issues.ts';
import type { InboxFile } from './inbox-file.ts';
import type { XlsxLimits } from './xlsx/xlsx-limits.ts';

/** What a run offers a reader besides its inputs. */
export interface ReadContext {
  /** Progress through a large file (the CLI draws a bar on a terminal). */
  onProgress?: (file: string, done: number, total: number) => void;
  /** Size limits of .xlsx inputs (contracts.yaml limits); the readers' defaults when absent. */
  xlsxLimits?: XlsxLimits;
  /** The run's month in Japan: a report for a later month is refused (it is part of the family cache's key). */
  asOf?: AsOf;
}

/** A family's identity and layout config: all that configuring a run needs, kept apart from the reading code so it loads alone. */
export interface SourceLayout<Config> {
  /** Stable family id, also the inbox folder name, e.g. manual-entry, setagaya-pay. */
  family: string;
  labelJa: string;
  extensions: readonly string[];
  /**
   * The schema of the family's layout config (config/<city>/sources/<family>.yaml), imported when a file is to be checked:
   * a file checked before by the same code (config/config-file-cache.ts) never needs it, nor zod's work to build it.
   */
  loadConfigSchema(): Promise<z.ZodType<Config>>;
  /** Checks the measures' bindings against the layout config (undefined when the file is absent), at load time. */
  checkConfig?(config: Config | undefined, catalog: Catalog, file: string): ConfigProblem[];
}

export interface SourceReader<Config, Read extends { issues: Issue[] }> extends SourceLayout<Config> {
  /** Reads all of the family's files of this run together (continuity checks need the whole set). */
  read(files: readonly InboxFile[], catalog: Catalog, config: Config, context?: ReadContext): Promise<Read>;
}
