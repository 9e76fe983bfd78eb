// The kept records of one 公社 export as groups: records that the counting cannot tell apart (the same date, the same
// value in every column a measure filters on or sums) are one group with its size and its first and last line, so
// memory follows the distinct records (a few thousand for 1M consultations), not the export's length. A record whose
// count cell is not a count is a group of its own: it is reported by its line. Groups are in order of their first line.

/** The groups of one file, column by column: group g is index g of every array. */
export interface KoshaRecordGroups {
  /** Line (CSV) or row (.xlsx) of each group's first and last record. */
  firstLines: Int32Array;
  lastLines: Int32Array;
  /** Records in each group. */
  sizes: Int32Array;
  /** Day number of each group's date; NaN when it cannot be read. */
  days: Float64Array;
  /** Per kept column (in the order given to the builder): each group's value key. */
  keys: Int32Array[];
}

/** A growing column of 32-bit integers. */
class IntColumn {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    this.length += 1;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  get(index: number): number {
    return this.data[index]!;
  }

  values(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** One level of the index: the group of the values so far (at the last level), and the next column's values. */
interface GroupNode {
  group: number;
  next: Map<number, GroupNode>;
}

export class KoshaRecordGroupBuilder {
  private readonly firstLines = new IntColumn();
  private readonly lastLines = new IntColumn();
  private readonly sizes = new IntColumn();
  private readonly days: number[] = [];
  private readonly keys: IntColumn[];
  private readonly byDay = new Map<number, GroupNode>();
  private readonly undated: GroupNode = { group: -1, next: new Map() };
  // Exports are sorted by date, so consecutive records mostly share the day's node.
  private lastDay = Number.NaN;
  private lastDayNode: GroupNode = this.undated;

  /** `columns`: the kept columns' indexes into the `keys` given to add. */
  constructor(private readonly columns: readonly number[]) {
    this.keys = columns.map(() => new IntColumn());
  }

  get size(): number {
    return this.sizes.length;
  }

  /** One kept record: `keys` holds its value key by column index; `alone` keeps it out of every group. */
  add(line: number, day: number, keys: Int32Array, alone: boolean): void {
    if (alone) {
      this.push(line, day, keys);
      return;
    }
    let node: GroupNode;
    if (day === this.lastDay) node = this.lastDayNode;
    else if (day !== day) node = this.undated;
    else {
      node = this.byDay.get(day) ?? this.child(this.byDay, day);
      this.lastDay = day;
      this.lastDayNode = node;
    }
    for (const column of this.columns) {
      const key = keys[column]!;
      node = node.next.get(key) ?? this.child(node.next, key);
    }
    if (node.group === -1) {
      node.group = this.push(line, day, keys);
      return;
    }
    this.sizes.set(node.group, this.sizes.get(node.group) + 1);
    this.lastLines.set(node.group, line);
  }

  finish(): KoshaRecordGroups {
    return {
      firstLines: this.firstLines.values(),
      lastLines: this.lastLines.values(),
      sizes: this.sizes.values(),
      days: Float64Array.from(this.days),
      keys: this.keys.map((k) => k.values()),
    };
  }

  private child(level: Map<number, GroupNode>, value: number): GroupNode {
    const node: GroupNode = { group: -1, next: new Map() };
    level.set(value, node);
    return node;
  }

  private push(line: number, day: number, keys: Int32Array): number {
    const group = this.sizes.length;
    this.firstLines.push(line);
    this.lastLines.push(line);
    this.sizes.push(1);
    this.days.push(day);
    this.columns.forEach((column, i) => this.keys[i]!.push(keys[column]!));
    return group;
  }
}
