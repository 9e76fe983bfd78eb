// Manual-entry cells that are not one plain number: a state (実施 / 未実施 / 検討中 / ―) for a status measure,
// or two figures in one cell (320人（８回）) for a pair measure. Reads text only; no arithmetic.
import type { Measure, Plan } from '../config/catalog-schema.ts';
import { parseLooseNumber } from '../lib/parse-number.ts';

/** A cell that cannot be read: its catalog code and parameters (the caller adds the measure and the fiscal year). */
export type SpecialValueProblem =
  | { kind: 'problem'; code: 'manual-entry-unknown-status'; params: { raw: string; statuses: string } }
  | { kind: 'problem'; code: 'manual-entry-bad-pair'; params: { raw: string; secondaryUnit: string } };

export type SpecialValue = { kind: 'status'; status: string } | { kind: 'pair'; value: number; secondaryValue?: number } | SpecialValueProblem;

/** Keeps digits, sign marks and separators: 320人 → 320, ８回 → 8. */
const numberIn = (text: string) => parseLooseNumber(text.normalize('NFKC').replace(/[^0-9.,▲△-]/g, ''));

export function readSpecialValue(measure: Measure, text: string, statuses: Plan['statuses']): SpecialValue {
  if (measure.valueType === 'status') {
    const normalized = text.normalize('NFKC').trim();
    const found = statuses.find((s) => s.labelJa.normalize('NFKC') === normalized);
    if (found) return { kind: 'status', status: found.labelJa };
    const params = { raw: text, statuses: statuses.map((s) => s.labelJa).join('・') };
    return { kind: 'problem', code: 'manual-entry-unknown-status', params };
  }
  const pair = /^(.*?)[（(](.*?)[)）]\s*$/.exec(text.normalize('NFKC').trim());
  const value = numberIn(pair ? pair[1]! : text);
  const secondaryValue = pair ? numberIn(pair[2]!) : undefined;
  if (value === null || secondaryValue === null || (pair && !/\d/.test(pair[1]!))) {
    const params = { raw: text, secondaryUnit: measure.secondaryUnit ?? '' };
    return { kind: 'problem', code: 'manual-entry-bad-pair', params };
  }
  return { kind: 'pair', value, ...(secondaryValue === undefined ? {} : { secondaryValue }) };
}
