// What a replacement (a re-sent wave or a corrected frame file) changes in the published survey figures: each
// total and breakdown cell compared as published (the value rounded to the measure's decimals, n, and status).
import type { SurveyRevisionRow } from '../lib/datasets/survey-tables.ts';
import { roundHalfUp } from '../lib/decimal.ts';
import type { SurveyBinding } from '../sources/industry-survey/resolve-survey-bindings.ts';
import type { MeasureEstimate } from './estimate-survey-shares.ts';

interface Published {
  status: 'estimated' | 'suppressed' | 'withheld' | 'absent';
  value: number | null;
  n: number | null;
  label: string;
}

function publishedCells(binding: SurveyBinding, e: MeasureEstimate): Map<string, Published> {
  const cells = new Map<string, Published>();
  if (e.status === 'notAsked') return cells;
  if (e.status === 'withheld') {
    cells.set('total\u0000all', { status: 'withheld', value: null, n: null, label: '全体' });
    return cells;
  }
  for (const c of [e.total, ...e.groups]) {
    const value = binding.estimate === 'weighted' ? c.estimate.weightedShare : c.estimate.share;
    cells.set(`${c.dimension}\u0000${c.groupCode}`, {
      status: c.suppression ? 'suppressed' : 'estimated',
      value: c.suppression || value === null ? null : roundHalfUp(value, binding.decimals),
      n: c.estimate.n,
      label: c.groupLabelJa,
    });
  }
  return cells;
}

/** Every published figure (total and breakdown cells: value as published, n, status) that differs between two estimates. */
export function diffSurveyEstimates(
  bindings: readonly SurveyBinding[],
  before: MeasureEstimate[],
  after: MeasureEstimate[],
  replaced: string,
  replacement: string,
): Omit<SurveyRevisionRow, 'run_id'>[] {
  const rows: Omit<SurveyRevisionRow, 'run_id'>[] = [];
  bindings.forEach((b, k) => {
    const old = publishedCells(b, before[k]!);
    const next = publishedCells(b, after[k]!);
    const withheld = (m: Map<string, Published>) => m.get('total\u0000all')?.status === 'withheld';
    for (const key of new Set([...old.keys(), ...next.keys()])) {
      const absent = (m: Map<string, Published>): Published => ({ status: withheld(m) ? 'withheld' : 'absent', value: null, n: null, label: '' });
      const o = old.get(key) ?? absent(old);
      const x = next.get(key) ?? absent(next);
      if (o.status === x.status && o.value === x.value && o.n === x.n) continue;
      const [dimension, group] = key.split('\u0000') as [string, string];
      rows.push({
        measure_id: b.measureId,
        name_ja: b.nameJa,
        fiscal_year: after[k]!.fiscalYear,
        dimension,
        group_code: group,
        group_label: x.label || o.label,
        replaced_file: replaced,
        replacement_file: replacement,
        old_value: o.value,
        new_value: x.value,
        old_n: o.n,
        new_n: x.n,
        old_status: o.status,
        new_status: x.status,
      });
    }
  });
  return rows;
}
