// Respondent slot → id key as UTF-8, front-coded: each key as the length of the prefix it shares with the slot before
// (ids of one export share most of it: C24-000123, C24-000124) and the bytes after it, every BLOCK-th key whole, so
// any slot is read back from at most BLOCK − 1 keys before it. A million ids take ~4 MB instead of ~18 MB (every key
// whole with its end), which the 10× scale wave holds to its last row.

const BLOCK = 16;
const encoder = new TextEncoder();

/** A key read back or about to be written: its UTF-8 bytes (grown as needed) and their length. */
export interface KeyBuffer {
  bytes: Uint8Array;
  length: number;
}

export const keyBuffer = (): KeyBuffer => ({ bytes: new Uint8Array(64), length: 0 });

export class IdKeyBytes {
  /** Per slot: the shared prefix length (one byte, at most 255), the rest's length (varint), the rest. */
  private bytes = new Uint8Array(1 << 14);
  /** Where each block of BLOCK slots starts in bytes. */
  private blocks = new Int32Array(1 << 8);
  private used = 0;
  /** Where the last slot's entry starts (a dropped row's slot is written again from there). */
  private lastStart = 0;
  /** Slots set so far. */
  private count = 0;
  /** The keys of the slot before the last and of the last. */
  private before = keyBuffer();
  private last = keyBuffer();

  /** Slot `i` (the next one, or the last again when its row was dropped) has id `key` (null: none). */
  set(i: number, key: string | null): void {
    if (i === this.count) {
      const before = this.before;
      this.before = this.last;
      this.last = before;
      this.lastStart = this.used;
      if (i % BLOCK === 0) {
        if (i / BLOCK >= this.blocks.length) this.blocks = grownInt32(this.blocks, this.blocks.length * 2);
        this.blocks[i / BLOCK] = this.used;
      }
    } else if (i !== this.count - 1) throw new Error(`IdKeyBytes: slot ${i} set after slot ${this.count - 1}`);
    else this.used = this.lastStart;
    const last = this.last;
    encodeKey(key ?? '', last);
    let shared = 0;
    if (i % BLOCK !== 0) {
      const before = this.before;
      const most = Math.min(255, before.length, last.length);
      while (shared < most && before.bytes[shared] === last.bytes[shared]) shared += 1;
    }
    const rest = last.length - shared;
    if (this.used + rest + 6 > this.bytes.length) this.bytes = grownBytes(this.bytes, Math.max(this.bytes.length * 2, this.used + rest + 6));
    const bytes = this.bytes;
    let at = this.used;
    bytes[at++] = shared;
    for (let n = rest; ; n >>>= 7) {
      if (n < 0x80) {
        bytes[at++] = n;
        break;
      }
      bytes[at++] = (n & 0x7f) | 0x80;
    }
    bytes.set(last.bytes.subarray(shared, last.length), at);
    this.used = at + rest;
    this.count = i + 1;
  }

  /** Room for `slots` keys as long as those so far (no copy as they come). */
  reserve(slots: number): void {
    const blocks = Math.ceil(slots / BLOCK) + 1;
    if (blocks > this.blocks.length) this.blocks = grownInt32(this.blocks, blocks);
    const room = Math.ceil((this.used / Math.max(1, this.count)) * slots * 1.1);
    if (room > this.bytes.length) this.bytes = grownBytes(this.bytes, room);
  }

  /** Slot `slot`'s key into `into` (length 0: no id). */
  get(slot: number, into: KeyBuffer): void {
    let at = this.blocks[Math.floor(slot / BLOCK)]!;
    for (let s = slot - (slot % BLOCK); s <= slot; s += 1) at = this.next(at, into);
  }

  /** Calls `visit` with each of the first `slots` slots' keys, in order (`key` is reused). */
  each(slots: number, visit: (slot: number, key: KeyBuffer) => void): void {
    const key = keyBuffer();
    let at = 0;
    for (let s = 0; s < slots; s += 1) {
      at = this.next(at, key);
      visit(s, key);
    }
  }

  /** Reads the entry at `at` over the key before it in `key`; where the next entry starts. */
  private next(at: number, key: KeyBuffer): number {
    const bytes = this.bytes;
    const shared = bytes[at++]!;
    let rest = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++]!;
      rest |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    if (shared + rest > key.bytes.length) key.bytes = grownBytes(key.bytes, Math.max(key.bytes.length * 2, shared + rest));
    key.bytes.set(bytes.subarray(at, at + rest), shared);
    key.length = shared + rest;
    return at + rest;
  }
}

/** `key` as UTF-8 into `into`. */
export function encodeKey(key: string, into: KeyBuffer): void {
  if (key.length * 3 > into.bytes.length) into.bytes = new Uint8Array(key.length * 3);
  const bytes = into.bytes;
  for (let k = 0; k < key.length; k += 1) {
    const c = key.charCodeAt(k);
    if (c >= 0x80) {
      into.length = encoder.encodeInto(key, bytes).written;
      return;
    }
    bytes[k] = c;
  }
  into.length = key.length;
}

function grownBytes(a: Uint8Array, length: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(length);
  b.set(a);
  return b;
}

function grownInt32(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}
