// The id column of a 公社 CSV export while its ids come in ascending byte order (as exports number their records): a
// new id is greater than every earlier one, so it cannot repeat one, and only the last id is held. Memory no longer
// grows with the records (a 10M-record export held 160 MB of ids). The first id out of order throws IdsOutOfOrder,
// and the file is read again keeping every id (ByteInterner); a later file of the same kind reads this one's ids
// again from the file (readCsvIds) rather than from memory.
import { csvFieldText, CsvFieldKind, csvSliceText, scanCsvStream, type CsvRecord } from '../lib/scan-csv.ts';
import type { TextEncodingName } from '../lib/decode-text.ts';
import type { InboxFile } from './inbox-file.ts';

/** An id came below the one before it: the file must be read keeping every id. */
export class IdsOutOfOrder extends Error {}

export class AscendingIds {
  private last = new Uint8Array(64);
  private lastLength = -1;
  private lastKind: number = CsvFieldKind.Plain;
  /** Ids seen (keys 0 … size − 1; only the last one, size − 1, can be asked about). */
  size = 0;

  constructor(private readonly encoding: TextEncodingName) {}

  /** The key of field `index`: the last key again when the id repeats the last one, else a new key. */
  key(bytes: Uint8Array, record: CsvRecord, index: number): number {
    const start = index < record.count ? record.start[index]! : 0;
    const end = index < record.count ? record.end[index]! : 0;
    if (this.lastLength >= 0) {
      const order = this.compare(bytes, start, end);
      if (order === 0) return this.size - 1;
      if (order < 0) throw new IdsOutOfOrder();
    }
    const length = end - start;
    if (length > this.last.length) this.last = new Uint8Array(length * 2);
    // Copied byte by byte: an id is a few bytes, and a subarray per record (1M of them) cost more than the copy.
    const last = this.last;
    for (let i = 0; i < length; i += 1) last[i] = bytes[start + i]!;
    this.lastLength = length;
    this.lastKind = index < record.count ? record.kind[index]! : CsvFieldKind.Plain;
    this.size += 1;
    return this.size - 1;
  }

  text(key: number): string {
    this.check(key);
    return csvSliceText(
      this.last,
      0,
      this.lastLength,
      this.lastKind === CsvFieldKind.QuotedEscaped ? CsvFieldKind.QuotedEscaped : CsvFieldKind.Plain,
      this.encoding,
    );
  }

  raw(key: number): unknown {
    return this.text(key);
  }

  isBlank(key: number): boolean {
    this.check(key);
    if (this.lastLength === 0) return true;
    // Any byte other than a space, a tab or the lead of a full-width space means there is text.
    const first = this.last[0]!;
    if (first !== 0x20 && first !== 0x09 && first !== 0xe3 && first !== 0x81) return false;
    return this.text(key).trim() === '';
  }

  private check(key: number): void {
    if (key !== this.size - 1) throw new Error(`AscendingIds: only the last id (${this.size - 1}) is held, not ${key}`);
  }

  /** Byte order of bytes[start, end) against the last id. */
  private compare(bytes: Uint8Array, start: number, end: number): number {
    const n = Math.min(end - start, this.lastLength);
    for (let i = 0; i < n; i += 1) {
      const d = bytes[start + i]! - this.last[i]!;
      if (d !== 0) return d;
    }
    return end - start - this.lastLength;
  }
}

/** Every record's id text of a CSV export read before, from its file: the records after the header record `headerRow`. */
export async function readCsvIds(
  input: InboxFile,
  encoding: TextEncodingName,
  bomLength: number,
  headerRow: number,
  idIndex: number,
  onId: (id: string) => void,
): Promise<void> {
  let records = 0;
  await scanCsvStream(
    input.readChunks(),
    bomLength,
    (record, bytes) => {
      if (records <= headerRow) {
        records += 1;
        return;
      }
      if (record.count === 1 && record.start[0] === record.end[0]) return; // blank line
      onId(csvFieldText(bytes, record, idIndex, encoding));
    },
    idIndex + 1,
  );
}
