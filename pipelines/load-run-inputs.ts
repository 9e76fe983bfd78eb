// Step 1 of a run: everything it reads before computing — the data contracts, each source family with its layout
// config, the config files (bytes kept: they are small and go into the run id and the archive), and the inbox files
// as handles (hashed by streaming; no file is held in memory here).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { Catalog } from '../config/load-catalog.ts';
import { loadContracts, type Contracts } from '../config/load-contracts.ts';
import { asOfDate, asOfMonth, type AsOf } from '../lib/as-of.ts';
import { readInboxFile, type InboxFile } from '../sources/inbox-file.ts';
import { listInbox } from '../sources/list-inbox.ts';
import type { ConfiguredFamily } from './define-source-family.ts';
import type { RunOptions } from './run-types.ts';
import { configureFamilies } from './source-families.ts';

export interface ConfigCopy {
  /** Path from the config folder (as in manifest.config_files). */
  name: string;
  bytes: Buffer;
  sha256: string;
}

export interface RunInputs {
  contracts: Contracts;
  asOf: AsOf;
  families: ConfiguredFamily[];
  configFiles: ConfigCopy[];
  inputs: InboxFile[];
  /** Links found in the inbox (named from the inbox): reported, never followed. */
  symlinks: string[];
}

export async function loadRunInputs(options: RunOptions, catalog: Catalog, startedAt: Date): Promise<RunInputs> {
  const contracts = await loadContracts(catalog);
  const asOf = options.asOf ? asOfMonth(options.asOf) : asOfDate(startedAt);
  const families = await configureFamilies(catalog.dir, catalog);
  const configPaths = [...catalog.files, ...families.flatMap((f) => (f.configFile ? [f.configFile] : []))];
  const configFiles = await Promise.all(
    configPaths.map(async (file) => {
      const bytes = await readFile(file);
      return { name: path.relative(catalog.dir, file), bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
    }),
  );
  const inbox = await listInbox(options.inboxDir);
  const limit = pLimit(2);
  const inputs = await Promise.all(inbox.files.map((p) => limit(() => readInboxFile(options.inboxDir, p))));
  const symlinks = inbox.symlinks.map((p) => path.relative(options.inboxDir, p).split(path.sep).join('/'));
  return { contracts, asOf, families, configFiles, inputs, symlinks };
}
