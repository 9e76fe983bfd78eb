// Every input is copied into a content-addressed archive before anything reads it, so any past run can be
// reproduced from its manifest (file names and sha256) even after the inbox has moved on.
// The inbox file itself is never modified or deleted.
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ArchivableFile {
  bytes: Uint8Array;
  sha256: string;
}

export function archivePath(archiveDir: string, sha256: string): string {
  return path.join(archiveDir, sha256.slice(0, 2), sha256);
}

export async function archiveInputs(archiveDir: string, files: readonly ArchivableFile[]): Promise<number> {
  let added = 0;
  for (const f of files) {
    const target = archivePath(archiveDir, f.sha256);
    if (await access(target).then(() => true, () => false)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, f.bytes);
    await rename(temp, target);
    added += 1;
  }
  return added;
}
