// The run ledger's journal: each execution's ledger row as one small file beside the store
// (`<store>.ledger/<execution id>.json`), written without loading DuckDB, so an unchanged re-run stays cheap. The next
// write of the store folds the files into its `run_ledger` table in the same transaction, then removes them; folding
// replaces rows by execution id, so a crash between the commit and the removal shows no row twice. Every reader of the
// ledger reads the table and the journal together (`readLedger` in outputs/duckdb-store.ts).
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OWNER_ONLY, restrictPath, type OutputAccess } from '../lib/output-access.ts';

/** Where each publish target stands after an execution, recorded separately in the ledger. */
export interface TargetStates {
  /** The run folder and `latest`: written, unchanged (already the latest), or none (failed before). */
  folder: 'written' | 'unchanged' | 'none';
  store: 'written' | 'already-stored' | 'repaired' | 'skipped' | 'none';
  postgres: 'written' | 'already-published' | 'repaired' | 'failed' | 'skipped';
  /** The PostgreSQL target, its password redacted; null when not publishing. */
  postgresTarget: string | null;
}

export interface ExecutionRecord {
  /** One ledger row per execution. */
  executionId: string;
  startedAt: Date;
  finishedAt: Date | null;
  trigger: string;
  status: 'interrupted' | 'published' | 'unchanged' | 'dry-run' | 'failed';
  runId: string | null;
  counts: { error: number; warning: number; info: number } | null;
  error: string | null;
  targets: TargetStates | null;
}

/** One row of the `run_ledger` table, as the journal keeps it and every reader returns it (times as ISO strings, UTC). */
export interface LedgerRow {
  started_at: string;
  finished_at: string | null;
  trigger: string;
  status: string;
  run_id: string | null;
  errors: number | null;
  warnings: number | null;
  infos: number | null;
  error: string | null;
  /** Null only in rows an older version recorded before executions had ids. */
  execution_id: string | null;
  folder_state: string | null;
  store_state: string | null;
  postgres_state: string | null;
  postgres_target: string | null;
}

/** The table's columns in order, with their DuckDB types (a ledger made by an older version gains the missing ones). */
export const LEDGER_COLUMNS: readonly (readonly [keyof LedgerRow, string])[] = [
  ['started_at', 'TIMESTAMPTZ'],
  ['finished_at', 'TIMESTAMPTZ'],
  ['trigger', 'VARCHAR'],
  ['status', 'VARCHAR'],
  ['run_id', 'VARCHAR'],
  ['errors', 'INTEGER'],
  ['warnings', 'INTEGER'],
  ['infos', 'INTEGER'],
  ['error', 'VARCHAR'],
  ['execution_id', 'VARCHAR'],
  ['folder_state', 'VARCHAR'],
  ['store_state', 'VARCHAR'],
  ['postgres_state', 'VARCHAR'],
  ['postgres_target', 'VARCHAR'],
];

export function ledgerRowOf(record: ExecutionRecord): LedgerRow {
  return {
    started_at: record.startedAt.toISOString(),
    finished_at: record.finishedAt?.toISOString() ?? null,
    trigger: record.trigger,
    status: record.status,
    run_id: record.runId,
    errors: record.counts?.error ?? null,
    warnings: record.counts?.warning ?? null,
    infos: record.counts?.info ?? null,
    error: record.error,
    execution_id: record.executionId,
    folder_state: record.targets?.folder ?? null,
    store_state: record.targets?.store ?? null,
    postgres_state: record.targets?.postgres ?? null,
    postgres_target: record.targets?.postgresTarget ?? null,
  };
}

export function journalDir(storePath: string): string {
  return `${storePath}.ledger`;
}

/**
 * Records executions in the journal, each file written aside and renamed into place (a reader sees a whole row or
 * none). Recording an execution again (same id) replaces its row, as it does in the table.
 */
export async function journalExecutions(storePath: string, records: readonly ExecutionRecord[], access: OutputAccess = OWNER_ONLY): Promise<void> {
  const dir = journalDir(storePath);
  await mkdir(dir, { recursive: true, mode: access.dirMode });
  await restrictPath(dir, access);
  for (const record of records) {
    const file = path.join(dir, `${fileNameOf(record.executionId)}.json`);
    const temp = `${file}.${randomUUID()}.tmp`;
    await writeFile(temp, JSON.stringify(ledgerRowOf(record)), { mode: access.fileMode });
    await restrictPath(temp, access);
    await rename(temp, file);
  }
}

export interface JournalEntry {
  file: string;
  row: LedgerRow;
}

/** The journal's rows (none when it does not exist); a temporary file a killed writer left is not a row. */
export async function readJournal(storePath: string): Promise<JournalEntry[]> {
  const dir = journalDir(storePath);
  const names = await readdir(dir).catch(() => [] as string[]);
  const entries: JournalEntry[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) entries.push({ file, row: JSON.parse(text) as LedgerRow });
  }
  return entries;
}

/** After the store committed the folded rows: their files go (only those read, never a row journaled since). */
export async function removeJournalEntries(storePath: string, entries: readonly JournalEntry[]): Promise<void> {
  for (const e of entries) await rm(e.file, { force: true });
  // Temporary files of a writer killed before its rename: the caller holds the run lock, so no live writer owns them.
  const dir = journalDir(storePath);
  for (const name of (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.tmp'))) await rm(path.join(dir, name), { force: true });
}

/** Table rows and journal rows together, each execution once (the journal's row is the newer), oldest first. */
export function mergeLedger(table: readonly LedgerRow[], journal: readonly LedgerRow[]): LedgerRow[] {
  const byId = new Map<string, LedgerRow>();
  [...table, ...journal].forEach((row, i) => byId.set(row.execution_id ?? `without-id-${i}`, row));
  return [...byId.values()].sort((a, b) => (a.started_at < b.started_at ? -1 : a.started_at > b.started_at ? 1 : 0));
}

/** Execution ids are UUIDs; anything else (an older ledger's id) is made safe for a file name. */
function fileNameOf(executionId: string): string {
  return executionId.replace(/[^A-Za-z0-9_-]/g, '_');
}
