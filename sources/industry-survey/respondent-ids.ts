// The respondent ids of one file, to find a respondent sent twice. While every id is above the one before (numbers,
// or text ids such as C24-000123 in text order: the usual export) none can repeat, so the ids are kept only as bytes
// (id-key-bytes.ts: ~4 bytes for an id of an export, instead of a JS string each) and indexed from the first one out
// of order. The index is a hash table of slots over those same bytes (4–8 bytes an id): a Map of a million id strings
// cost ~75 MB, and the 10× scale wave needs it on its last row (C24-1000000 sorts before C24-999999 as text).
// Ids stay in the archive: issues locate a repeat by its row numbers, and nothing is kept once the file is read.
import { normalizeHeader } from '../../lib/normalize-header.ts';
import { encodeKey, IdKeyBytes, keyBuffer } from './id-key-bytes.ts';

export class RespondentIds {
  /** Each slot's id key as UTF-8 (empty: no id). */
  private readonly keys = new IdKeyBytes();
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

/**
 * Id key → slot, by open addressing over the slots' keys in IdKeyBytes: 4 bytes an entry at most half full, instead of
 * a string and a Map entry per id.
 */
class SlotIndex {
  /** Slot + 1 per entry (0: free), probed linearly. */
  private table: Int32Array;
  private size = 0;
  /** The key looked up, and a slot's key read back to compare. */
  private readonly key = keyBuffer();
  private readonly found = keyBuffer();

  /** Indexes the first `kept` slots (their ids are in order, so none repeats). */
  constructor(
    private readonly keys: IdKeyBytes,
    kept: number,
  ) {
    let capacity = 1024;
    while (capacity < kept * 2) capacity *= 2;
    this.table = new Int32Array(capacity);
    keys.each(kept, (slot, key) => {
      if (key.length > 0) this.put(slot, hash(key.bytes, key.length));
    });
  }

  /** The slot indexed with `key`, or undefined after indexing slot `i` (whose key is `key`) with it. */
  findOrAdd(key: string, i: number): number | undefined {
    const wanted = this.key;
    encodeKey(key, wanted);
    const h = hash(wanted.bytes, wanted.length);
    const mask = this.table.length - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const entry = this.table[at]!;
      if (entry === 0) break;
      if (this.holds(entry - 1)) return entry - 1;
    }
    this.put(i, h);
    return undefined;
  }

  private holds(slot: number): boolean {
    const found = this.found;
    const wanted = this.key;
    this.keys.get(slot, found);
    if (found.length !== wanted.length) return false;
    for (let k = 0; k < found.length; k += 1) if (found.bytes[k] !== wanted.bytes[k]) return false;
    return true;
  }

  private put(slot: number, h: number): void {
    if ((this.size + 1) * 2 > this.table.length) this.grow();
    place(this.table, slot, h);
    this.size += 1;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    for (const entry of old) {
      if (entry === 0) continue;
      this.keys.get(entry - 1, this.found);
      place(this.table, entry - 1, hash(this.found.bytes, this.found.length));
    }
  }
}

function place(table: Int32Array, slot: number, h: number): void {
  const mask = table.length - 1;
  let at = h & mask;
  while (table[at] !== 0) at = (at + 1) & mask;
  table[at] = slot + 1;
}

/** FNV-1a over the bytes, then mixed (murmur3's finalizer) so that the low bits vary with every byte. */
function hash(bytes: Uint8Array, length: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < length; k += 1) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function isPlainAscii(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}
