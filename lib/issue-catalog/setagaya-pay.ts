// Issues of Setagaya Pay monthly reports (sources/setagaya-pay-report.ts) and of their fiscal-year values
// (transforms/pay-fiscal-year-values.ts).
import type { IssueSpec } from './issue-spec.ts';
import { NO_CONFIG_EN, NO_CONFIG_JA } from './shared-wording.ts';

const REPORT_NOT_READ_JA = 'この報告は読み込みません';
const REPORT_NOT_READ_EN = 'This report is not read';

export const setagayaPayIssueSpecs = {
  'pay-no-config': {
    severity: 'error',
    rejectsFile: true,
    ja: NO_CONFIG_JA,
    en: NO_CONFIG_EN,
    whatToDoJa: 'config の sources/setagaya-pay.yaml を書く（docs/config.md）',
    whatToDoEn: 'Write sources/setagaya-pay.yaml in the config folder (docs/config.md)',
  },
  'pay-unreadable': {
    severity: 'error',
    rejectsFile: true,
    ja: {
      reason: '{reason}。このファイルは読み込みません',
      unknown: `Excelブック（.xlsx）として開けません。事業者から届いたファイルをそのまま置いてください。${REPORT_NOT_READ_JA}`,
    },
    en: {
      reason: '{reason}. This file is not read',
      unknown: `The file cannot be opened as an Excel workbook (.xlsx). Put the file exactly as the operator sent it. ${REPORT_NOT_READ_EN}`,
    },
    whatToDoJa: '事業者から届いたファイルをそのまま置く',
    whatToDoEn: 'Put the file exactly as the operator sent it',
  },
  'pay-unknown-layout': {
    severity: 'error',
    rejectsFile: true,
    ja: `どの様式の月次報告か分かりません（setagaya-pay.yaml の layouts の detect: {detect} がどのシートにもありません）。様式が変わった場合は layouts に新しい様式を追加してください。${REPORT_NOT_READ_JA}`,
    en: `The layout of the monthly report is unknown (no sheet has any of the detect texts of layouts in setagaya-pay.yaml: {detect}). If the layout changed, add it to layouts. ${REPORT_NOT_READ_EN}`,
    whatToDoJa: '様式が変わったなら setagaya-pay.yaml の layouts に新しい様式を加える',
    whatToDoEn: 'If the operator changed the layout, add it to layouts in setagaya-pay.yaml',
  },
  'pay-bad-month': {
    severity: 'error',
    rejectsFile: true,
    ja: {
      unreadable: `対象月「{raw}」を読めません（例: 2024年4月、令和6年4月）。${REPORT_NOT_READ_JA}`,
      missing: `「{label}」の欄が見つかりません（様式 {layout}）。${REPORT_NOT_READ_JA}`,
    },
    en: {
      unreadable: `The report month "{raw}" cannot be read (e.g. 2024年4月, 令和6年4月). ${REPORT_NOT_READ_EN}`,
      missing: `The field "{label}" is not found (layout {layout}). ${REPORT_NOT_READ_EN}`,
    },
    whatToDoJa: '対象月の欄を確かめる。様式が変わったなら setagaya-pay.yaml を直す',
    whatToDoEn: 'Check the month field; if the layout changed, update setagaya-pay.yaml',
  },
  'pay-month-mismatch': {
    severity: 'error',
    rejectsFile: true,
    ja: `ファイル名は{fromName}ですが、報告の対象月は{month}です。どちらが正しいか事業者に確認してください。${REPORT_NOT_READ_JA}`,
    en: `The file name says {fromName} but the report is for {month}. Ask the operator which is right. ${REPORT_NOT_READ_EN}`,
    whatToDoJa: 'どちらが正しいか事業者に確かめ、正しい名前・内容で置き直す',
    whatToDoEn: 'Ask the operator which is right and put the corrected file',
  },
  'pay-future-month': {
    severity: 'error',
    ja: `報告の対象月は{month}ですが、実行した時点（{asOf}）ではまだ来ていない月です。対象月の書き誤りか、ファイルの取り違えです。事業者に確認し、正しい報告を置き直してください。${REPORT_NOT_READ_JA}`,
    en: `The report is for {month}, a month that has not come yet (run as of {asOf}): the month is mistyped or the file is the wrong one. Ask the operator and put the right report. ${REPORT_NOT_READ_EN}`,
    whatToDoJa: '対象月を事業者に確かめ、正しい報告を置き直す',
    whatToDoEn: 'Check the report month with the operator and put the right report',
  },
  'pay-missing-figure': {
    severity: 'error',
    ja: '「{label}」（{metric}）の欄がありません（様式 {layout}）。様式が変わっていないか確認してください',
    en: 'The field "{label}" ({metric}) is missing (layout {layout}). Check whether the layout changed',
    whatToDoJa: '様式が変わったなら setagaya-pay.yaml の layouts を直す',
    whatToDoEn: 'If the layout changed, update layouts in setagaya-pay.yaml',
  },
  'pay-unit-mismatch': {
    severity: 'error',
    ja: '「{label}」の単位は {printedUnit} ですが、様式 {layout} の設定では {unit} です。様式が変わっていないか確認し、setagaya-pay.yaml を直してください。この値は使いません',
    en: 'The unit of "{label}" is {printedUnit}, but layout {layout} says {unit}. Check whether the layout changed and fix setagaya-pay.yaml. The value is not used',
    whatToDoJa: '様式が変わったか確かめ、setagaya-pay.yaml の単位を直す',
    whatToDoEn: 'Check the layout and fix the unit in setagaya-pay.yaml',
  },
  'pay-not-a-number': {
    severity: 'error',
    ja: '「{label}」の値「{raw}」が数値ではありません。この値は使いません',
    en: 'The value "{raw}" of "{label}" is not a number. It is not used',
    whatToDoJa: '事業者に正しい報告を求める',
    whatToDoEn: 'Ask the operator for a corrected report',
  },
  'pay-formula-without-value': {
    severity: 'error',
    ja: '「{label}」の値のセルは式ですが、計算結果が保存されていません（Excel 以外のツールで書き出された報告など）。この値は使いません',
    en: 'The value cell of "{label}" holds a formula saved without its result (e.g. a report written by a tool other than Excel). It is not used',
    whatToDoJa: '報告をExcelで開いて保存し直す（式の結果が保存される）か、事業者に値の入った報告を求める',
    whatToDoEn: 'Open and save the report in Excel (which stores the results), or ask the operator for a report with values',
  },
  'pay-store-class-total-mismatch': {
    severity: 'warning',
    ja: '店舗区分別の{metric}の合計（{sum}）が報告の値（{total}）と合いません。店舗区分の行が欠けていないか確認してください',
    en: 'The store classes’ {metric} add up to {sum}, not to the reported {total}. Check whether a store class row is missing',
    whatToDoJa: '店舗区分の行が欠けていないか確かめる',
    whatToDoEn: 'Check for a missing store class row',
  },
  'pay-month-outside-fiscal-year': {
    severity: 'error',
    rejectsFile: true,
    ja: '報告の対象月 {month} は、報告に書かれた年度（{statedFiscalYear}）の月ではありません。対象月か年度の誤りです。事業者に確認してください。この報告は使いません',
    en: 'The report month {month} is not in the fiscal year the report states ({statedFiscalYear}): one of them is wrong. Ask the operator. The report is not used',
    whatToDoJa: '事業者に確かめ、直した報告を置く',
    whatToDoEn: 'Ask the operator and put the corrected report',
  },
  'pay-duplicate-month': {
    severity: 'warning',
    ja: '{month}の報告が {count} つあります（{files}）。内容が同じなので1つとして数えました。不要なほうを受信箱から除いてください',
    en: 'There are {count} reports for {month} ({files}). They are identical and count once. Remove the extra one from the inbox',
    whatToDoJa: '不要なほうを受信箱から除く',
    whatToDoEn: 'Remove the extra copy from the inbox',
  },
  'pay-conflicting-month': {
    severity: 'error',
    ja: '{month}の報告が {count} つあり、数値が異なります（{files}）。どちらが正しいか分からないため、この月は欠けているものとして扱います。正しい報告だけを残してください',
    en: 'There are {count} reports for {month} with different figures ({files}). The month is treated as missing. Keep only the right report',
    whatToDoJa: '正しい報告だけを受信箱に残す',
    whatToDoEn: 'Keep only the right report in the inbox',
  },
  'pay-cumulative-decreased': {
    severity: 'error',
    ja: '{decrease}。累計は減らないはずです。どちらかの報告の誤りです。事業者に確認してください。該当する年度の値は公表しません',
    en: '{decrease}. A cumulative figure cannot go down: one of the reports is wrong. Ask the operator. The fiscal years concerned are withheld',
    whatToDoJa: '事業者に確かめ、誤った報告を直して置き直す',
    whatToDoEn: 'Ask the operator and replace the wrong report',
  },
  'pay-cumulative-mismatch': {
    severity: 'warning',
    ja: '{month}の累計支払額の増加（{increase}円）が、その月の決済金額（{amount}円）と合いません。報告の数値を確認してください',
    en: 'The cumulative amount grew by {increase} yen in {month}, but the month’s payments were {amount} yen. Check the report',
    whatToDoJa: '報告の数値を事業者に確かめる',
    whatToDoEn: 'Check the figures with the operator',
  },
  'pay-missing-month': {
    severity: 'error',
    ja: '{fiscalYear}の月次報告のうち {months} がありません。この年度の月の合計（決済回数など）は公表しません。報告を受信箱に置いてください',
    en: 'Monthly reports of {fiscalYear} are missing: {months}. The fiscal year’s monthly sums (payment count etc.) are withheld. Put the reports in the inbox',
    whatToDoJa: '欠けている月の報告を受信箱に置く',
    whatToDoEn: 'Put the missing months’ reports in the inbox',
  },
  'pay-fiscal-year-in-progress': {
    severity: 'info',
    ja: '{fiscalYear}は {latest} までの報告です（{pending} か月分が未着）。月の合計は年度の報告がそろってから公表します',
    en: '{fiscalYear} has reports up to {latest} ({pending} months still to come). Monthly sums are published once the year is complete',
    whatToDoJa: 'なし（報告が届けば公表される）',
    whatToDoEn: 'Nothing (published when the reports arrive)',
  },
} as const satisfies Record<string, IssueSpec>;
