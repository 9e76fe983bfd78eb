// Issues of the manual-entry workbook (sources/manual-entry-workbook.ts, sources/read-special-value.ts).
import type { IssueSpec } from './issue-spec.ts';

const ROW_NOT_READ_JA = 'この行は読み込みません';

export const manualEntryIssueSpecs = {
  'manual-entry-unreadable': {
    severity: 'error',
    ja: { reason: '{reason}。このファイルは読み込みません', unknown: 'Excelブック（.xlsx）として開けません。Excelで開いて .xlsx 形式で保存し直してください' },
    en: { reason: '{reason}. This file is not read', unknown: 'The file cannot be opened as an Excel workbook (.xlsx). Open it in Excel and save it as .xlsx' },
    whatToDoJa: 'Excelで開いて .xlsx 形式で保存し直し、置き直す',
    whatToDoEn: 'Open the file in Excel, save it as .xlsx and put it back',
  },
  'manual-entry-no-sheet': {
    severity: 'error',
    ja: 'シート「{sheet}」がありません。lei template で作ったブックに入力してください',
    en: 'There is no sheet "{sheet}". Enter the values in a workbook made by lei template',
    whatToDoJa: 'lei template で作ったブックに入力する',
    whatToDoEn: 'Enter the values in a workbook made by lei template',
  },
  'manual-entry-missing-column': {
    severity: 'error',
    ja: '見出し行に列「{columns}」が見つかりません。見出しを書き換えずに、lei template で作ったブックに入力してください',
    en: 'The header row has no column "{columns}". Enter the values in a workbook made by lei template without renaming its headers',
    whatToDoJa: '見出しを書き換えずに、lei template で作ったブックに入力する',
    whatToDoEn: 'Use a workbook made by lei template and keep its headers',
  },
  'manual-entry-missing-measure-id': {
    severity: 'error',
    ja: '値はありますが指標IDが空です。指標IDの列は消さないでください',
    en: 'The row has a value but no measure id. Do not clear the measure id column',
    whatToDoJa: '指標IDの列を消さずに入力し直す',
    whatToDoEn: 'Restore the measure id of the row',
  },
  'manual-entry-unknown-measure': {
    severity: 'error',
    ja: '指標ID「{measureId}」は設定にありません。最新の lei template で作り直したブックを使ってください',
    en: 'Measure id "{measureId}" is not in the config. Use a workbook made again by the latest lei template',
    whatToDoJa: '最新の lei template で作り直したブックに入力する',
    whatToDoEn: 'Make the workbook again with the latest lei template',
  },
  'manual-entry-bad-fiscal-year': {
    severity: 'error',
    ja: '年度「{raw}」を読み取れません。「令和6年度」「R6」「2024年度」のように書いてください',
    en: 'Fiscal year "{raw}" cannot be read. Write it like 令和6年度, R6 or 2024年度',
    whatToDoJa: '「令和6年度」「R6」「2024年度」のように書く',
    whatToDoEn: 'Write the fiscal year like 令和6年度, R6 or 2024年度',
  },
  'manual-entry-unknown-status': {
    severity: 'error',
    ja: `{measure}（{fiscalYear}）の値「{raw}」は状態として読めません。{statuses} のどれかを選んでください。${ROW_NOT_READ_JA}`,
    en: '{measure} ({fiscalYear}): "{raw}" is not a status. Choose one of {statuses}. This row is not read',
    whatToDoJa: 'plan.yaml の statuses にある状態（実施・未実施 など）を選ぶ',
    whatToDoEn: 'Choose one of the statuses of plan.yaml',
  },
  'manual-entry-bad-pair': {
    severity: 'error',
    ja: `{measure}（{fiscalYear}）の値「{raw}」は読めません。「320（8）」のように、1つ目の数値と括弧の中に2つ目の数値（{secondaryUnit}）を書いてください。${ROW_NOT_READ_JA}`,
    en: '{measure} ({fiscalYear}): "{raw}" cannot be read. Write the first number and the second one ({secondaryUnit}) in brackets, like 320（8）. This row is not read',
    whatToDoJa: '「320（8）」のように、1つ目の数値と括弧の中に2つ目の数値を書く',
    whatToDoEn: 'Write the two figures like 320（8）',
  },
  'manual-entry-marked-missing': {
    severity: 'info',
    ja: '{measure}（{fiscalYear}）は「—」（値なし）として扱います',
    en: '{measure} ({fiscalYear}) is taken as "—" (no value)',
    whatToDoJa: 'なし（値があるなら入力する）',
    whatToDoEn: 'Nothing (enter the value if there is one)',
  },
  'manual-entry-not-a-number': {
    severity: 'error',
    ja: `{measure}（{fiscalYear}）の値「{raw}」は数値ではありません。単位や文字を除いた数値（例: 1952 や 53.2）を入力してください。${ROW_NOT_READ_JA}`,
    en: '{measure} ({fiscalYear}): "{raw}" is not a number. Enter the number without unit or text (e.g. 1952 or 53.2). This row is not read',
    whatToDoJa: '単位や文字を除いた数値（例: 1952 や 53.2）を入力する',
    whatToDoEn: 'Enter a plain number (e.g. 1952 or 53.2)',
  },
  'manual-entry-formula-without-value': {
    severity: 'error',
    ja: `{measure}（{fiscalYear}）の値のセルは式ですが、計算結果が保存されていません（Excel 以外のツールで書き込まれたブックなど）。Excelで開いて保存し直すか、数値を入力してください。${ROW_NOT_READ_JA}`,
    en: '{measure} ({fiscalYear}): the value cell holds a formula saved without its result (e.g. a workbook written by a tool other than Excel). Open and save it in Excel, or enter the number. This row is not read',
    whatToDoJa: 'Excelで開いて保存し直す（式の結果が保存される）か、数値を入力する',
    whatToDoEn: 'Open and save the workbook in Excel (which stores the results) or enter the number',
  },
  'manual-entry-date-value': {
    severity: 'error',
    ja: `{measure}（{fiscalYear}）の値が日付（{raw}）になっています。Excelが入力を日付に変えた可能性があります。セルの表示形式を「標準」にして数値を入力し直してください。${ROW_NOT_READ_JA}`,
    en: '{measure} ({fiscalYear}): the value is a date ({raw}); Excel may have turned the entry into a date. Set the cell format to General and enter the number again. This row is not read',
    whatToDoJa: 'セルの表示形式を「標準」にして数値を入力し直す',
    whatToDoEn: 'Set the cell format to General and enter the number again',
  },
  'manual-entry-percent-cell': {
    severity: 'warning',
    ja: '{measure}（{fiscalYear}）の値のセルはパーセント表示（{raw}）で、セルの中身は {stored} です。表示どおり {value}（%）として読みました。セルの表示形式を「標準」にして {value} と入力してください',
    en: '{measure} ({fiscalYear}): the value cell is shown as a percentage ({raw}) and holds {stored}; it was read as shown, {value} (%). Set the cell format to General and enter {value}',
    whatToDoJa: 'セルの表示形式を「標準」にして、% を付けずに数値を入力する',
    whatToDoEn: 'Set the cell format to General and enter the number without %',
  },
  'manual-entry-out-of-range': {
    severity: 'error',
    ja: '{measure}（{fiscalYear}）は割合（%）なので 0〜100 で入力してください（入力値 {raw}）',
    en: '{measure} ({fiscalYear}) is a percentage: enter 0 to 100 (entered {raw})',
    whatToDoJa: '割合は 0〜100 で入力する',
    whatToDoEn: 'Enter a percentage between 0 and 100',
  },
  'manual-entry-duplicate': {
    severity: 'error',
    ja: '{measure}（{fiscalYear}）が {earlierRow}行目と重複し、値が異なります（{earlierValue} と {value}）。どちらか一方を残してください。この指標のこの年度は採用しません',
    en: '{measure} ({fiscalYear}) is also on row {earlierRow} with another value ({earlierValue} and {value}). Keep one of them. This measure and year are not used',
    whatToDoJa: '重複した行のどちらか一方を残す',
    whatToDoEn: 'Keep only one of the two rows',
  },
} as const satisfies Record<string, IssueSpec>;
