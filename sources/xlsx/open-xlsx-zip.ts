// The zip container of an .xlsx: its entries by name, whole small parts as text, and the raw inflate stream of a sheet.
import { open as openFile, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { corruptWorkbook, RESAVE_HINT, XlsxReadError } from './xlsx-read-error.ts';
import { defaultXlsxLimits, megabytes, tooLarge, type XlsxLimits } from './xlsx-limits.ts';

/**
 * Where a workbook is read from: a path, its bytes, or an open file (read at offsets, never held whole; the caller
 * keeps and closes the handle).
 */
export type XlsxSource = string | Uint8Array | FileHandle;

export interface XlsxZip {
  /** The entry at a path inside the zip (exact, else case-insensitive), or undefined. */
  entry(name: string): yauzl.Entry | undefined;
  /** A whole part decoded as UTF-8. */
  readText(entry: yauzl.Entry): Promise<string>;
  /** The inflated bytes of a part as a stream; `onCompressed` learns each compressed chunk's size as it is consumed. */
  openInflated(entry: yauzl.Entry, onCompressed?: (bytes: number) => void): Promise<Readable>;
  close(): void;
  limits: XlsxLimits;
  /** Every entry, in the order of the zip's directory. */
  entries(): yauzl.Entry[];
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
// zlib inflates on the libuv pool while JS scans the previous chunk; 64 KB pieces stay in V8's young generation
// (larger decoded strings go to large-object space and raised the 100k wave's peak by ~40 MB), and the 1 MB
// read-ahead keeps the pool busy.
const INFLATE_CHUNK = 64 * 1024;
const INFLATE_READ_AHEAD = 1024 * 1024;
const RAW_CHUNK = 256 * 1024;
const MAX_WHOLE_PART = 64 * 1024 * 1024;
// A part up to this size, of a workbook held in memory, is inflated in one synchronous call: for the few-KB parts of a
// monthly report, the stream pipeline (three streams and a round trip to the libuv pool each) cost more than inflating.
const SMALL_PART = 1024 * 1024;

export async function openXlsxZip(source: XlsxSource, limits: XlsxLimits = defaultXlsxLimits): Promise<XlsxZip> {
  const head = typeof source === 'string' ? await readHead(source) : source instanceof Uint8Array ? source.subarray(0, 4) : await handleHead(source);
  if (OLE_SIGNATURE.every((b, i) => head[i] === b)) {
    throw new XlsxReadError(
      'xlsx-legacy-or-encrypted',
      '古い形式（.xls）か、パスワード付きのブックのため読めません。Excelで開いてパスワードを解除し、「Excel ブック (*.xlsx)」形式で保存し直してから置き直してください',
    );
  }
  let zip: yauzl.ZipFile;
  try {
    zip =
      typeof source === 'string'
        ? await yauzl.openPromise(source, { lazyEntries: true, autoClose: false })
        : source instanceof Uint8Array
          ? await yauzl.fromBufferPromise(Buffer.from(source.buffer, source.byteOffset, source.byteLength), { lazyEntries: true })
          : await yauzl.fromRandomAccessReaderPromise(new HandleReader(source), (await source.stat()).size, { lazyEntries: true, autoClose: false });
  } catch (cause) {
    throw notAWorkbook(cause);
  }
  const entries = new Map<string, yauzl.Entry>();
  const byLowerName = new Map<string, yauzl.Entry>();
  try {
    for await (const e of zip.eachEntry()) {
      entries.set(e.fileName, e);
      byLowerName.set(e.fileName.toLowerCase(), e);
    }
  } catch (cause) {
    zip.close();
    throw notAWorkbook(cause);
  }

  const openInflated = async (entry: yauzl.Entry, onCompressed?: (bytes: number) => void): Promise<Readable> => {
    if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) {
      throw corruptWorkbook(`${entry.fileName} の圧縮方式 ${entry.compressionMethod} には対応していません`);
    }
    if (entry.uncompressedSize > limits.maxPartBytes) {
      throw tooLarge(`${entry.fileName} は展開後 ${megabytes(entry.uncompressedSize)}、上限は ${megabytes(limits.maxPartBytes)}`);
    }
    if (source instanceof Uint8Array && entry.compressionMethod === 8 && entry.uncompressedSize <= SMALL_PART) {
      let start: number;
      try {
        start = (await zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart;
      } catch (cause) {
        throw corruptWorkbook(`${entry.fileName} を開けません`, cause);
      }
      return Readable.from(inflatedSmallPart(source.subarray(start, start + entry.compressedSize), entry, onCompressed));
    }
    let raw: Readable;
    try {
      // Our own read of the entry's bytes in large pieces: yauzl's 16 KB pieces cost one zlib round trip each.
      const start = (await zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart;
      const end = start + entry.compressedSize;
      raw =
        source instanceof Uint8Array
          ? Readable.from(pieces(source.subarray(start, end)))
          : entry.compressedSize === 0
            ? Readable.from([])
            : typeof source === 'string'
              ? createReadStream(source, { start, end: end - 1, highWaterMark: RAW_CHUNK })
              : Readable.from(handleRange(source, start, end));
    } catch (cause) {
      throw corruptWorkbook(`${entry.fileName} を開けません`, cause);
    }
    if (onCompressed) raw.on('data', (b: Buffer) => onCompressed(b.length));
    if (entry.compressionMethod === 0) return raw;
    const inflate = zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK, readableHighWaterMark: INFLATE_READ_AHEAD } as zlib.ZlibOptions);
    const budget = byteBudget(entry);
    pipeline(raw, inflate, budget, () => {});
    return budget;
  };

  return {
    entry: (name) => entries.get(name) ?? byLowerName.get(name.toLowerCase()),
    async readText(entry) {
      // Parts read whole (workbook.xml, relationships) are a few KB; a large one is a bomb, not a workbook.
      if (entry.uncompressedSize > MAX_WHOLE_PART)
        throw tooLarge(`${entry.fileName} は展開後 ${megabytes(entry.uncompressedSize)}、上限は ${megabytes(MAX_WHOLE_PART)}`);
      const parts: Buffer[] = [];
      try {
        for await (const chunk of await openInflated(entry)) parts.push(chunk as Buffer);
      } catch (cause) {
        throw corruptWorkbook(`${entry.fileName} を展開できません`, cause);
      }
      return Buffer.concat(parts).toString('utf8');
    },
    openInflated,
    close: () => zip.close(),
    limits,
    entries: () => [...entries.values()],
  };
}

async function readHead(file: string): Promise<Uint8Array> {
  try {
    const handle = await openFile(file, 'r');
    try {
      const head = new Uint8Array(4);
      await handle.read(head, 0, 4, 0);
      return head;
    } finally {
      await handle.close();
    }
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new XlsxReadError('xlsx-file-not-found', `ファイルが見つかりません: ${file}。置き場所とファイル名を確かめてください`, { cause });
    throw new XlsxReadError('xlsx-file-not-found', `ファイルを読めません: ${file}（${code ?? String(cause)}）。ファイルの権限と置き場所を確かめてください`, {
      cause,
    });
  }
}

async function handleHead(handle: FileHandle): Promise<Uint8Array> {
  const head = new Uint8Array(4);
  await handle.read(head, 0, 4, 0);
  return head;
}

/** yauzl's view of an open file: positional reads through the handle; closing the zip leaves the handle to its owner. */
class HandleReader extends yauzl.RandomAccessReader {
  constructor(private readonly handle: FileHandle) {
    super();
  }
  override _readStreamForRange(start: number, end: number): Readable {
    return Readable.from(handleRange(this.handle, start, end));
  }
  // yauzl reads the directory and each local header this way: one positional read instead of a stream each.
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    readFully(this.handle, buffer, offset, length, position).then(() => callback(null), callback);
  }
}

/**
 * Bytes start … end of an open file in RAW_CHUNK pieces. Not handle.createReadStream: destroying that stream (a reader
 * that stops early, a damaged part) closes the handle, which belongs to the caller.
 */
async function* handleRange(handle: FileHandle, start: number, end: number): AsyncGenerator<Buffer> {
  for (let at = start; at < end;) {
    const piece = Buffer.allocUnsafe(Math.min(RAW_CHUNK, end - at));
    await readFully(handle, piece, 0, piece.length, at);
    at += piece.length;
    yield piece;
  }
}

async function readFully(handle: FileHandle, buffer: Buffer, offset: number, length: number, position: number): Promise<void> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, offset + done, length - done, position + done);
    if (bytesRead === 0) throw new Error(`unexpected end of file at ${position + done}`);
    done += bytesRead;
  }
}

function* pieces(bytes: Uint8Array): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += RAW_CHUNK) {
    yield Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(RAW_CHUNK, bytes.length - at));
  }
}

/** A small part inflated at once, given in INFLATE_CHUNK pieces as the stream would; a zlib error surfaces when it is read. */
function* inflatedSmallPart(compressed: Uint8Array, entry: yauzl.Entry, onCompressed?: (bytes: number) => void): Generator<Buffer> {
  let inflated: Buffer;
  try {
    inflated = zlib.inflateRawSync(compressed, { chunkSize: INFLATE_CHUNK, maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw overInflated(entry);
    throw cause;
  }
  if (inflated.length > entry.uncompressedSize) throw overInflated(entry);
  onCompressed?.(compressed.length);
  for (let at = 0; at < inflated.length; at += INFLATE_CHUNK) yield inflated.subarray(at, at + INFLATE_CHUNK);
}

function overInflated(entry: yauzl.Entry): XlsxReadError {
  return tooLarge(`${entry.fileName} が記録された大きさ ${megabytes(entry.uncompressedSize)} を超えて展開されます`);
}

function notAWorkbook(cause: unknown): XlsxReadError {
  return new XlsxReadError('xlsx-not-a-workbook', `Excelブック（.xlsx）として読めません。ファイルが壊れているか、別の形式です。${RESAVE_HINT}`, { cause });
}

/** Passes the inflated bytes through and stops the moment they exceed the size the zip records (a bomb's lie). */
function byteBudget(entry: yauzl.Entry): Transform {
  let inflated = 0;
  return new Transform({
    readableHighWaterMark: INFLATE_READ_AHEAD,
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      inflated += chunk.length;
      if (inflated > entry.uncompressedSize) {
        done(overInflated(entry));
        return;
      }
      done(null, chunk);
    },
  });
}
