// Manual-entry cells that are not one plain number: a state (実施 / 未実施 / 検討中 / ―) for a status measure,
// or two figures in one cell (320人（８回）) for a pair measure. Reads text only; no arithmetic.
import type { Measure, Plan } from '../config/catalog-schema.ts';
import { issueMessageJa } from '../lib/issue-catalog.ts';
import { parseLooseNumber } from '../lib/parse-number.ts';

/** A cell that cannot be read: its catalog code and parameters (the caller adds the measure and the fiscal year). */
export type SpecialValueProblem =
  | { kind: 'problem'; code: 'manual-entry-unknown-status'; params: { raw: string; statuses: string }; messageJa: string }
  | { kind: 'problem'; code: 'manual-entry-bad-pair'; params: { raw: string; secondaryUnit: string }; messageJa: string };

export type SpecialValue = { kind: 'status'; status: string } | { kind: 'pair'; value: number; secondaryValue?: number } | SpecialValueProblem;

// `messageJa` is the catalog's message after 「{measure}（{fiscalYear}）」, for manual-entry-workbook.ts until it
// builds the issue itself with issueOf(code, { ...params, measure, fiscalYear }).
const afterMeasure = (message: string) => message.slice('（）'.length);

/** Keeps digits, sign marks and separators: 320人 → 320, ８回 → 8. */
const numberIn = (text: string) => parseLooseNumber(text.normalize('NFKC').replace(/[^0-9.,▲△-]/g, ''));

export function readSpecialValue(measure: Measure, text: string, statuses: Plan['statuses']): SpecialValue {
  if (measure.valueType === 'status') {
    const normalized = text.normalize('NFKC').trim();
    const found = statuses.find((s) => s.labelJa.normalize('NFKC') === normalized);
    if (found) return { kind: 'status', status: found.labelJa };
    const params = { raw: text, statuses: statuses.map((s) => s.labelJa).join('・') };
    const messageJa = afterMeasure(issueMessageJa('manual-entry-unknown-status', { ...params, measure: '', fiscalYear: '' }));
    return { kind: 'problem', code: 'manual-entry-unknown-status', params, messageJa };
  }
  const pair = /^(.*?)[（(](.*?)[)）]\s*$/.exec(text.normalize('NFKC').trim());
  const value = numberIn(pair ? pair[1]! : text);
  const secondaryValue = pair ? numberIn(pair[2]!) : undefined;
  if (value === null || secondaryValue === null || (pair && !/\d/.test(pair[1]!))) {
    const params = { raw: text, secondaryUnit: measure.secondaryUnit ?? '' };
    const messageJa = afterMeasure(issueMessageJa('manual-entry-bad-pair', { ...params, measure: '', fiscalYear: '' }));
    return { kind: 'problem', code: 'manual-entry-bad-pair', params, messageJa };
  }
  return { kind: 'pair', value, ...(secondaryValue === undefined ? {} : { secondaryValue }) };
}
