// Every publish target receives the run after `latest` is switched (store, then PostgreSQL; the store's rows are staged
// before, but count only once the run is in its runs table), so a run killed at any point leaves the targets at or
// behind `latest`, never ahead of it. The next run, holding the lock, removes what the killed run left half-made
// (the store's staged rows: its next write) and brings every requested target up to the run `latest` names.
import { readdir, readFile, readlink, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { processIsAlive } from '../lib/process-is-alive.ts';
import { redactSecrets } from '../lib/redact-connection-string.ts';
import { pointLatestAt } from '../outputs/publish-run-folder.ts';
import type { PostgresTarget } from '../outputs/publish-to-postgres.ts';
import { storeHoldsRun } from '../outputs/store-stamp.ts';
import { readRunFolder } from './read-run-folder.ts';

export interface Reconciliation {
  /** The run `latest` names; null before the first run. */
  latestRunId: string | null;
  /** Staging folders and temporary links a killed run left behind, now removed. */
  cleaned: string[];
  /** repaired: the store lacked the latest run and now holds it; unrepairable: it lacks it and the folder has no JSON to fill it from. */
  store: 'repaired' | 'up-to-date' | 'unrepairable' | 'skipped';
  postgres: { result: 'repaired' | 'already-published' | 'skipped' | 'unrepairable' } | { result: 'failed'; error: string };
}

export async function reconcileTargets(options: { outDir: string; storePath: string | null; publish?: PostgresTarget | undefined }): Promise<Reconciliation> {
  const cleaned = await removeLeftovers(options.outDir);
  const latestDir = path.join(options.outDir, 'latest');
  const latestRunId = await readFile(path.join(latestDir, 'manifest.json'), 'utf8').then(
    (text) => (JSON.parse(text) as { run_id: string }).run_id,
    () => null,
  );
  const result: Reconciliation = { latestRunId, cleaned, store: 'skipped', postgres: { result: 'skipped' } };
  if (latestRunId === null) return result;
  // The store's stamp answers without loading DuckDB while the store file is unchanged since lei last wrote it.
  const storeBehind = options.storePath !== null && !(await storeHoldsRun(options.storePath, latestRunId));
  if (options.storePath !== null) result.store = storeBehind ? 'unrepairable' : 'up-to-date';
  if (!storeBehind && !options.publish) return result;

  const folder = await readRunFolder(latestDir);
  if (folder.tables.length === 0) {
    if (options.publish) result.postgres = { result: 'unrepairable' };
    return result;
  }
  const run = {
    runId: latestRunId,
    folder: path.basename(folder.dir),
    startedAt: folder.manifest.started_at,
    finishedAt: folder.manifest.finished_at,
    manifestJson: folder.manifestText,
  };
  if (storeBehind && options.storePath !== null) {
    const { publishToStore } = await import('../outputs/duckdb-store.ts');
    await publishToStore(options.storePath, { ...run, status: 'succeeded' }, folder.tables);
    result.store = 'repaired';
  }
  if (options.publish) {
    try {
      const { publishToPostgres } = await import('../outputs/publish-to-postgres.ts');
      const published = await publishToPostgres(options.publish, run, folder.tables);
      result.postgres = { result: published === 'written' ? 'repaired' : 'already-published' };
    } catch (e) {
      result.postgres = { result: 'failed', error: redactSecrets((e as Error).message, options.publish.connectionString) };
    }
  }
  return result;
}

/** runs/.staging-*, .replaced-* and .latest-* of a killed run (the caller holds the run lock: no live run owns them). */
async function removeLeftovers(outDir: string): Promise<string[]> {
  const found: string[] = [];
  const runsDir = path.join(outDir, 'runs');
  const latestName = path.basename((await readlink(path.join(outDir, 'latest')).catch(() => '')) || '.');
  if (latestName.startsWith('.staging-')) {
    // Killed while a run made again (--full) replaced its folder: latest names the complete staged copy, which becomes the folder.
    const final = path.join(runsDir, latestName.slice('.staging-'.length));
    await rm(final, { recursive: true, force: true });
    await rename(path.join(runsDir, latestName), final);
    await pointLatestAt(outDir, final);
    found.push(path.join('runs', latestName));
  }
  for (const [dir, prefix] of [
    [runsDir, '.staging-'],
    [runsDir, '.replaced-'],
    [outDir, '.latest-'],
    [outDir, '.execution.json.'],
  ] as const) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.startsWith(prefix))) {
      await rm(path.join(dir, name), { recursive: true, force: true });
      found.push(path.join(path.basename(dir), name));
    }
  }
  found.push(...(await removeDeadArchiveCopies(path.join(outDir, 'archive'))));
  return found;
}

/** archive/<xx>/<sha>.<pid>.tmp of a process that no longer lives: a copy killed half-written (a live writer's is kept). */
async function removeDeadArchiveCopies(archiveDir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(archiveDir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const pid = /\.(\d+)\.tmp$/.exec(e.name)?.[1];
    if (!e.isFile() || pid === undefined || processIsAlive(Number(pid))) continue;
    await rm(path.join(e.parentPath, e.name), { force: true });
    found.push(path.relative(path.dirname(archiveDir), path.join(e.parentPath, e.name)));
  }
  return found;
}
