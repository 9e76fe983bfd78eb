// Every input is copied into a content-addressed archive before anything reads it, so any past run can be
// reproduced from its manifest (file names and sha256) even after the inbox has moved on.
// The inbox file itself is never modified or deleted.
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OWNER_ONLY, restrictPath, type OutputAccess } from '../lib/output-access.ts';

export interface ArchivableFile {
  bytes: Uint8Array;
  sha256: string;
}

export function archivePath(archiveDir: string, sha256: string): string {
  return path.join(archiveDir, sha256.slice(0, 2), sha256);
}

/** Copies are owner-only by default (respondent-level files are confidential), or shared with the analysts' group. */
export async function archiveInputs(archiveDir: string, files: readonly ArchivableFile[], modes: OutputAccess = OWNER_ONLY): Promise<number> {
  let added = 0;
  await mkdir(archiveDir, { recursive: true, mode: modes.dirMode });
  await restrictPath(archiveDir, modes);
  for (const f of files) {
    const target = archivePath(archiveDir, f.sha256);
    if (
      await access(target).then(
        () => true,
        () => false,
      )
    )
      continue;
    await mkdir(path.dirname(target), { recursive: true, mode: modes.dirMode });
    await restrictPath(path.dirname(target), modes);
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, f.bytes, { mode: modes.fileMode });
    await restrictPath(temp, modes);
    await rename(temp, target);
    added += 1;
  }
  return added;
}
