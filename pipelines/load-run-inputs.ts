// Step 1 of a run: everything it reads before computing — the config (pipelines/run-config.ts: the data contracts,
// each source family with its layout config, the config files' bytes, kept: they are small and go into the run id and
// the archive), and the inbox files as handles (hashed by streaming; no file is held in memory here).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { Catalog } from '../config/load-catalog.ts';
import type { Contracts } from '../config/load-contracts.ts';
import { asOfDate, asOfMonth, type AsOf } from '../lib/as-of.ts';
import type { OutputAccess } from '../lib/output-access.ts';
import { archivePath } from '../sources/archive-inputs.ts';
import { archiveInboxFile, inboxName, readInboxFile, type InboxFile } from '../sources/inbox-file.ts';
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

/** Where a run that archives copies its inputs (pipelines/archive-run-inputs.ts). */
export interface Archiving {
  dir: string;
  access: OutputAccess;
}

/**
 * Lists and hashes the inbox. A run that archives copies a file while hashing it (one read) unless the last run's
 * manifest names a copy already in the archive for it with the size the file has now: then it only hashes, as a dry run
 * does, so an unchanged re-run writes nothing (a same-size file that did change is copied by archiveRunInputs, a second
 * read). `archived`: copies added here.
 */
export async function loadRunFiles(options: RunOptions, startedAt: Date, archiving?: Archiving): Promise<RunFiles & { archived: number }> {
  const asOf = options.asOf ? asOfMonth(options.asOf) : asOfDate(startedAt);
  const inbox = await listInbox(options.inboxDir);
  const limit = pLimit(2);
  const archivedBefore = archiving ? await lastRunCopies(options.outDir, archiving.dir) : new Map<string, number>();
  let archived = 0;
  const read = async (p: string): Promise<InboxFile> => {
    if (!archiving || (await likelyArchived(archivedBefore, inboxName(options.inboxDir, p), p))) return readInboxFile(options.inboxDir, p);
    const copied = await archiveInboxFile(options.inboxDir, p, archiving.dir, archiving.access);
    if (copied.added) archived += 1;
    return copied.file;
  };
  const inputs = await Promise.all(inbox.files.map((p) => limit(() => read(p))));
  const symlinks = inbox.symlinks.map((p) => inboxName(options.inboxDir, p));
  return { asOf, inputs, symlinks, archived };
}

/** Named by the last run with a copy in the archive, and of that copy's size still: likely unchanged, only hashed. */
async function likelyArchived(archivedBefore: Map<string, number>, name: string, filePath: string): Promise<boolean> {
  const bytes = archivedBefore.get(name);
  return bytes !== undefined && (await stat(filePath).catch(() => undefined))?.size === bytes;
}

/** The last run's inputs (out/latest/manifest.json) whose copy is in the archive with their size, by name: their size. */
async function lastRunCopies(outDir: string, archiveDir: string): Promise<Map<string, number>> {
  let inputs: { file: string; sha256: string; bytes: number }[];
  try {
    inputs = (JSON.parse(await readFile(path.join(outDir, 'latest', 'manifest.json'), 'utf8')) as { inputs: typeof inputs }).inputs ?? [];
  } catch {
    return new Map();
  }
  const found = await Promise.all(inputs.map(async (i) => (await stat(archivePath(archiveDir, i.sha256)).catch(() => undefined))?.size === i.bytes));
  return new Map(inputs.filter((_, n) => found[n]).map((i) => [i.file, i.bytes]));
}
