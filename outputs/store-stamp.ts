// A small file beside the store (`<store>.stamp.json`) naming the run the store held when lei last wrote or checked it,
// with the store file's identity then (device, inode, size, modification time in ns). An unchanged re-run asks it
// whether the store holds the latest run without loading DuckDB; it is trusted only while the store is that very file,
// unmodified, with no write-ahead log beside it (a commit a killed writer left in the log). Anything else — the store
// replaced, deleted, written by another program, a stamp missing or unreadable — falls back to asking DuckDB.
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';

interface StoreStamp {
  runId: string;
  file: FileIdentity;
}

interface FileIdentity {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
}

export function stampPath(storePath: string): string {
  return `${storePath}.stamp.json`;
}

/** Whether the store holds the run: from the stamp while it is valid, else from DuckDB (then stamped for the next time). */
export async function storeHoldsRun(storePath: string, runId: string): Promise<boolean> {
  if ((await stampedRunId(storePath)) === runId) return true;
  const { storeHasRun } = await import('./duckdb-store.ts');
  const held = await storeHasRun(storePath, runId);
  if (held) await writeStoreStamp(storePath, runId);
  return held;
}

/** The run the stamp names, or null unless the store is still the file the stamp describes and has no write-ahead log. */
export async function stampedRunId(storePath: string): Promise<string | null> {
  const [text, identity, wal] = await Promise.all([readFile(stampPath(storePath), 'utf8').catch(() => null), identityOf(storePath), hasLog(storePath)]);
  if (text === null || identity === null || wal) return null;
  let stamp: StoreStamp;
  try {
    stamp = JSON.parse(text) as StoreStamp;
  } catch {
    return null;
  }
  const same = (Object.keys(identity) as (keyof FileIdentity)[]).every((k) => stamp.file?.[k] === identity[k]);
  return same && typeof stamp.runId === 'string' ? stamp.runId : null;
}

/**
 * Stamps the store as holding the run. Called only after the store is closed (a close checkpoints, which changes the
 * file); a crash before the rename leaves the old stamp, which no longer matches the file, so nothing is trusted wrongly.
 * Owner-only, like the store; the run gives both the output folder's access afterwards.
 */
export async function writeStoreStamp(storePath: string, runId: string): Promise<void> {
  const file = stampPath(storePath);
  const identity = await identityOf(storePath);
  // A log beside the store: the stamp could never be trusted; an old one goes, so nothing reads it.
  if (identity === null || (await hasLog(storePath))) return rm(file, { force: true });
  // One fixed name: only the holder of the run lock writes it, and a killed writer's leftover is simply overwritten.
  const temp = `${file}.tmp`;
  await writeFile(temp, JSON.stringify({ runId, file: identity } satisfies StoreStamp), { mode: 0o600 });
  await rename(temp, file);
}

/** Whether DuckDB's write-ahead log is beside the store (commits not yet in the file). */
async function hasLog(storePath: string): Promise<boolean> {
  return stat(`${storePath}.wal`).then(
    () => true,
    () => false,
  );
}

async function identityOf(file: string): Promise<FileIdentity | null> {
  const s = await stat(file, { bigint: true }).catch(() => null);
  if (s === null || !s.isFile()) return null;
  return { dev: String(s.dev), ino: String(s.ino), size: String(s.size), mtimeNs: String(s.mtimeNs) };
}
