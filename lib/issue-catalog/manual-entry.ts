// Issues of the manual-entry workbook (sources/manual-entry-workbook.ts, sources/read-special-value.ts).
import type { IssueSpec } from './issue-spec.ts';

const ROW_NOT_READ_JA = 'この行は読み込みません';
const FILE_NOT_READ_JA = 'このブックは読み込みません';

export const manualEntryIssueSpecs = {
  'manual-entry-unreadable': {
    severity: 'error',
    rejectsFile: true,
    ja: { reason: '{reason}。このファイルは読み込みません', unknown: 'Excelブック（.xlsx）として開けません。Excelで開いて .xlsx 形式で保存し直してください' },
    en: { reason: '{reason}. This file is not read', unknown: 'The file cannot be opened as an Excel workbook (.xlsx). Open it in Excel and save it as .xlsx' },
    whatToDoJa: 'Excelで開いて .xlsx 形式で保存し直し、置き直す',
    whatToDoEn: 'Open the file in Excel, save it as .xlsx and put it back',
  },
  'manual-entry-no-sheet': {
    severity: 'error',
    rejectsFile: true,
    ja: 'シート「{sheet}」がありません。lei template で作ったブックに入力してください',
    en: 'There is no sheet "{sheet}". Enter the values in a workbook made by lei template',
    whatToDoJa: 'lei template で作ったブックに入力する',
    whatToDoEn: 'Enter the values in a workbook made by lei template',
  },
  'manual-entry-missing-column': {
    severity: 'error',
    rejectsFile: true,
    ja: {
      found: `見出し行（{row}行目）に列「{columns}」が見つかりません（この行にある見出し: {found}）。見出しを書き換えずに、lei template で作ったブックに入力してください。${FILE_NOT_READ_JA}`,
      none: `先頭 {rows} 行に、列「{columns}」のある見出し行が見つかりません（{row}行目にある文字: {found}）。見出しを書き換えずに、lei template で作ったブックに入力してください。${FILE_NOT_READ_JA}`,
    },
    en: {
      found:
        'The header row (row {row}) has no column "{columns}" (headers on that row: {found}). Enter the values in a workbook made by lei template without renaming its headers. This file is not read',
      none: 'No header row with the columns "{columns}" in the first {rows} rows (text on row {row}: {found}). Enter the values in a workbook made by lei template without renaming its headers. This file is not read',
    },
    whatToDoJa: '見出しを書き換えずに、lei template で作ったブックに入力する',
    whatToDoEn: 'Use a workbook made by lei template and keep its headers',
  },
  'manual-entry-ambiguous-column': {
    severity: 'error',
    rejectsFile: true,
    ja: {
      file: `見出し行（{row}行目）に列「{column}」に当たる見出しが複数あり（{letters}列: {headers}）、どれを読むか決められません。余分な列の見出しを別の名前にしてください。${FILE_NOT_READ_JA}`,
      column:
        '見出し行（{row}行目）に列「{column}」に当たる見出しが複数あり（{letters}列: {headers}）、どれを読むか決められません。余分な列の見出しを別の名前にしてください。この列は読み込みません',
    },
    en: {
      file: 'The header row (row {row}) has more than one header for the column "{column}" (columns {letters}: {headers}); which one to read cannot be told. Rename the extra column. This file is not read',
      column:
        'The header row (row {row}) has more than one header for the column "{column}" (columns {letters}: {headers}); which one to read cannot be told. Rename the extra column. This column is not read',
    },
    whatToDoJa: '同じ見出し（「値」と「値（前年度）」など）の余分な列の見出しを別の名前にする',
    whatToDoEn: 'Give the extra column another header',
  },
  'manual-entry-merged-header': {
    severity: 'warning',
    ja: '見出しのセル {range} が結合されていて、「{label}」のほかの列の見出しが消えています。ひな形の列の順に、{assigned}として読みました。結合を解除し、各列に見出しを入れ直してください',
    en: 'The header cells {range} are merged, so the headers of the columns after "{label}" are gone. They were read in the template\'s column order as {assigned}. Unmerge the cells and put each column\'s header back',
    whatToDoJa: '見出しのセルの結合を解除し、各列に見出し（lei template のとおり）を入れ直す',
    whatToDoEn: "Unmerge the header cells and put each column's header back as lei template writes it",
  },
  'manual-entry-merged-header-unclear': {
    severity: 'error',
    ja: {
      file: `見出しのセル {range}（{letters}列）が結合されていて、列「{columns}」を区別できません。結合を解除し、各列に見出しを入れ直してください。${FILE_NOT_READ_JA}`,
      column:
        '見出しのセル {range}（{letters}列）が結合されていて、列「{columns}」を区別できません。結合を解除し、各列に見出しを入れ直してください。列「{skipped}」は読み込んでいません',
    },
    en: {
      file: 'The header cells {range} (columns {letters}) are merged, so the columns "{columns}" cannot be told apart. Unmerge the cells and put each column\'s header back. This file is not read',
      column:
        'The header cells {range} (columns {letters}) are merged, so the columns "{columns}" cannot be told apart. Unmerge the cells and put each column\'s header back. The column "{skipped}" was not read',
    },
    whatToDoJa: '見出しのセルの結合を解除し、各列に見出し（lei template のとおり）を入れ直す',
    whatToDoEn: "Unmerge the header cells and put each column's header back as lei template writes it",
  },
  'manual-entry-unnamed-column': {
    severity: 'warning',
    ja: '{column}列には見出しがありませんが、{row}行目（「{raw}」）など {count} 行に入力があります。見出しのない列は読み込みません。列「{missing}」の見出しが消えていれば入れ直してください',
    en: 'Column {column} has no header but holds entries on {count} rows (row {row}: "{raw}"). A column without a header is not read. If the header "{missing}" was cleared, put it back',
    whatToDoJa: '消えた見出し（lei template のとおり）を入れ直す。不要な入力なら消す',
    whatToDoEn: 'Put the cleared header back as lei template writes it, or clear the entries',
  },
  'manual-entry-note-row': {
    severity: 'info',
    ja: '{row}行目「{raw}」は表の注記・余白の行とみなし、読み込みません。値の行なら、指標ID・年度・値を入力してください',
    en: 'Row {row} ("{raw}") is taken as a note, not a value row, and is not read. If it is a value row, enter its measure id, fiscal year and value',
    whatToDoJa: 'なし（値の行なら指標ID・年度・値を入力する）',
    whatToDoEn: 'Nothing (enter the measure id, fiscal year and value if it is a value row)',
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
