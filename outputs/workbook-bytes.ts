// A workbook's .xlsx bytes, equal for equal content: exceljs writes its parts uncompressed (its zip compresses in pure
// JavaScript, most of a workbook's write time), and they are packed again here with Node's zlib, every entry with one
// fixed date and [Content_Types].xml first (lib/deterministic-zip.ts keeps the JSZip packing for the sample inputs).
import { deflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';

/** 2000-01-01 00:00 as an MS-DOS date and time: no entry carries the time it was written. */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const DEFLATE = 8;
const STORE = 0;

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  data: Buffer;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  const entries = storedEntries(Buffer.from(stored)).sort(entryOrder);
  return zip(entries.map((e) => ({ ...e, data: deflateRawSync(e.data, { level: 6 }) })));
}

/** The entries of an uncompressed zip, read from its central directory (crc and size included). */
function storedEntries(bytes: Buffer): Entry[] {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('exceljs wrote no zip directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('exceljs wrote an unreadable zip directory');
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (method !== STORE) throw new Error(`exceljs compressed ${name.toString()}`);
    if (name.at(-1) === 0x2f) continue; // a folder entry: readers need none
    const data = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    entries.push({ name, crc, size, data: bytes.subarray(data, data + size) });
  }
  return entries;
}

/** [Content_Types].xml must stay first for some readers; the rest keep a stable order. */
function entryOrder(a: Entry, b: Entry): number {
  const first = '[Content_Types].xml';
  const [x, y] = [a.name.toString(), b.name.toString()];
  if (x === first) return -1;
  if (y === first) return 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A zip of deflated entries: local headers and data, then the central directory. */
function zip(entries: readonly Entry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, e);
    local.writeUInt16LE(e.name.length, 26);
    parts.push(local, e.name, e.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS, zip 2.0
    writeCommon(central, 6, e);
    central.writeUInt16LE(e.name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, e.name);
    offset += local.length + e.name.length + e.data.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}

/** The fields a local header and a directory entry share, from "version needed" to the sizes. */
function writeCommon(header: Buffer, at: number, e: Entry): void {
  header.writeUInt16LE(20, at); // version needed: deflate
  header.writeUInt16LE(0, at + 2);
  header.writeUInt16LE(DEFLATE, at + 4);
  header.writeUInt16LE(DOS_TIME, at + 6);
  header.writeUInt16LE(DOS_DATE, at + 8);
  header.writeUInt32LE(e.crc, at + 10);
  header.writeUInt32LE(e.data.length, at + 14);
  header.writeUInt32LE(e.size, at + 18);
}
