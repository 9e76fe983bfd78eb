// The respondent ids of one file, to find a respondent sent twice. While every id is above the one before (numbers,
// or text ids such as C24-000123 in text order: the usual export) none can repeat, so the ids are indexed only from
// the first one out of order. Ids stay in the archive: issues locate a repeat by its row numbers.
import { normalizeHeader } from '../../lib/normalize-header.ts';

export class RespondentIds {
  /** Per respondent slot: the id's key (null when the cell is empty), set by the ingester for every row it keeps. */
  readonly ids: (string | null)[] = [];
  private readonly slots = new Map<string, number>();
  private ascending = true;
  private last: number | string | null = null;

  /** The key a respondent id cell stands for (full-width folded, spaces collapsed), or null when empty. */
  static keyOf(v: unknown): string | null {
    if (v === null || v === undefined) return null;
    // Printable ASCII without spaces (C24-000123) is its own key: normalizeHeader would return it unchanged.
    if (typeof v === 'string' && isPlainAscii(v)) return v;
    const key = typeof v === 'number' ? String(v) : normalizeHeader(v);
    return key === '' ? null : key;
  }

  /**
   * Slot `i` (after the `i` respondents kept so far) has id `key` from cell value `raw`: the slot of the respondent kept
   * before with the same id, or undefined.
   */
  earlierSlot(key: string, raw: unknown, i: number): number | undefined {
    const last = this.last;
    if (
      this.ascending &&
      (typeof raw === 'number' ? last === null || (typeof last === 'number' && raw > last) : last === null || (typeof last === 'string' && key > last))
    ) {
      this.last = typeof raw === 'number' ? raw : key;
      return undefined;
    }
    if (this.ascending) this.index(i);
    const first = this.slots.get(key);
    if (first === undefined) this.slots.set(key, i);
    return first;
  }

  /** The first id out of order: the ids of the slots kept so far are indexed, and every later id is looked up. */
  private index(kept: number): void {
    this.ascending = false;
    for (let j = 0; j < kept; j += 1) {
      const id = this.ids[j];
      if (id !== null && id !== undefined) this.slots.set(id, j);
    }
  }
}

function isPlainAscii(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}
