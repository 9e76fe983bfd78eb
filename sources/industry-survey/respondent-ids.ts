// The respondent ids of one file, to find a respondent sent twice. While every id is above the one before (numbers,
// or text ids such as C24-000123 in text order: the usual export) none can repeat, so the ids are kept only as bytes
// in one buffer (~14 bytes for a 10-character id, instead of a JS string each) and indexed from the first one out of
// order. Ids stay in the archive: issues locate a repeat by its row numbers, and nothing is kept once the file is read.
import { normalizeHeader } from '../../lib/normalize-header.ts';

export class RespondentIds {
  /** While the ids come in order: each slot's id key as UTF-8 (empty: no id). */
  private keys: KeyBytes | null = new KeyBytes();
  /** From the first id out of order: every id key seen → its slot. */
  private slots: Map<string, number> | null = null;
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
    this.keys?.set(i, key);
  }

  /** Room for this many respondents' ids (no copy as they come). */
  reserve(respondents: number): void {
    this.keys?.reserve(respondents);
  }

  /**
   * Slot `i`, set to `key` from cell value `raw`: the slot of the respondent kept before with the same id, or undefined.
   */
  earlierSlot(key: string, raw: unknown, i: number): number | undefined {
    if (this.slots === null) {
      const last = this.last;
      if (typeof raw === 'number' ? last === null || (typeof last === 'number' && raw > last) : last === null || (typeof last === 'string' && key > last)) {
        this.last = typeof raw === 'number' ? raw : key;
        return undefined;
      }
      this.slots = this.keys!.index(i);
      this.keys = null;
    }
    const first = this.slots.get(key);
    if (first === undefined) this.slots.set(key, i);
    return first;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Slot → id key as UTF-8 in one growing buffer; slots are set in order (a dropped row's slot is set again). */
class KeyBytes {
  private bytes = new Uint8Array(1 << 16);
  /** starts[i] … starts[i + 1]: slot i's key. */
  private starts = new Int32Array(1 << 12);

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

  /** The keys of the first `kept` slots by key (the first out-of-order id needs them all). */
  index(kept: number): Map<string, number> {
    const slots = new Map<string, number>();
    for (let j = 0; j < kept; j += 1) {
      const start = this.starts[j]!;
      const end = this.starts[j + 1]!;
      if (end > start) slots.set(decoder.decode(this.bytes.subarray(start, end)), j);
    }
    return slots;
  }
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
