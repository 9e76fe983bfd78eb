// One run at a time per output folder, across processes: a lock file created atomically, holding the
// holder's pid. A lock whose holder is gone (kill -9, power loss) is taken over, so it never needs a human.
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { processIsAlive } from './process-is-alive.ts';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  purpose: string;
}

export interface RunLock {
  holder: LockHolder;
  release(): Promise<void>;
}

export type LockAttempt = { acquired: true; lock: RunLock } | { acquired: false; heldBy: LockHolder };

/** A takeover of a dead lock is itself guarded by a lock of the same kind; a chain this deep means repeated crashes. */
const MAX_TAKEOVER_DEPTH = 4;

export async function acquireRunLock(dir: string, purpose: string, now: () => Date = () => new Date()): Promise<LockAttempt> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, '.run.lock');
  const me: LockHolder & { token: string } = { pid: process.pid, host: hostname(), since: now().toISOString(), purpose, token: randomUUID() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await createExclusive(file, JSON.stringify(me))) return { acquired: true, lock: { holder: me, release: () => rm(file, { force: true }) } };
    const seen = await readLock(file);
    if (seen && isAlive(seen.holder)) return { acquired: false, heldBy: seen.holder };
    if (seen) await removeDeadLock(file, seen.instance, 0);
  }
  const seen = await readLock(file);
  return { acquired: false, heldBy: seen?.holder ?? { pid: 0, host: '?', since: '?', purpose: '?' } };
}

/**
 * Removes the lock file only if it is still the dead instance seen. Only the holder of the takeover lock
 * for that instance may remove it, and nobody can replace it while it exists (link fails), so a taker
 * never removes a lock that a faster taker has just created.
 */
async function removeDeadLock(file: string, instance: string, depth: number): Promise<void> {
  if (depth >= MAX_TAKEOVER_DEPTH) return;
  const guard = `${file}.takeover-${instance}`;
  const me = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), purpose: 'takeover', token: randomUUID() });
  if (!(await createExclusive(guard, me))) {
    const other = await readLock(guard);
    // A taker that died holding the guard: take the guard over the same way, then try again.
    if (other && !isAlive(other.holder)) await removeDeadLock(guard, other.instance, depth + 1);
    return;
  }
  try {
    const still = await readLock(file);
    if (still?.instance === instance) await rm(file, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
}

/** Written aside and hard-linked into place: the file appears atomically with its content, or not at all. */
async function createExclusive(file: string, content: string): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temp, content, { mode: 0o600 });
  try {
    await link(temp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return false;
  } finally {
    await rm(temp, { force: true });
  }
}

/** The holder and an id of this very lock file (its content's hash: pid, time and a random token). */
async function readLock(file: string): Promise<{ holder: LockHolder; instance: string } | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined; // gone meanwhile: free
  }
  const instance = createHash('sha256').update(text).digest('hex').slice(0, 16);
  try {
    return { holder: JSON.parse(text) as LockHolder, instance };
  } catch {
    return { holder: { pid: 0, host: hostname(), since: '?', purpose: '?' }, instance }; // unreadable: treated as stale
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // another machine's process cannot be checked: assume alive
  return processIsAlive(holder.pid);
}

/** The live holder of the lock, if any (a dead holder's lock counts as free). */
export async function readRunLock(dir: string): Promise<LockHolder | undefined> {
  const seen = await readLock(path.join(dir, '.run.lock'));
  return seen && isAlive(seen.holder) ? seen.holder : undefined;
}
