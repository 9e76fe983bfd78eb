// Gives equal byte strings the same small integer without decoding them: a 1M-record export has a million ids but
// only hundreds of distinct dates and categories, so each is decoded and parsed once. The bytes of each distinct value
// are copied into the interner's own store, so a file can be scanned chunk by chunk (the chunks are not kept).
export class ByteInterner {
  /** Open addressing, two ints per slot (key + 1, hash) so a probe touches one cache line. */
  private slots: Int32Array;
  private mask: number;
  private starts: Int32Array;
  private ends: Int32Array;
  /** Each distinct value's bytes, back to back (key k at starts[k] … ends[k]). */
  private store = new Uint8Array(4096);
  private stored = 0;
  // The previous call's key: sorted or repeated columns (dates, offices) hit it without hashing.
  private lastKey = -1;
  // Ids usually come in ascending order; while they do, a new id is greater than every earlier one and can't be a
  // duplicate, so nothing is hashed. The first id out of order indexes all earlier ones and hashing takes over.
  private ascending: boolean;
  size = 0;

  constructor(expected = 1024, options: { ascendingFastPath?: boolean } = {}) {
    this.ascending = options.ascendingFastPath ?? false;
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    // On the ascending path the table stays empty until needed.
    const tableCapacity = this.ascending ? 1024 : capacity;
    this.slots = new Int32Array(tableCapacity * 2);
    this.mask = tableCapacity - 1;
    this.starts = new Int32Array(capacity / 2);
    this.ends = new Int32Array(capacity / 2);
  }

  /** The key of bytes[start, end): keys are 0, 1, 2 … in order of first appearance (a new key equals size − 1). */
  intern(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    const last = this.lastKey;
    if (last >= 0 && this.ends[last]! - this.starts[last]! === length && this.equal(this.starts[last]!, bytes, start, length)) return last;
    if (this.ascending) {
      if (this.size === 0 || this.compare(bytes, start, end, last) > 0) {
        const key = this.append(bytes, start, end);
        this.lastKey = key;
        return key;
      }
      this.ascending = false;
      this.indexAll();
    }
    const hash = hashOf(bytes, start, end);
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const key = slots[slot * 2]! - 1;
      if (key < 0) break;
      if (slots[slot * 2 + 1] === hash && this.ends[key]! - this.starts[key]! === length && this.equal(this.starts[key]!, bytes, start, length)) {
        this.lastKey = key;
        return key;
      }
      slot = (slot + 1) & this.mask;
    }
    const key = this.append(bytes, start, end);
    slots[slot * 2] = key + 1;
    slots[slot * 2 + 1] = hash;
    if (this.size * 2 > this.mask + 1) this.rehash();
    this.lastKey = key;
    return key;
  }

  /** The key's bytes (a view of the store: decode or copy it before the next intern). */
  bytesOf(key: number): Uint8Array {
    return this.store.subarray(this.starts[key]!, this.ends[key]!);
  }

  private append(bytes: Uint8Array, start: number, end: number): number {
    const key = this.size;
    if (key === this.starts.length) this.grow();
    const length = end - start;
    if (this.stored + length > this.store.length) {
      const grown = new Uint8Array(Math.max(this.store.length * 2, this.stored + length));
      grown.set(this.store.subarray(0, this.stored));
      this.store = grown;
    }
    const store = this.store;
    const at = this.stored;
    for (let i = 0; i < length; i += 1) store[at + i] = bytes[start + i]!;
    this.starts[key] = at;
    this.ends[key] = at + length;
    this.stored = at + length;
    this.size += 1;
    return key;
  }

  /** Byte order of bytes[start, end) against the stored key's bytes. */
  private compare(bytes: Uint8Array, start: number, end: number, key: number): number {
    const store = this.store;
    const b = this.starts[key]!;
    const bLength = this.ends[key]! - b;
    const n = Math.min(end - start, bLength);
    for (let i = 0; i < n; i += 1) {
      const d = bytes[start + i]! - store[b + i]!;
      if (d !== 0) return d;
    }
    return end - start - bLength;
  }

  /** Puts every key appended on the ascending path into the hash table. */
  private indexAll(): void {
    let capacity = this.mask + 1;
    while (capacity < this.size * 2 + 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    for (let key = 0; key < this.size; key += 1) {
      const hash = hashOf(this.store, this.starts[key]!, this.ends[key]!);
      let slot = hash & this.mask;
      while (this.slots[slot * 2] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = key + 1;
      this.slots[slot * 2 + 1] = hash;
    }
  }

  private equal(stored: number, bytes: Uint8Array, start: number, length: number): boolean {
    const store = this.store;
    for (let i = 0; i < length; i += 1) if (store[stored + i] !== bytes[start + i]) return false;
    return true;
  }

  private grow(): void {
    const grown = (array: Int32Array) => {
      const next = new Int32Array(array.length * 2);
      next.set(array);
      return next;
    };
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
  }

  private rehash(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    for (let s = 0; s < old.length; s += 2) {
      const keyPlusOne = old[s]!;
      if (keyPlusOne === 0) continue;
      const hash = old[s + 1]!;
      let slot = hash & this.mask;
      while (this.slots[slot * 2] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = keyPlusOne;
      this.slots[slot * 2 + 1] = hash;
    }
  }
}

function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash;
}
