// Issues about the inbox and about files no reader can open, whatever their family.
import type { IssueSpec } from './issue-spec.ts';
import { ENCODING_NOT_ACCEPTED_EN, ENCODING_NOT_ACCEPTED_JA, UNDECODABLE_EN, UNDECODABLE_JA } from './shared-wording.ts';

const XLSX_WHAT_TO_DO_JA = 'Excelで開けるか確かめ、「Excel ブック (*.xlsx)」形式で保存し直してから置き直してください';
const XLSX_WHAT_TO_DO_EN = 'Check that Excel opens the file, save it again as "Excel Workbook (*.xlsx)" and put it back in the inbox';

export const inputIssueSpecs = {
  'inbox-symlink': {
    severity: 'warning',
    ja: 'シンボリックリンクは読みません（受信箱の外のファイルを読まないため）。リンク先のファイルそのものを受信箱に複製して置いてください',
    en: 'Symbolic links are not read (so that no file outside the inbox is read). Copy the file itself into the inbox',
    whatToDoJa: 'リンク先のファイルそのものを受信箱に複製して置く',
    whatToDoEn: 'Copy the linked file itself into the inbox',
  },
  'inbox-unknown-file': {
    severity: 'warning',
    ja: {
      folder: 'どのデータのファイルか分かりません（データの種類は受信箱のフォルダで決まります）。決まったフォルダに置いてください: {known}',
      extension: '{ext} は読めません（{folder}/ に置けるのは {extensions} のファイルです）。Excel で {formats} 形式で保存し直して置き直してください',
      noExtension:
        '拡張子のないファイルは読めません（{folder}/ に置けるのは {extensions} のファイルです）。Excel で {formats} 形式で保存し直して置き直してください',
    },
    en: {
      folder: 'Which data this file holds is not known (the inbox folder says it). Put it in its folder: {known}',
      extension: '{ext} files are not read ({folder}/ takes {extensions} files). Save the file as {formats} in Excel and put it again',
      noExtension: 'A file without an extension is not read ({folder}/ takes {extensions} files). Save the file as {formats} in Excel and put it again',
    },
    whatToDoJa: '入力の種類ごとのフォルダ（inbox/<family>/）に置く。フォルダが正しければ、そのフォルダの形式（.xlsx など）で保存し直す',
    whatToDoEn: 'Put the file in its family folder (inbox/<family>/); if the folder is right, save the file in one of the folder’s formats (.xlsx …)',
  },
  'source-disabled': {
    severity: 'info',
    ja: '{source}は pipeline.yaml の sources に含まれていないため、このファイルは読みません',
    en: '{source} is not listed under sources in pipeline.yaml, so this file is not read',
    whatToDoJa: '読むなら pipeline.yaml の sources に加える',
    whatToDoEn: 'Add the family to sources in pipeline.yaml to read it',
  },
  'inbox-file-too-large': {
    severity: 'error',
    rejectsFile: true,
    ja: '受信箱のファイル {file} は {size} GiB あり、1ファイルの上限（2 GiB）を超えるため読めません。ファイルを年度や月ごとに分けて置き直してから再実行してください',
    en: 'Inbox file {file} is {size} GiB, over the 2 GiB limit of one file; split it by year or month and run again',
    whatToDoJa: 'ファイルを年度や月ごとに分けて置き直す',
    whatToDoEn: 'Split the file by year or month',
  },
  'source-read-failed': {
    severity: 'error',
    rejectsFile: true,
    ja: '{source}の読み込み中に予期しないエラーが起きました。このファイルは採用していません: {error}',
    en: 'An unexpected error occurred while reading {source}; this file was not used: {error}',
    whatToDoJa: 'ファイルを確かめて置き直す。繰り返すなら、エラーの内容を添えて担当者に連絡する',
    whatToDoEn: 'Check the file and put it back; if it happens again, report the error text to the maintainers',
  },
  'xlsx-file-not-found': {
    severity: 'error',
    rejectsFile: true,
    ja: '{reason}（このファイルは読み込んでいません）',
    en: '{reason} (this file was not read)',
    whatToDoJa: 'ファイルの置き場所・名前・権限を確かめる',
    whatToDoEn: 'Check where the file is, its name and its permissions',
  },
  'xlsx-legacy-or-encrypted': {
    severity: 'error',
    rejectsFile: true,
    ja: '{reason}（このファイルは読み込んでいません）',
    en: '{reason} (this file was not read)',
    whatToDoJa: 'パスワードを外し、「Excel ブック (*.xlsx)」形式で保存し直して置き直す',
    whatToDoEn: 'Remove the password and save the file again as "Excel Workbook (*.xlsx)"',
  },
  'xlsx-not-a-workbook': {
    severity: 'error',
    rejectsFile: true,
    ja: '{reason}（このファイルは読み込んでいません）',
    en: '{reason} (this file was not read)',
    whatToDoJa: XLSX_WHAT_TO_DO_JA,
    whatToDoEn: XLSX_WHAT_TO_DO_EN,
  },
  'xlsx-corrupt': {
    severity: 'error',
    rejectsFile: true,
    ja: '{reason}（このファイルは読み込んでいません）',
    en: '{reason} (this file was not read)',
    whatToDoJa: XLSX_WHAT_TO_DO_JA,
    whatToDoEn: XLSX_WHAT_TO_DO_EN,
  },
  'xlsx-sheet-not-found': {
    severity: 'error',
    rejectsFile: true,
    ja: '{reason}（このファイルは読み込んでいません）',
    en: '{reason} (this file was not read)',
    whatToDoJa: 'シート名と設定（sheet）を確かめる',
    whatToDoEn: 'Check the sheet name and the sheet setting',
  },
  'xlsx-not-a-worksheet': {
    severity: 'error',
    rejectsFile: true,
    ja: '{reason}（このファイルは読み込んでいません）',
    en: '{reason} (this file was not read)',
    whatToDoJa: '表のあるシート（グラフシートでないもの）を指定する',
    whatToDoEn: 'Name a sheet that holds a table (not a chart sheet)',
  },
  'xlsx-too-large': {
    severity: 'error',
    rejectsFile: true,
    // The survey reader words the consequence in its own way.
    ja: { survey: '{reason}（このファイルは読み込んでいません）', other: '{reason}。このファイルは読み込みません' },
    en: { survey: '{reason} (this file was not read)', other: '{reason}. This file is not read' },
    whatToDoJa: '不要なシート・行を除いてファイルを小さくするか、上限（pipeline.yaml の limits）を見直す',
    whatToDoEn: 'Make the file smaller (drop unneeded sheets and rows) or raise the limits in pipeline.yaml',
  },
  'text-undecodable': {
    severity: 'error',
    rejectsFile: true,
    ja: `${UNDECODABLE_JA}（このファイルは読み込んでいません）`,
    en: `${UNDECODABLE_EN} (this file was not read)`,
    whatToDoJa: '元のファイルをもう一度ダウンロード・出力して置き直す',
    whatToDoEn: 'Download or export the original file again',
  },
  'text-encoding-not-accepted': {
    severity: 'error',
    rejectsFile: true,
    ja: `${ENCODING_NOT_ACCEPTED_JA}。このファイルは読み込んでいません（{readAs}として読むと文字化けした値になるため）。ファイルを {accepted} で保存し直すか、設定 instruments[{instrument}].encoding を auto にしてください`,
    en: `${ENCODING_NOT_ACCEPTED_EN}. The file was not read (read as {readAs} its values would be garbled). Save it in {accepted}, or set instruments[{instrument}].encoding to auto`,
    whatToDoJa: '受け付ける文字コードで保存し直すか、設定の encoding を auto にする',
    whatToDoEn: 'Save the file in an accepted encoding, or set the encoding to auto',
  },
} as const satisfies Record<string, IssueSpec>;
