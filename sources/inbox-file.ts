// A file found in the inbox, as a handle: its name, size and sha256 (hashed by streaming, never held whole) identify it
// from here on; a reader asks for the bytes or a stream when it reads, and gets exactly the content that was hashed:
// from the inbox, re-hashed as it goes, or, once the run has archived it, from the archived copy (verified as it was
// written, owned by the run, so not hashed again).
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../lib/user-error.ts';
import { issueMessageEn, issueMessageJa } from '../lib/issue-catalog.ts';
import type { OutputAccess } from '../lib/output-access.ts';
import { archiveWhileHashing } from './archive-inputs.ts';

export interface InboxFile {
  /** Path relative to the inbox, with forward slashes (stable across machines). */
  name: string;
  path: string;
  size: number;
  sha256: string;
  /** The whole file in one buffer, for readers that need it all at once; refused over 2 GiB (InboxFileTooLargeError). */
  readBytes(): Promise<Buffer>;
  /**
   * The file in chunks, for readers that go through it once; no size limit. One buffer is reused: a chunk is valid
   * until the next one is asked for, so a reader copies what it keeps. Plain Uint8Arrays, not Buffers, so that
   * `chunk.slice()` copies (Buffer's slice is a view).
   */
  readChunks(): AsyncIterable<Uint8Array>;
  /**
   * The file opened for reads at any offset (an .xlsx's zip directory is at its end), for readers that take parts of a
   * file without holding it whole; absent for a file made in memory (use readBytes). Its `verify()` re-hashes the file
   * through the same handle: call it when done, so content the run id does not name is never published.
   */
  openRandomAccess?(): Promise<RandomAccessInboxFile>;
  /** The archived copy the bytes come from once the run has archived the file (archivedInboxFile). */
  archived?: string;
  /** The file as data another thread rebuilds the same handle from (inboxFileFromPortable); absent for a file made in memory. */
  portable?(): PortableInboxFile;
}

/** What identifies a file on disk: enough to open it again, in another thread, with the same checks. */
export interface PortableInboxFile {
  name: string;
  path: string;
  size: number;
  sha256: string;
  archived?: string;
}

/** An inbox file open for positional reads (`handle.read(…, position)`; nothing may move the handle's own position). */
export interface RandomAccessInboxFile {
  handle: FileHandle;
  size: number;
  /** Rejects with InboxFileChangedError unless the file still has the sha256 it was listed with. */
  verify(): Promise<void>;
  close(): Promise<void>;
}

/** Node holds a file in one buffer of at most 2 GiB − 1 byte (fs.readFile's limit): a bigger file can only be streamed. */
export const MAX_INBOX_FILE_BYTES = 2 ** 31 - 1;

const CHUNK_BYTES = 1 << 20;
/** A file smaller than this still gets a buffer this big: a file that grew since it was listed is read in fewer calls. */
const MIN_CHUNK_BYTES = 1 << 16;

/** A reader asked for a whole file that Node cannot hold in one buffer; the run reports it on the file and goes on. */
export class InboxFileTooLargeError extends UserError {
  /** Size in GiB with two decimals, as the message prints it. */
  readonly sizeGiB: string;
  constructor(
    readonly file: string,
    size: number,
  ) {
    const params = { file, size: (size / 2 ** 30).toFixed(2) };
    super(issueMessageJa('inbox-file-too-large', params), issueMessageEn('inbox-file-too-large', params));
    this.sizeGiB = params.size;
  }
}

/** The file's content no longer has the sha256 the run identified it by: the run stops rather than publish a mix. */
export class InboxFileChangedError extends UserError {
  constructor(readonly file: string) {
    super(
      `受信箱のファイル ${file} が実行中に書き換えられました（読み始めたときと内容が違います）。ファイルの書き込みが終わってから再実行してください`,
      `Inbox file ${file} changed during the run (its content differs from when it was first read); run again once it is fully written`,
    );
  }
}

export async function readInboxFile(inboxDir: string, filePath: string): Promise<InboxFile> {
  const name = inboxName(inboxDir, filePath);
  const handle = await openNoFollow(filePath);
  let hashed: { size: number; sha256: string };
  try {
    hashed = await hashHandle(handle, (await handle.stat()).size);
  } finally {
    await handle.close();
  }
  return inboxFileHandle(name, filePath, hashed.size, hashed.sha256);
}

/**
 * A file the archive lacks, read once: hashed as it is copied into the archive, and from then on read from that copy
 * (archivedInboxFile). `added` is false when a copy of the same content was already there (kept, the temp removed).
 */
export async function archiveInboxFile(
  inboxDir: string,
  filePath: string,
  archiveDir: string,
  modes?: OutputAccess,
): Promise<{ file: InboxFile; added: boolean }> {
  const name = inboxName(inboxDir, filePath);
  const handle = await openNoFollow(filePath);
  let hashed;
  try {
    hashed = await archiveWhileHashing(archiveDir, chunksOf(handle, (await handle.stat()).size), modes);
  } finally {
    await handle.close();
  }
  return { file: archivedInboxFile(inboxFileHandle(name, filePath, hashed.size, hashed.sha256), hashed.copy), added: hashed.added };
}

/** A path's name in the inbox: relative to it, with forward slashes (stable across machines). */
export function inboxName(inboxDir: string, filePath: string): string {
  return path.relative(inboxDir, filePath).split(path.sep).join('/');
}

/** A file whose bytes are already in memory (made by code: tests, generated fixtures), behind the same interface. */
export function inboxFileFromBytes(name: string, bytes: Buffer, filePath: string = name): InboxFile {
  return {
    name,
    path: filePath,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    readBytes: async () => bytes,
    readChunks: async function* () {
      yield new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    },
  };
}

/** The handle a PortableInboxFile was made from: read from its archived copy when it has one, else from the inbox (re-hashed). */
export function inboxFileFromPortable(file: PortableInboxFile): InboxFile {
  const handle = inboxFileHandle(file.name, file.path, file.size, file.sha256);
  return file.archived === undefined ? handle : archivedInboxFile(handle, file.archived);
}

/** The same file read from its archived copy, whose content was checked against `sha256` as the archive wrote it. */
export function archivedInboxFile(file: InboxFile, copy: string): InboxFile {
  const { name, size } = file;
  return {
    name,
    path: file.path,
    size,
    sha256: file.sha256,
    archived: copy,
    portable: () => ({ name, path: file.path, size, sha256: file.sha256, archived: copy }),
    async readBytes() {
      if (size > MAX_INBOX_FILE_BYTES) throw new InboxFileTooLargeError(name, size);
      return readFile(copy);
    },
    async *readChunks() {
      const handle = await open(copy, constants.O_RDONLY);
      try {
        yield* chunksOf(handle, size);
      } finally {
        await handle.close();
      }
    },
    async openRandomAccess() {
      const handle = await open(copy, constants.O_RDONLY);
      // Nothing to hash again: the copy's content was checked against sha256 as it was written.
      return { handle, size, verify: async () => {}, close: () => handle.close() };
    },
  };
}

function inboxFileHandle(name: string, filePath: string, size: number, sha256: string): InboxFile {
  return {
    name,
    path: filePath,
    size,
    sha256,
    // Re-hashed on every read, not compared by size and mtime: a same-size rewrite (or a copy that keeps mtime, as
    // rsync -t does) would pass those, and a sha256 pass costs far less than the parsing that follows.
    async readBytes() {
      const handle = await openNoFollow(filePath);
      try {
        const { size: now } = await handle.stat();
        if (now > MAX_INBOX_FILE_BYTES) throw new InboxFileTooLargeError(name, now);
        if (now !== size) throw new InboxFileChangedError(name);
        const bytes = await handle.readFile();
        if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new InboxFileChangedError(name);
        return bytes;
      } finally {
        await handle.close();
      }
    },
    readChunks() {
      return verifiedChunks(name, filePath, size, sha256);
    },
    openRandomAccess: () => openRandomAccess(name, filePath, size, sha256),
    portable: () => ({ name, path: filePath, size, sha256 }),
  };
}

async function* verifiedChunks(name: string, filePath: string, size: number, sha256: string): AsyncGenerator<Uint8Array> {
  const handle = await openNoFollow(filePath);
  try {
    const hash = createHash('sha256');
    for await (const chunk of chunksOf(handle, size)) {
      hash.update(chunk);
      yield chunk;
    }
    if (hash.digest('hex') !== sha256) throw new InboxFileChangedError(name);
  } finally {
    await handle.close();
  }
}

/** `size`: the file's size as listed or opened, which only sizes the buffer (chunkBuffer). */
async function hashHandle(handle: FileHandle, size: number): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  // One buffer for the whole pass: the hash keeps nothing of a chunk.
  const buffer = chunkBuffer(size);
  let read = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) return { size: read, sha256: hash.digest('hex') };
    hash.update(buffer.subarray(0, bytesRead));
    read += bytesRead;
  }
}

/** `size`: the file's size as listed, which only sizes the buffer (a file that grew since is still read to its end). */
async function* chunksOf(handle: FileHandle, size: number): AsyncGenerator<Uint8Array> {
  // One buffer for the whole pass: a fresh one per chunk cost as much CPU as the hashing (page faults on new memory).
  const buffer = chunkBuffer(size);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) return;
    yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
  }
}

/**
 * A pass's buffer, sized to the file and left uninitialised (only what was read is used). A zeroed 1 MiB buffer per pass
 * cost ~1 ms of page faults, and a run makes a pass per file it hashes, archives or streams (the bundled sample's inbox
 * is 40 files of at most 80 kB); 1 MiB buffers for the 40 files an unchanged re-run hashes also set off V8's collections
 * for external memory (docs/benchmarks.md).
 */
function chunkBuffer(size: number): Uint8Array {
  const bytes = Math.min(CHUNK_BYTES, Math.max(size, MIN_CHUNK_BYTES));
  return new Uint8Array(Buffer.allocUnsafeSlow(bytes).buffer, 0, bytes);
}

/** O_NOFOLLOW: a file swapped for a link after listing is refused rather than read outside the inbox. */
function openNoFollow(filePath: string): Promise<FileHandle> {
  return open(filePath, constants.O_RDONLY | constants.O_NOFOLLOW);
}

async function openRandomAccess(name: string, filePath: string, size: number, sha256: string): Promise<RandomAccessInboxFile> {
  const handle = await openNoFollow(filePath);
  try {
    if ((await handle.stat()).size !== size) throw new InboxFileChangedError(name);
  } catch (error) {
    await handle.close();
    throw error;
  }
  // hashHandle reads on from the handle's own position, still 0 as the reader's reads are all positional: hashed once.
  let verified: Promise<void> | undefined;
  return {
    handle,
    size,
    verify: () =>
      (verified ??= hashHandle(handle, size).then((h) => {
        if (h.sha256 !== sha256) throw new InboxFileChangedError(name);
      })),
    close: () => handle.close(),
  };
}
