// The shared strings of a workbook, compact: a 1M-respondent wave has a million of them (one per respondent id), and
// as separate JS strings in an array they cost ~40 bytes each. Here they are joined into a few long strings with the
// end of each in a typed array (~14 bytes for a 10-character id); a lookup slices its string out.

/** What the sheet scanner asks of the shared strings (a plain string[] also answers it). */
export interface SharedStrings {
  at(index: number): string | undefined;
}

// A chunk is closed at this many strings (few enough that a chunk of ASCII ids stays a one-byte string when Japanese
// text is elsewhere in the part) or characters (short of V8's string limit).
const CHUNK_STRINGS = 4096;
const CHUNK_CHARS = 1 << 24;
// Slices at least this long would be V8 sliced strings that keep their whole chunk alive (see own()).
const SLICED_MIN = 13;

export class SharedStringTable implements SharedStrings {
  private readonly chunks: string[] = [];
  /** Index of the first string of each chunk. */
  private readonly firsts: number[] = [];
  /** End of string i within its chunk. */
  private ends = new Int32Array(1024);
  private pending: string[] = [];
  private pendingChars = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(text: string): void {
    if (this.count === this.ends.length) {
      const grown = new Int32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    if (this.pending.length === 0) this.firsts.push(this.count);
    this.pending.push(text);
    this.pendingChars += text.length;
    this.ends[this.count] = this.pendingChars;
    this.count += 1;
    if (this.pending.length === CHUNK_STRINGS || this.pendingChars >= CHUNK_CHARS) this.seal();
  }

  /** Joins the strings pushed since the last chunk into one; called once the part is read (and by push as chunks fill). */
  seal(): this {
    if (this.pending.length > 0) this.chunks.push(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
    return this;
  }

  at(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count || this.pending.length > 0) return undefined;
    const firsts = this.firsts;
    // The last chunk whose first string is at or before index.
    let low = 0;
    let high = firsts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (firsts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    const c = low;
    const start = index === firsts[c] ? 0 : this.ends[index - 1]!;
    const end = this.ends[index]!;
    const text = this.chunks[c]!.slice(start, end);
    // A cell's text may be kept (a free-text answer) after the table is gone: it must not pin its whole chunk.
    return end - start < SLICED_MIN ? text : (' ' + text).slice(1);
  }
}
