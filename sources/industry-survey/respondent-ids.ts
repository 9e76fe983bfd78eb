// The respondent ids of one file, to find a respondent sent twice. While every id is above the one before (numbers,
// or text ids such as C24-000123 in text order: the usual export) none can repeat, so the ids are kept only as bytes
// in one buffer (~14 bytes for a 10-character id, instead of a JS string each) and indexed from the first one out of
// order. The index is a hash table of slots over those same bytes (4–8 bytes an id): a Map of a million id strings
// cost ~75 MB, and the 10× scale wave needs it on its last row (C24-1000000 sorts before C24-999999 as text).
// Ids stay in the archive: issues locate a repeat by its row numbers, and nothing is kept once the file is read.
import { normalizeHeader } from '../../lib/normalize-header.ts';

export class RespondentIds {
  /** Each slot's id key as UTF-8 (empty: no id). */
  private readonly keys = new KeyBytes();
  /** From the first id out of order: every id key seen → its slot. */
  private slots: SlotIndex | null = null;
  private last: number | string | null = null;

  /** The key a respondent id cell stands for (full-width folded, spaces collapsed), or null when empty. */
  static keyOf(v: unknown): string | null {
    if (v === null || v === undefined) return null;
    // Printable ASCII without spaces (C24-000123) is its own key: normalizeHeader would return it unchanged.
    if (typeof v === 'string' && isPlainAscii(v)) return v;
    const key = typeof v === 'number' ? String(v) : normalizeHeader(v);
    return key === '' ? null : key;
  }

  /** Slot `i` (after the `i` respondents kept so far) is the row being read, with id `key` (null: none). */
  set(i: number, key: string | null): void {
    this.keys.set(i, key);
  }

  /** Room for this many respondents' ids (no copy as they come). */
  reserve(respondents: number): void {
    this.keys.reserve(respondents);
  }

  /**
   * Slot `i`, set to `key` from cell value `raw`: the slot of the respondent kept before with the same id, or undefined
   * (slot `i` is then taken as that id's: set(i, key) must have been called).
   */
  earlierSlot(key: string, raw: unknown, i: number): number | undefined {
    if (this.slots === null) {
      const last = this.last;
      if (typeof raw === 'number' ? last === null || (typeof last === 'number' && raw > last) : last === null || (typeof last === 'string' && key > last)) {
        this.last = typeof raw === 'number' ? raw : key;
        return undefined;
      }
      this.slots = new SlotIndex(this.keys, i);
    }
    return this.slots.findOrAdd(key, i);
  }
}

const encoder = new TextEncoder();

/** Slot → id key as UTF-8 in one growing buffer; slots are set in order (a dropped row's slot is set again). */
class KeyBytes {
  bytes = new Uint8Array(1 << 16);
  /** starts[i] … starts[i + 1]: slot i's key. */
  starts = new Int32Array(1 << 12);

  /** Slots set so far. */
  private count = 0;

  /** Room for `slots` keys as long as those so far. */
  reserve(slots: number): void {
    if (slots + 1 > this.starts.length) {
      const starts = new Int32Array(slots + 1);
      starts.set(this.starts.subarray(0, this.count + 1));
      this.starts = starts;
    }
    const used = this.starts[this.count]!;
    const room = Math.ceil((used / Math.max(1, this.count)) * slots * 1.1);
    if (room > this.bytes.length) {
      const bytes = new Uint8Array(room);
      bytes.set(this.bytes.subarray(0, used));
      this.bytes = bytes;
    }
  }

  set(i: number, key: string | null): void {
    if (i + 2 > this.starts.length) {
      const starts = new Int32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
    }
    let at = this.starts[i]!;
    if (key !== null) {
      if (at + key.length > this.bytes.length) this.grow(at + key.length);
      if (ascii(key, this.bytes, at)) at += key.length;
      else {
        // UTF-8 takes at most 3 bytes per UTF-16 unit.
        if (at + key.length * 3 > this.bytes.length) this.grow(at + key.length * 3);
        at += encoder.encodeInto(key, this.bytes.subarray(at)).written;
      }
    }
    this.starts[i + 1] = at;
    this.count = i + 1;
  }

  private grow(least: number): void {
    const bytes = new Uint8Array(Math.max(this.bytes.length * 2, least));
    bytes.set(this.bytes);
    this.bytes = bytes;
  }

  /** Writes `key` as UTF-8 into `into` (grown when short); the number of bytes. */
  static encode(key: string, into: { bytes: Uint8Array }): number {
    if (key.length * 3 > into.bytes.length) into.bytes = new Uint8Array(key.length * 3);
    return ascii(key, into.bytes, 0) ? key.length : encoder.encodeInto(key, into.bytes).written;
  }
}

/**
 * Id key → slot, by open addressing over the slots' bytes in KeyBytes: 4 bytes an entry at most half full, instead of
 * a string and a Map entry per id.
 */
class SlotIndex {
  /** Slot + 1 per entry (0: free), probed linearly. */
  private table: Int32Array;
  private size = 0;
  /** The key looked up, as UTF-8. */
  private readonly key = { bytes: new Uint8Array(256) };

  /** Indexes the first `kept` slots (their ids are in order, so none repeats). */
  constructor(
    private readonly keys: KeyBytes,
    kept: number,
  ) {
    let capacity = 1024;
    while (capacity < kept * 2) capacity *= 2;
    this.table = new Int32Array(capacity);
    for (let j = 0; j < kept; j += 1) if (keys.starts[j + 1]! > keys.starts[j]!) this.put(j);
  }

  /** The slot indexed with `key`, or undefined after indexing slot `i` (whose bytes are `key`'s) with it. */
  findOrAdd(key: string, i: number): number | undefined {
    const length = KeyBytes.encode(key, this.key);
    const mask = this.table.length - 1;
    for (let at = hash(this.key.bytes, 0, length) & mask; ; at = (at + 1) & mask) {
      const entry = this.table[at]!;
      if (entry === 0) break;
      if (this.holds(entry - 1, length)) return entry - 1;
    }
    this.put(i);
    return undefined;
  }

  private holds(slot: number, length: number): boolean {
    const { bytes, starts } = this.keys;
    const start = starts[slot]!;
    if (starts[slot + 1]! - start !== length) return false;
    const key = this.key.bytes;
    for (let k = 0; k < length; k += 1) if (bytes[start + k] !== key[k]) return false;
    return true;
  }

  private put(slot: number): void {
    if ((this.size + 1) * 2 > this.table.length) this.grow();
    this.place(this.table, slot);
    this.size += 1;
  }

  private place(table: Int32Array, slot: number): void {
    const mask = table.length - 1;
    let at = hash(this.keys.bytes, this.keys.starts[slot]!, this.keys.starts[slot + 1]!) & mask;
    while (table[at] !== 0) at = (at + 1) & mask;
    table[at] = slot + 1;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    for (const entry of old) if (entry !== 0) this.place(this.table, entry - 1);
  }
}

/** FNV-1a over the bytes, then mixed (murmur3's finalizer) so that the low bits vary with every byte. */
function hash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k += 1) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Writes key as bytes when it is ASCII (the usual id); false otherwise, with nothing to undo (UTF-8 rewrites it). */
function ascii(key: string, bytes: Uint8Array, at: number): boolean {
  for (let k = 0; k < key.length; k += 1) {
    const c = key.charCodeAt(k);
    if (c >= 0x80) return false;
    bytes[at + k] = c;
  }
  return true;
}

function isPlainAscii(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}
