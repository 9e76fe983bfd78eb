// One run at a time per output folder, across processes: a lock file created atomically, holding the
// holder's pid. A lock whose holder is gone (kill -9, power loss) is taken over, so it never needs a human.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

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

export async function acquireRunLock(dir: string, purpose: string, now: () => Date = () => new Date()): Promise<LockAttempt> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, '.run.lock');
  const me: LockHolder = { pid: process.pid, host: hostname(), since: now().toISOString(), purpose };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    // Written aside and hard-linked into place: the lock appears atomically with its content.
    const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(temp, JSON.stringify(me));
    try {
      await link(temp, file);
      return { acquired: true, lock: { holder: me, release: () => rm(file, { force: true }) } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      await rm(temp, { force: true });
    }
    const holder = await readHolder(file);
    if (holder && isAlive(holder)) return { acquired: false, heldBy: holder };
    // The holder died without releasing: take the lock over (a racing taker loses on the next O_EXCL).
    await rm(file, { force: true });
  }
  const holder = await readHolder(file);
  return { acquired: false, heldBy: holder ?? { pid: 0, host: '?', since: '?', purpose: '?' } };
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockHolder;
  } catch {
    return undefined; // unreadable: treated as stale
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // another machine's process cannot be checked: assume alive
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the lock, if any (a dead holder's lock counts as free). */
export async function readRunLock(dir: string): Promise<LockHolder | undefined> {
  const holder = await readHolder(path.join(dir, '.run.lock'));
  return holder && isAlive(holder) ? holder : undefined;
}
