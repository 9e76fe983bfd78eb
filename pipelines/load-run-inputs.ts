// Step 1 of a run: everything it reads before computing — the config (pipelines/run-config.ts: the data contracts,
// each source family with its layout config, the config files' bytes, kept: they are small and go into the run id and
// the archive), and the inbox files as handles (hashed by streaming; no file is held in memory here).
import path from 'node:path';
import pLimit from 'p-limit';
import type { Catalog } from '../config/load-catalog.ts';
import type { Contracts } from '../config/load-contracts.ts';
import { asOfDate, asOfMonth, type AsOf } from '../lib/as-of.ts';
import { readInboxFile, type InboxFile } from '../sources/inbox-file.ts';
import { listInbox } from '../sources/list-inbox.ts';
import type { ConfigCopy } from './config-snapshot.ts';
import type { ConfiguredFamily } from './define-source-family.ts';
import type { RunOptions } from './run-types.ts';

export type { ConfigCopy } from './config-snapshot.ts';

/** What a run reads besides its config: the month the contracts judge against and the inbox. */
export interface RunFiles {
  asOf: AsOf;
  inputs: InboxFile[];
  /** Links found in the inbox (named from the inbox): reported, never followed. */
  symlinks: string[];
}

export interface RunInputs extends RunFiles {
  contracts: Contracts;
  families: ConfiguredFamily[];
  configFiles: ConfigCopy[];
}

/** Everything at once, for the profiling scripts: the run itself takes its config in steps (run-config.ts). */
export async function loadRunInputs(options: RunOptions, catalog: Catalog, startedAt: Date): Promise<RunInputs> {
  const { loadPipelineConfig } = await import('../config/load-pipeline-config.ts');
  const { configSettingsOf } = await import('./config-facts.ts');
  const { finishLoadedConfig } = await import('./run-config.ts');
  const pipeline = await loadPipelineConfig(catalog.dir);
  const { configFiles, full } = await finishLoadedConfig({
    kind: 'loaded',
    dir: catalog.dir,
    snapshot: null,
    catalog,
    pipeline,
    settings: configSettingsOf(catalog, pipeline),
  });
  return { contracts: full.contracts, families: full.families, configFiles, ...(await loadRunFiles(options, startedAt)) };
}

export async function loadRunFiles(options: RunOptions, startedAt: Date): Promise<RunFiles> {
  const asOf = options.asOf ? asOfMonth(options.asOf) : asOfDate(startedAt);
  const inbox = await listInbox(options.inboxDir);
  const limit = pLimit(2);
  const inputs = await Promise.all(inbox.files.map((p) => limit(() => readInboxFile(options.inboxDir, p))));
  const symlinks = inbox.symlinks.map((p) => path.relative(options.inboxDir, p).split(path.sep).join('/'));
  return { asOf, inputs, symlinks };
}
