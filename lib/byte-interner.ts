// Gives equal byte strings of one buffer the same small integer without decoding them: a 1M-record export has
// a million ids but only hundreds of distinct dates and categories, so each is decoded and parsed once.
export class ByteInterner {
  /** Open addressing, two ints per slot (key + 1, hash) so a probe touches one cache line. */
  private slots: Int32Array;
  private mask: number;
  private starts: Int32Array;
  private ends: Int32Array;
  // The previous call's bytes and key: sorted or repeated columns (dates, offices) hit it without hashing.
  private lastStart = -1;
  private lastEnd = -1;
  private lastKey = -1;
  // Ids usually come in ascending order; while they do, a new id is greater than every earlier one and can't be a
  // duplicate, so nothing is hashed. The first id out of order indexes all earlier ones and hashing takes over.
  private ascending: boolean;
  size = 0;

  constructor(
    private readonly bytes: Uint8Array,
    expected = 1024,
    options: { ascendingFastPath?: boolean } = {},
  ) {
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
  intern(start: number, end: number): number {
    const length = end - start;
    if (this.lastKey >= 0 && this.lastEnd - this.lastStart === length && this.equal(this.lastStart, start, length)) return this.lastKey;
    if (this.ascending) {
      if (this.size === 0 || this.compare(start, end, this.lastStart, this.lastEnd) > 0) {
        const key = this.append(start, end);
        this.remember(start, end, key);
        return key;
      }
      this.ascending = false;
      this.indexAll();
    }
    const hash = this.hashOf(start, end);
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const key = slots[slot * 2]! - 1;
      if (key < 0) break;
      if (slots[slot * 2 + 1] === hash && this.ends[key]! - this.starts[key]! === length && this.equal(this.starts[key]!, start, length)) {
        this.remember(start, end, key);
        return key;
      }
      slot = (slot + 1) & this.mask;
    }
    const key = this.append(start, end);
    slots[slot * 2] = key + 1;
    slots[slot * 2 + 1] = hash;
    if (this.size * 2 > this.mask + 1) this.rehash();
    this.remember(start, end, key);
    return key;
  }

  /** Where the key's bytes first appeared. */
  range(key: number): [number, number] {
    return [this.starts[key]!, this.ends[key]!];
  }

  private append(start: number, end: number): number {
    const key = this.size;
    if (key === this.starts.length) this.grow();
    this.starts[key] = start;
    this.ends[key] = end;
    this.size += 1;
    return key;
  }

  /** Byte order of [a, aEnd) against [b, bEnd). */
  private compare(a: number, aEnd: number, b: number, bEnd: number): number {
    const bytes = this.bytes;
    const n = Math.min(aEnd - a, bEnd - b);
    for (let i = 0; i < n; i += 1) {
      const d = bytes[a + i]! - bytes[b + i]!;
      if (d !== 0) return d;
    }
    return aEnd - a - (bEnd - b);
  }

  private hashOf(start: number, end: number): number {
    const bytes = this.bytes;
    let hash = 0x811c9dc5 | 0;
    for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    return hash;
  }

  /** Puts every key appended on the ascending path into the hash table. */
  private indexAll(): void {
    let capacity = this.mask + 1;
    while (capacity < this.size * 2 + 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    for (let key = 0; key < this.size; key += 1) {
      const hash = this.hashOf(this.starts[key]!, this.ends[key]!);
      let slot = hash & this.mask;
      while (this.slots[slot * 2] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = key + 1;
      this.slots[slot * 2 + 1] = hash;
    }
  }

  private remember(start: number, end: number, key: number): void {
    this.lastStart = start;
    this.lastEnd = end;
    this.lastKey = key;
  }

  private equal(a: number, b: number, length: number): boolean {
    const bytes = this.bytes;
    for (let i = 0; i < length; i += 1) if (bytes[a + i] !== bytes[b + i]) return false;
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
