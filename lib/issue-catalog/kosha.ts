// Issues of the 産業振興公社's record exports (sources/kosha-records.ts).
import type { IssueSpec } from './issue-spec.ts';
import {
  CUT_INSIDE_CHARACTER_EN,
  CUT_INSIDE_CHARACTER_JA,
  CUT_SHORT_EN,
  CUT_SHORT_JA,
  ENCODING_NOT_ACCEPTED_EN,
  ENCODING_NOT_ACCEPTED_JA,
  NO_CONFIG_EN,
  NO_CONFIG_JA,
  RESAVE_IN_ACCEPTED_EN,
  RESAVE_IN_ACCEPTED_JA,
  UNDECODABLE_EN,
  UNDECODABLE_JA,
} from './shared-wording.ts';

const NOT_READ_JA = 'このファイルは読み込みません';
const NOT_READ_EN = 'This file is not read';
const NOT_COUNTED_JA = 'この記録は数えていません';
const NOT_COUNTED_EN = 'The record is not counted';
// Only the first few problems of a kind are listed per file; the rest are counted in one line under the same code.
const MORE_JA = '同じ種類の問題（{code}）がこのファイルにほか {more} 件あります（先頭 {shown} 件だけを個別に示しています）';
const MORE_EN = 'The file has {more} more problems of the same kind ({code}) (only the first {shown} are listed one by one)';

const CUT_KOSHA_JA = '最後の行は数えず、このファイルが対象とする年度の件数は公表しません';
const CUT_KOSHA_EN = 'The last line is not counted, and the counts of the fiscal years the file covers are withheld';

export const koshaIssueSpecs = {
  'kosha-no-config': {
    severity: 'error',
    rejectsFile: true,
    ja: NO_CONFIG_JA,
    en: NO_CONFIG_EN,
    whatToDoJa: 'config の sources/kosha.yaml を書く（docs/config.md）',
    whatToDoEn: 'Write sources/kosha.yaml in the config folder (docs/config.md)',
  },
  'kosha-unreadable': {
    severity: 'error',
    rejectsFile: true,
    ja: { reason: `{reason}。${NOT_READ_JA}`, unknown: `Excelブック（.xlsx）として開けません。Excelで開いて .xlsx 形式で保存し直してください。${NOT_READ_JA}` },
    en: {
      reason: `{reason}. ${NOT_READ_EN}`,
      unknown: `The file cannot be opened as an Excel workbook (.xlsx). Open it in Excel and save it as .xlsx. ${NOT_READ_EN}`,
    },
    whatToDoJa: 'Excelで開いて .xlsx 形式で保存し直し、置き直す',
    whatToDoEn: 'Open the file in Excel, save it as .xlsx and put it back',
  },
  'kosha-text-undecodable': {
    severity: 'error',
    rejectsFile: true,
    ja: `${UNDECODABLE_JA}。${NOT_READ_JA}`,
    en: `${UNDECODABLE_EN}. ${NOT_READ_EN}`,
    whatToDoJa: '元のシステムからもう一度出力して置き直す',
    whatToDoEn: 'Export the file again from the records system',
  },
  'kosha-text-encoding-not-accepted': {
    severity: 'error',
    rejectsFile: true,
    ja: `${ENCODING_NOT_ACCEPTED_JA}。${RESAVE_IN_ACCEPTED_JA}。${NOT_READ_JA}`,
    en: `${ENCODING_NOT_ACCEPTED_EN}. ${RESAVE_IN_ACCEPTED_EN}. ${NOT_READ_EN}`,
    whatToDoJa: '受け付ける文字コードで保存し直すか、kosha.yaml の encodings を見直す',
    whatToDoEn: 'Save the file in an accepted encoding, or check encodings in kosha.yaml',
  },
  'kosha-unterminated-quote': {
    severity: 'error',
    ja: '{line}行目で始まる「"」で囲まれた値がファイルの最後まで閉じていません。ファイルが途中で切れていないか確認してください。それ以降の記録は1件として読まれています',
    en: 'The quoted value that starts on line {line} is never closed. Check that the file is not cut short. Everything after it was read as one record',
    whatToDoJa: '出力し直し、ファイルが途中で切れていないか確かめる',
    whatToDoEn: 'Export the file again and check that it is complete',
  },
  'kosha-file-cut-short': {
    severity: 'error',
    ja: {
      fields: `${CUT_SHORT_JA}。${CUT_KOSHA_JA}`,
      character: `${CUT_INSIDE_CHARACTER_JA}。${CUT_KOSHA_JA}`,
    },
    en: {
      fields: `${CUT_SHORT_EN}. ${CUT_KOSHA_EN}`,
      character: `${CUT_INSIDE_CHARACTER_EN}. ${CUT_KOSHA_EN}`,
    },
    whatToDoJa: '公社のシステムから出力し直し、最後の行まであるか確かめて置き直す',
    whatToDoEn: "Export the file again from the corporation's system, check that it is complete, and put it back",
  },
  'kosha-rows-skipped': {
    severity: 'info',
    ja: {
      total: '{row}行目は合計の行（「{raw}」）なので、記録として数えません',
      note: '{row}行目は注記の行（「{raw}」）なので、記録として数えません',
      header: '{row}行目は見出しの繰り返し（「{raw}」、出力をつないだもの）なので、記録として数えません',
      title: '{row}行目はタイトル・抽出条件の行（「{raw}」、出力をつないだもの）なので、記録として数えません',
      more: MORE_JA,
    },
    en: {
      total: 'Row {row} is a totals row ("{raw}"), not a record; it is not counted',
      note: 'Row {row} is a note ("{raw}"), not a record; it is not counted',
      header: 'Row {row} repeats the header ("{raw}"; exports joined together), not a record; it is not counted',
      title: 'Row {row} is a title or extraction-condition row ("{raw}"; exports joined together), not a record; it is not counted',
      more: MORE_EN,
    },
    whatToDoJa: 'なし（読み飛ばした行の記録）。記録の行なら、合計・注記と読まれない内容か確かめる',
    whatToDoEn: 'Nothing (a record of the rows skipped); if it is a record, check why it reads as a total or a note',
  },
  'kosha-record-too-long': {
    severity: 'error',
    rejectsFile: true,
    ja: `{line}行目から {megabytes} MB を超えても記録（行）が終わりません。CSV として出力されたファイルか、「"」が閉じているか確認してください。${NOT_READ_JA}`,
    en: `The record starting on line {line} runs past {megabytes} MB without ending. Check that the file is a CSV export and that its quotes close. ${NOT_READ_EN}`,
    whatToDoJa: '公社のシステムから CSV で出力し直す',
    whatToDoEn: "Export the file again as CSV from the corporation's system",
  },
  'kosha-ambiguous-record-type': {
    severity: 'error',
    rejectsFile: true,
    ja: `見出し行が複数の記録の種類（{types}）に当てはまり、どれか決められません。kosha.yaml の recordTypes の列名を見直してください。${NOT_READ_JA}`,
    en: `The header row fits several record types ({types}). Check the column names of recordTypes in kosha.yaml. ${NOT_READ_EN}`,
    whatToDoJa: 'kosha.yaml の recordTypes の列名を、記録の種類ごとに区別できるように直す',
    whatToDoEn: 'Make the column names of recordTypes in kosha.yaml tell the record types apart',
  },
  'kosha-header-not-found': {
    severity: 'error',
    rejectsFile: true,
    ja: {
      text: `先頭 {rows} 行に見出し行が見つかりません。どの記録の種類の出力か分かりません。見出しに次の列がある出力を置いてください: {expected}。${NOT_READ_JA}`,
      workbook: `どのシートの先頭 {rows} 行にも見出し行が見つかりません。見出しに次の列がある出力を置いてください: {expected}。${NOT_READ_JA}`,
    },
    en: {
      text: `No header row in the first {rows} rows, so the record type is unknown. Put an export whose header has these columns: {expected}. ${NOT_READ_EN}`,
      workbook: `No sheet has a header row in its first {rows} rows. Put an export whose header has these columns: {expected}. ${NOT_READ_EN}`,
    },
    whatToDoJa: '見出しに記録の種類の列（ID・日付）がある出力を置く',
    whatToDoEn: 'Put an export whose header has the record type’s id and date columns',
  },
  'kosha-missing-column': {
    severity: 'error',
    rejectsFile: true,
    ja: `{type}の見出し行に列「{columns}」がありません。指標の集計に必要な列です。出力の設定を確認してください。${NOT_READ_JA}`,
    en: `The header row of {type} has no column "{columns}", which the indicators need. Check the export settings. ${NOT_READ_EN}`,
    whatToDoJa: '必要な列を含めて出力し直す',
    whatToDoEn: 'Export again with the columns included',
  },
  'kosha-period-missing': {
    severity: 'warning',
    ja: '見出しの上に「{label}」（例: {label}：2024/4/1～2025/3/31）が見つからないか読めません。記録の日付がある年度は全期間が含まれているものとして数えました。途中までの出力なら件数が少なくなります',
    en: 'Above the header, "{label}" (e.g. {label}：2024/4/1～2025/3/31) is missing or unreadable. Each fiscal year with records was counted as complete; a partial export gives lower counts',
    whatToDoJa: '抽出期間の行を消さずに出力する',
    whatToDoEn: 'Keep the extraction period row in the export',
  },
  'kosha-duplicate-id': {
    severity: ['warning', 'info'],
    ja: {
      sameFile: 'この行の{idColumn}が同じファイルの前の行にもあります。同じ記録として1件だけ数えました（最初の行を採用）',
      earlierFile: 'この行の{idColumn}は {earlier} にもあります。同じ記録として1件だけ数えました（先のファイルを採用）',
      more: MORE_JA,
    },
    en: {
      sameFile: 'The {idColumn} of this row is also on an earlier row of the file. It counts once (the first row is used)',
      earlierFile: 'The {idColumn} of this row is also in {earlier}. It counts once (the earlier file is used)',
      more: MORE_EN,
    },
    whatToDoJa: '重複した記録がないか出力を確かめる',
    whatToDoEn: 'Check the export for duplicated records',
  },
  'kosha-missing-id': {
    severity: ['warning', 'info'],
    ja: { empty: '{idColumn}が空の記録です。重複の確認ができないまま1件として数えました', more: MORE_JA },
    en: { empty: 'The record has no {idColumn}; it counts once without a duplicate check', more: MORE_EN },
    whatToDoJa: '記録のIDを入れて出力し直す',
    whatToDoEn: 'Give the record its id and export again',
  },
  'kosha-bad-date': {
    severity: ['error', 'info'],
    ja: {
      empty: `{dateColumn}が空です。日付を入れてください。${NOT_COUNTED_JA}`,
      unreadable: `{dateColumn}「{raw}」を日付として読めません（例: 2024/4/1、令和6年4月1日、R6.4.1）。${NOT_COUNTED_JA}`,
      more: MORE_JA,
    },
    en: {
      empty: `{dateColumn} is empty. Enter the date. ${NOT_COUNTED_EN}`,
      unreadable: `{dateColumn} "{raw}" is not a date (e.g. 2024/4/1, 令和6年4月1日, R6.4.1). ${NOT_COUNTED_EN}`,
      more: MORE_EN,
    },
    whatToDoJa: '日付を入れ直して出力し直す',
    whatToDoEn: 'Correct the date and export again',
  },
  'kosha-date-outside-period': {
    severity: ['error', 'info'],
    ja: { outside: `{dateColumn}「{raw}」が抽出期間（{from}〜{to}）の外です。日付の誤りか確認してください。${NOT_COUNTED_JA}`, more: MORE_JA },
    en: { outside: `{dateColumn} "{raw}" is outside the extraction period ({from} to {to}). Check the date. ${NOT_COUNTED_EN}`, more: MORE_EN },
    whatToDoJa: '日付か抽出期間の誤りを直して出力し直す',
    whatToDoEn: 'Correct the date or the extraction period and export again',
  },
  'kosha-bad-count': {
    severity: ['error', 'info'],
    ja: {
      notCount: '{column}「{raw}」は0以上の整数ではありません。この年度の「{measure}」は公表しません。数値を直してください',
      more: MORE_JA,
    },
    en: {
      notCount: '{column} "{raw}" is not a whole number of 0 or more. "{measure}" is withheld for this fiscal year. Correct the number',
      more: MORE_EN,
    },
    whatToDoJa: '件数・人数を0以上の整数に直して出力し直す',
    whatToDoEn: 'Correct the count to a whole number and export again',
  },
} as const satisfies Record<string, IssueSpec>;
