// Respondent-level inputs (survey files, record exports) are confidential under the statistics law: what a
// run keeps (archive, store, run folders, cache) is owner-only, or shared with one group of analysts
// (pipeline.yaml `access.group`) — never readable by every account on the server.
import { chmod, chown, lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from './user-error.ts';

export interface OutputAccess {
  dirMode: number;
  fileMode: number;
  /** The analysts' group, or null for owner-only. */
  gid: number | null;
}

export const OWNER_ONLY: OutputAccess = { dirMode: 0o700, fileMode: 0o600, gid: null };

/** Owner-only (0700/0600) without a group; 0750/0640 owned by the group with one. */
export async function outputAccess(group: string | undefined): Promise<OutputAccess> {
  if (group === undefined) return OWNER_ONLY;
  return { dirMode: 0o750, fileMode: 0o640, gid: await groupId(group) };
}

/** Sets the mode (and group) of one file or folder; a symlink is left alone (its target is not ours to change). */
export async function restrictPath(target: string, access: OutputAccess): Promise<void> {
  let stat;
  try {
    stat = await lstat(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if (stat.isSymbolicLink()) return;
  const mode = stat.isDirectory() ? access.dirMode : access.fileMode;
  if ((stat.mode & 0o777) !== mode) await chmod(target, mode);
  if (access.gid !== null && stat.gid !== access.gid) await chown(target, stat.uid, access.gid);
}

/** restrictPath for a folder and everything in it. */
export async function restrictTree(root: string, access: OutputAccess): Promise<void> {
  await restrictPath(root, access);
  let entries;
  try {
    entries = await readdir(root, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return;
    throw e;
  }
  // All at once: one at a time, the ~300 lstat calls of a run folder were ~20 ms between its last output and the switch.
  await Promise.all(entries.map((entry) => restrictPath(path.join(root, entry), access)));
}

async function groupId(group: string): Promise<number> {
  if (/^\d+$/.test(group)) return Number(group);
  try {
    // Loaded only here: node:child_process (with streams, net and dgram) took ~4 ms of every run's start.
    const { execFileSync } = await import('node:child_process');
    const line = execFileSync('getent', ['group', group], { encoding: 'utf8' });
    const gid = Number(line.split(':')[2]);
    if (Number.isInteger(gid)) return gid;
  } catch {
    // falls through to the message below
  }
  throw new UserError(
    `pipeline.yaml の access.group「${group}」というグループがこのサーバーにありません。分析担当のグループ名（または番号）を書いてください`,
    `pipeline.yaml access.group "${group}": no such group on this server; give the analysts' group name (or number)`,
  );
}
