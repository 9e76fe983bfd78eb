// Every input is copied into a content-addressed archive before anything reads it, so any past run can be
// reproduced from its manifest (file names and sha256) even after the inbox has moved on.
// The inbox file itself is never modified or deleted.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { OWNER_ONLY, restrictPath, type OutputAccess } from '../lib/output-access.ts';

/** Streamed into the archive (an inbox file's chunks check its sha256 as they go): no file is held whole. */
export interface ArchivableFile {
  sha256: string;
  /** Bytes: a copy already archived with another size (cut short by a full disk, say) is written again. */
  size: number;
  /** Each chunk is written before the next is asked for (InboxFile.readChunks reuses one buffer). */
  readChunks(): AsyncIterable<Uint8Array>;
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
    const existing = await stat(target).catch(() => undefined);
    // The run reads its inputs from these copies without hashing them again (sources/inbox-file.ts): one of another size is not the file.
    if (existing?.size === f.size) continue;
    await mkdir(path.dirname(target), { recursive: true, mode: modes.dirMode });
    await restrictPath(path.dirname(target), modes);
    const temp = `${target}.${process.pid}.tmp`;
    try {
      await copyChunks(f.readChunks(), temp, modes.fileMode);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
    await restrictPath(temp, modes);
    await rename(temp, target);
    added += 1;
  }
  return added;
}

/** A file archived in the pass that hashed it: its sha256 and size, the copy named after them, and whether it was new. */
export interface HashedCopy {
  sha256: string;
  size: number;
  copy: string;
  added: boolean;
}

/**
 * One pass for a file the archive lacks: the chunks are hashed as they are written to a temp file in the archive (the
 * copy can be named only once the hash is known), then renamed to their sha256; an existing copy of that size is kept.
 * The copy holds exactly the bytes hashed, so a file rewritten during the pass cannot yield content its sha256 does not name.
 */
export async function archiveWhileHashing(archiveDir: string, chunks: AsyncIterable<Uint8Array>, modes: OutputAccess = OWNER_ONLY): Promise<HashedCopy> {
  await mkdir(archiveDir, { recursive: true, mode: modes.dirMode });
  await restrictPath(archiveDir, modes);
  // <…>.<pid>.tmp: a run killed mid-copy leaves what the next run's reconcile removes (pipelines/reconcile-targets.ts).
  const temp = path.join(archiveDir, `incoming-${randomUUID()}.${process.pid}.tmp`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    await copyChunks(
      hashing(chunks, hash, (n) => (size += n)),
      temp,
      modes.fileMode,
    );
    const sha256 = hash.digest('hex');
    const copy = archivePath(archiveDir, sha256);
    if ((await stat(copy).catch(() => undefined))?.size === size) {
      await rm(temp, { force: true });
      return { sha256, size, copy, added: false };
    }
    await mkdir(path.dirname(copy), { recursive: true, mode: modes.dirMode });
    await restrictPath(path.dirname(copy), modes);
    await restrictPath(temp, modes);
    await rename(temp, copy);
    return { sha256, size, copy, added: true };
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

async function* hashing(chunks: AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash>, count: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    hash.update(chunk);
    count(chunk.byteLength);
    yield chunk;
  }
}

/** Writes the chunks to `file`, leaving runs of zero bytes as holes (as `cp --sparse=auto` does): a sparse input stays sparse. */
async function copyChunks(chunks: AsyncIterable<Uint8Array>, file: string, mode: number): Promise<void> {
  const target = await open(file, 'w', mode);
  try {
    let position = 0;
    for await (const chunk of chunks) {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (!isAllZero(bytes)) await target.write(bytes, 0, bytes.length, position);
      position += bytes.length;
    }
    await target.truncate(position);
  } finally {
    await target.close();
  }
}

function isAllZero(bytes: Buffer): boolean {
  return bytes.length > 0 && bytes[0] === 0 && bytes.subarray(1).equals(bytes.subarray(0, bytes.length - 1));
}
