// Issues found while resolving values, baselines, targets and the composite (transforms/). The data contracts'
// codes are in config/contract-rules.ts.
import type { IssueSpec } from './issue-spec.ts';

const KEEP_ONE_JA = '正しい値を1つだけ残してください。この値は公表しません';
const KEEP_ONE_EN = 'Keep only the right one. The value is withheld';

export const resultIssueSpecs = {
  'conflicting-values': {
    severity: 'error',
    ja: `指標「{measure}」の{fiscalYear}年度の値が入力間で食い違っています（{values}）。${KEEP_ONE_JA}`,
    en: `The inputs disagree on the {fiscalYear} value of "{measure}" ({values}). ${KEEP_ONE_EN}`,
    whatToDoJa: '正しい値を1つだけ残す（不要な入力を受信箱から除くか直す）',
    whatToDoEn: 'Keep one right value (remove or correct the other input)',
  },
  'conflicting-statuses': {
    severity: 'error',
    ja: `指標「{measure}」の{fiscalYear}の状態が入力間で食い違っています（{statuses}）。${KEEP_ONE_JA}`,
    en: `The inputs disagree on the {fiscalYear} status of "{measure}" ({statuses}). ${KEEP_ONE_EN}`,
    whatToDoJa: '正しい状態を1つだけ残す',
    whatToDoEn: 'Keep one right status',
  },
  'baseline-mismatch': {
    severity: 'warning',
    ja: '指標「{measure}」の基準値が設定（{declared}）と{fiscalYear}年度の入力（{value}）で異なります。入力値を基準値として使いました。設定の baseline.value を確認してください',
    en: 'The baseline of "{measure}" differs between the config ({declared}) and the {fiscalYear} input ({value}). The input was used. Check baseline.value in the config',
    whatToDoJa: '設定の baseline.value を確かめて直す',
    whatToDoEn: 'Check and correct baseline.value in the config',
  },
  'target-total-mismatch': {
    severity: 'warning',
    ja: '行「{line}」（{indicator}）の合計 {declared} は、合計の作り方（{kind}）による値 {computed} と一致しません。印字された合計で達成率を計算しました。目標値か合計を確認してください',
    en: 'The total {declared} of line "{line}" ({indicator}) does not match {computed}, the total by its rule ({kind}). The printed total was used for the achievement rate. Check the targets or the total',
    whatToDoJa: 'action-plan.yaml の目標値か合計を確かめる',
    whatToDoEn: 'Check the targets or the total in action-plan.yaml',
  },
  'composite-no-inputs': {
    severity: 'info',
    ja: '{composite}は入力がひとつもそろわないため算出していません',
    en: '{composite} is not computed: none of its inputs has a value',
    whatToDoJa: '入力の指標の値を入れる',
    whatToDoEn: 'Enter the values of its input measures',
  },
  'composite-below-coverage': {
    severity: 'warning',
    ja: '{composite}は入力{total}件のうち{present}件しかそろわず（被覆率{coverage}%、公表の条件は{minCoverage}%以上）、値を公表していません（composite_index の provisional_value {provisional} は参考値）。欠けている入力: {missing}。値を入力するか、composite.yaml の primary.minCoverage を見直してください',
    en: '{composite} has only {present} of {total} inputs (coverage {coverage}%, {minCoverage}% needed) and is withheld (provisional_value {provisional} in composite_index is for reference). Missing inputs: {missing}. Enter the values, or review primary.minCoverage in composite.yaml',
    whatToDoJa: '欠けている入力の値を入れるか、composite.yaml の primary.minCoverage を見直す',
    whatToDoEn: 'Enter the missing inputs, or review primary.minCoverage in composite.yaml',
  },
} as const satisfies Record<string, IssueSpec>;
