// Manual-entry cells that are not one plain number: a state (実施 / 未実施 / 検討中 / ―) for a status measure,
// or two figures in one cell (320人（８回）) for a pair measure. Reads text only; no arithmetic.
import type { Measure, Plan } from '../config/catalog-schema.ts';
import { parseLooseNumber } from '../lib/parse-number.ts';

export type SpecialValue =
  | { kind: 'status'; status: string }
  | { kind: 'pair'; value: number; secondaryValue?: number }
  | { kind: 'problem'; code: 'manual-entry-unknown-status' | 'manual-entry-bad-pair'; messageJa: string };

/** Keeps digits, sign marks and separators: 320人 → 320, ８回 → 8. */
const numberIn = (text: string) => parseLooseNumber(text.normalize('NFKC').replace(/[^0-9.,▲△-]/g, ''));

export function readSpecialValue(measure: Measure, text: string, statuses: Plan['statuses']): SpecialValue {
  if (measure.valueType === 'status') {
    const normalized = text.normalize('NFKC').trim();
    const found = statuses.find((s) => s.labelJa.normalize('NFKC') === normalized);
    if (found) return { kind: 'status', status: found.labelJa };
    return {
      kind: 'problem',
      code: 'manual-entry-unknown-status',
      messageJa: `の値「${text}」は状態として読めません。${statuses.map((s) => s.labelJa).join('・')} のどれかを選んでください。この行は読み込みません`,
    };
  }
  const pair = /^(.*?)[（(](.*?)[)）]\s*$/.exec(text.normalize('NFKC').trim());
  const value = numberIn(pair ? pair[1]! : text);
  const secondaryValue = pair ? numberIn(pair[2]!) : undefined;
  if (value === null || secondaryValue === null || (pair && !/\d/.test(pair[1]!))) {
    return {
      kind: 'problem',
      code: 'manual-entry-bad-pair',
      messageJa: `の値「${text}」は読めません。「320（8）」のように、1つ目の数値と括弧の中に2つ目の数値（${measure.secondaryUnit ?? ''}）を書いてください。この行は読み込みません`,
    };
  }
  return { kind: 'pair', value, ...(secondaryValue === undefined ? {} : { secondaryValue }) };
}
