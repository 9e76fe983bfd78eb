// The sheet row of each respondent kept, as runs of consecutive rows: a file's rows follow one another except where
// an empty or repeated row was dropped, so a 1M-respondent wave takes a few runs instead of 4 MB.

export class RowNumbers {
  /** First slot and its row, per run. */
  private slots: Int32Array = new Int32Array(8);
  private rows: Int32Array = new Int32Array(8);
  private runs = 0;
  private last = 0;
  /** Respondents (slots) so far. */
  count = 0;
  min = Infinity;
  max = -Infinity;

  /** The row of the next respondent kept. */
  push(row: number): void {
    if (this.runs === 0 || row !== this.last + 1) {
      if (this.runs === this.slots.length) {
        this.slots = grown(this.slots);
        this.rows = grown(this.rows);
      }
      this.slots[this.runs] = this.count;
      this.rows[this.runs] = row;
      this.runs += 1;
    }
    this.last = row;
    this.count += 1;
    if (row < this.min) this.min = row;
    if (row > this.max) this.max = row;
  }

  /** The row of respondent slot i (0 ≤ i < count). */
  at(i: number): number {
    let low = 0;
    let high = this.runs - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.slots[mid]! <= i) low = mid;
      else high = mid - 1;
    }
    return this.rows[low]! + (i - this.slots[low]!);
  }
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
