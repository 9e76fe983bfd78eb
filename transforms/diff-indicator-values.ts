// What changed between two runs' indicator values: every slot and year whose value, baseline or index moved.
import type { IndicatorValueRow } from '../lib/datasets/indicator-tables.ts';

export interface ValueChange {
  slot_id: string;
  measure_id: string;
  name_ja: string;
  fiscal_year: number;
  old_value: number | null;
  new_value: number | null;
  old_index: number | null;
  new_index: number | null;
}

type Row = Pick<IndicatorValueRow, 'slot_id' | 'measure_id' | 'name_ja' | 'fiscal_year' | 'value' | 'index' | 'baseline_value'>;

export function diffIndicatorValues(before: readonly Row[], after: readonly Row[]): ValueChange[] {
  const key = (r: Row) => `${r.slot_id}\u0000${r.fiscal_year}`;
  const old = new Map(before.map((r) => [key(r), r]));
  const changes: ValueChange[] = [];
  const seen = new Set<string>();
  for (const r of after) {
    seen.add(key(r));
    const o = old.get(key(r));
    if (o && o.value === r.value && o.index === r.index && o.baseline_value === r.baseline_value) continue;
    if (!o && r.value === null) continue;
    changes.push(change(r, o?.value ?? null, r.value, o?.index ?? null, r.index));
  }
  for (const o of before) if (!seen.has(key(o)) && o.value !== null) changes.push(change(o, o.value, null, o.index, null));
  return changes;
}

function change(r: Row, oldValue: number | null, newValue: number | null, oldIndex: number | null, newIndex: number | null): ValueChange {
  return {
    slot_id: r.slot_id,
    measure_id: r.measure_id,
    name_ja: r.name_ja,
    fiscal_year: r.fiscal_year,
    old_value: oldValue,
    new_value: newValue,
    old_index: oldIndex,
    new_index: newIndex,
  };
}
