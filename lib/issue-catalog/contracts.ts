// Issues of the data contracts (transforms/evaluate-contracts.ts; the rules are config/contract-rules.ts). Every
// message reads 「データ規則「{rule's title}」: {finding}。{what to do}。{consequence}」: the finding is also the reason a
// withheld value carries, and the consequence follows the severity contracts.yaml gives the rule.
import type { IssueSpec } from './issue-spec.ts';

/** Each rule's title, what it found (with named parameters) and what to do, in both languages. */
export const contractWordings = {
  'contract-negative': {
    titleJa: '負の値',
    titleEn: 'Negative value',
    findingJa: {
      value: '{measure}（{fiscalYear}）の値 {value}が負です',
      reading: '{reading}が負です（{value}）。年度の値（{measures}）を正しく作れません',
    },
    findingEn: {
      value: 'the value {value} of {measure} ({fiscalYear}) is negative',
      reading: '{reading} is negative ({value}); the fiscal-year values ({measures}) cannot be formed',
    },
    whatToDoJa: '元の資料で値を確かめ、正しい値（0 以上）に直してください。本当に負になる指標なら contracts.yaml でこの規則を off にしてください',
    whatToDoEn: 'Check the value in the original and correct it (0 or more). If the measure can really be negative, turn this rule off in contracts.yaml',
  },
  'contract-not-integer': {
    titleJa: '整数でない件数',
    titleEn: 'Count not a whole number',
    findingJa: '{measure}（{fiscalYear}）の値 {value}が整数ではありません（単位 {unit}）',
    findingEn: 'the value {value} of {measure} ({fiscalYear}) is not a whole number (unit {unit})',
    whatToDoJa: '件数は整数で入力してください（小数点や単位の打ち間違いがないか確かめてください）',
    whatToDoEn: 'Enter counts as whole numbers (check for a mistyped decimal point or unit)',
  },
  'contract-out-of-range': {
    titleJa: '範囲外の値',
    titleEn: 'Value out of range',
    findingJa: '{measure}（{fiscalYear}）の値 {value}が範囲（{min}〜{max}）の外です',
    findingEn: 'the value {value} of {measure} ({fiscalYear}) is outside the range ({min} to {max})',
    whatToDoJa: '元の資料で値と単位を確かめて直してください。範囲の設定が誤っていれば contracts.yaml の min・max を直してください',
    whatToDoEn: 'Check the value and its unit in the original and correct them. If the range is wrong, correct min and max in contracts.yaml',
  },
  'contract-cumulative-decreased': {
    titleJa: '累計の減少',
    titleEn: 'Cumulative figure decreased',
    findingJa: '{measure}が{previousYear}の {previous} から{fiscalYear}の {value} に減っています',
    findingEn: '{measure} went down from {previous} in {previousYear} to {value} in {fiscalYear}',
    whatToDoJa: '累計は減らないはずです。どちらかの年度の値の誤りです。元の資料を確かめてください',
    whatToDoEn: 'A cumulative figure cannot go down: one of the two years is wrong. Check the originals',
  },
  'contract-future-fiscal-year': {
    titleJa: 'まだ始まっていない年度の実績',
    titleEn: 'Actual for a fiscal year not started',
    findingJa: '{fiscalYear}はまだ始まっていません（実行時点 {asOf}）',
    findingEn: '{fiscalYear} has not started yet (run as of {asOf})',
    whatToDoJa: '年度の列が正しいか確かめてください（目標値を実績の欄に入力していないか）。その年度が始まってから入力してください',
    whatToDoEn: 'Check the fiscal-year column (a target entered as an actual?). Enter it once the year has started',
  },
  'contract-file-period-mismatch': {
    titleJa: 'ファイルの年度と行の年度の食い違い',
    titleEn: "Row's fiscal year differs from the file's",
    findingJa: 'ファイルは{fileYear}のものですが、この行は{rowYear}です（{measure}）',
    findingEn: 'the file is for {fileYear} but this row is for {rowYear} ({measure})',
    whatToDoJa: 'その年度のブック（lei template --year で作る）に入力するか、行の年度を直してください',
    whatToDoEn: "Enter it in that year's workbook (made by lei template --year) or correct the row's fiscal year",
  },
  'contract-months-missing': {
    titleJa: '締まった年度の月次報告の欠け',
    titleEn: 'Monthly reports missing from a closed fiscal year',
    findingJa: '{fiscalYear}は終わっていますが、{series}の {months} がありません',
    findingEn: '{fiscalYear} has ended but {series} lacks {months}',
    whatToDoJa: '欠けている月の報告を事業者から取り寄せて受信箱に置いてください',
    whatToDoEn: "Get the missing months' reports from the operator and put them in the inbox",
  },
  'contract-records-incomplete': {
    titleJa: '抽出期間を覆わない記録の出力',
    titleEn: 'Record export short of its period',
    findingJa:
      '{export}の抽出期間は {from}〜{to} ですが、{firstEmpty}〜{lastEmpty} のうち {emptyMonths} か月に記録が1件もありません（出力が途中で切れている可能性）',
    findingEn:
      '{export} states the period {from} to {to}, but {emptyMonths} months of {firstEmpty} to {lastEmpty} have no record (the export may be cut short)',
    whatToDoJa: '出力が途中で切れていないか確かめ、抽出期間の全体を出力し直して置き直してください',
    whatToDoEn: 'Check whether the export was cut short; export the whole period again and replace it',
  },
  'contract-unknown-category': {
    titleJa: '決められていない区分',
    titleEn: 'Undeclared category',
    findingJa: '{column}「{value}」（{count} 件）は決められた区分（{allowed}）にありません。どの指標に数えるべきか分からないため、件数が確定しません',
    findingEn:
      '{column} "{value}" ({count} records) is not one of the declared categories ({allowed}); the counts are not final, as it is unknown which measure it counts for',
    whatToDoJa: '区分の打ち間違いなら元の記録を直してください。新しい区分なら contracts.yaml の values に加え、数える指標の filter も見直してください',
    whatToDoEn: "If it is a typo, correct the record. If it is a new category, add it to values in contracts.yaml and review the counting measures' filter",
  },
  'contract-volume-change': {
    titleJa: '前年度からの大きな増減',
    titleEn: 'Large change from the previous year',
    findingJa: '{measure}が{previousYear}の {previous} から{fiscalYear}の {value} へ {change}% 変わりました（規則の上限 ±{maxChange}%）',
    findingEn: '{measure} changed from {previous} in {previousYear} to {value} in {fiscalYear}, {change}% (the rule allows ±{maxChange}%)',
    whatToDoJa: '元のデータが欠けていないか・重複していないか確かめてください。実際の変化なら対応は不要です',
    whatToDoEn: 'Check the source data for gaps or duplicates. If the change is real, nothing needs doing',
  },
  'contract-survey-instrument-empty': {
    titleJa: '回答のない調査票ファイル',
    titleEn: 'Survey file without answers',
    findingJa: '{instrument}（{fiscalYear}）の回答ファイルに回答の行がありません（見出し行だけ）',
    findingEn: 'the answer file of {instrument} ({fiscalYear}) has no answer rows (headers only)',
    whatToDoJa: '調査会社に回答データの入ったファイルを送り直してもらい、置き直してください',
    whatToDoEn: 'Ask the survey vendor to send the file with its answers again, and replace it',
  },
  'contract-survey-instrument-missing': {
    titleJa: '調査票のそろわない年度',
    titleEn: 'Survey instrument missing from a year',
    findingJa: '{fiscalYear}の{instrument}の回答ファイルがありません（ほかの年度にはあります）',
    findingEn: 'there is no answer file of {instrument} for {fiscalYear} (other years have one)',
    whatToDoJa: '欠けている調査票の回答ファイルを受信箱に置いてください',
    whatToDoEn: "Put the missing instrument's answer file in the inbox",
  },
} as const;

/** The message's last sentence, by the severity contracts.yaml gives the rule: `error` withholds the value. */
export const contractConsequenceJa = { error: 'この値は公表しません', warning: '値は公表しています' } as const;

const SEVERITIES = ['error', 'warning'] as const;
type Wordings = typeof contractWordings;

function messageJa<T extends string, F extends string, D extends string>(title: T, finding: F, whatToDo: D) {
  return `データ規則「${title}」: ${finding}。${whatToDo}。{consequence}` as const;
}

function messageEn<T extends string, F extends string, D extends string>(title: T, finding: F, whatToDo: D) {
  return `Data contract "${title}": ${finding}. ${whatToDo}. {consequence}` as const;
}

/** A rule with one finding. */
function spec<C extends Exclude<keyof Wordings, 'contract-negative'>>(code: C) {
  const w: Wordings[C] = contractWordings[code];
  return {
    severity: SEVERITIES,
    ja: messageJa(w.titleJa, w.findingJa, w.whatToDoJa),
    en: messageEn(w.titleEn, w.findingEn, w.whatToDoEn),
    whatToDoJa: w.whatToDoJa,
    whatToDoEn: w.whatToDoEn,
  };
}

const negative = contractWordings['contract-negative'];

export const contractIssueSpecs = {
  'contract-negative': {
    severity: SEVERITIES,
    ja: {
      value: messageJa(negative.titleJa, negative.findingJa.value, negative.whatToDoJa),
      reading: messageJa(negative.titleJa, negative.findingJa.reading, negative.whatToDoJa),
    },
    en: {
      value: messageEn(negative.titleEn, negative.findingEn.value, negative.whatToDoEn),
      reading: messageEn(negative.titleEn, negative.findingEn.reading, negative.whatToDoEn),
    },
    whatToDoJa: negative.whatToDoJa,
    whatToDoEn: negative.whatToDoEn,
  },
  'contract-not-integer': spec('contract-not-integer'),
  'contract-out-of-range': spec('contract-out-of-range'),
  'contract-cumulative-decreased': spec('contract-cumulative-decreased'),
  'contract-future-fiscal-year': spec('contract-future-fiscal-year'),
  'contract-file-period-mismatch': spec('contract-file-period-mismatch'),
  'contract-months-missing': spec('contract-months-missing'),
  'contract-records-incomplete': spec('contract-records-incomplete'),
  'contract-unknown-category': spec('contract-unknown-category'),
  'contract-volume-change': spec('contract-volume-change'),
  'contract-survey-instrument-empty': spec('contract-survey-instrument-empty'),
  'contract-survey-instrument-missing': spec('contract-survey-instrument-missing'),
} as const satisfies Record<keyof Wordings, IssueSpec>;
