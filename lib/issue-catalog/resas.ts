// Issues of RESAS exports (sources/resas-export.ts) and of their fiscal-year values (transforms/resas-fiscal-year-values.ts).
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

const CUT_RESAS_JA = 'このファイルの値は使わず、古い版の値で置き換えもしません（その系列の年度は公表しません）';
const CUT_RESAS_EN = "No value of this file is used, and none is taken from an older vintage instead (the series' fiscal years are withheld)";

export const resasIssueSpecs = {
  'resas-no-config': {
    severity: 'error',
    ja: NO_CONFIG_JA,
    en: NO_CONFIG_EN,
    whatToDoJa: 'config の sources/resas.yaml を書く（docs/config.md）',
    whatToDoEn: 'Write sources/resas.yaml in the config folder (docs/config.md)',
  },
  'resas-text-undecodable': {
    severity: 'error',
    ja: `${UNDECODABLE_JA}。${NOT_READ_JA}`,
    en: `${UNDECODABLE_EN}. ${NOT_READ_EN}`,
    whatToDoJa: 'RESAS からもう一度ダウンロードして置き直す',
    whatToDoEn: 'Download the file from RESAS again',
  },
  'resas-text-encoding-not-accepted': {
    severity: 'error',
    ja: `${ENCODING_NOT_ACCEPTED_JA}。${RESAVE_IN_ACCEPTED_JA}。${NOT_READ_JA}`,
    en: `${ENCODING_NOT_ACCEPTED_EN}. ${RESAVE_IN_ACCEPTED_EN}. ${NOT_READ_EN}`,
    whatToDoJa: '受け付ける文字コードで保存し直すか、resas.yaml の encodings を見直す',
    whatToDoEn: 'Save the file in an accepted encoding, or check encodings in resas.yaml',
  },
  'resas-unterminated-quote': {
    severity: 'error',
    ja: `{line}行目の「"」が閉じていません。ファイルが途中で切れていないか確認してください。${NOT_READ_JA}`,
    en: `The quote (") on line {line} is never closed. Check that the file is not cut short. ${NOT_READ_EN}`,
    whatToDoJa: 'ダウンロードし直し、ファイルが途中で切れていないか確かめる',
    whatToDoEn: 'Download the file again and check that it is complete',
  },
  'resas-file-cut-short': {
    severity: 'error',
    ja: {
      fields: `${CUT_SHORT_JA}。${CUT_RESAS_JA}`,
      character: `${CUT_INSIDE_CHARACTER_JA}。${CUT_RESAS_JA}`,
      rows: `ファイルが途中で切れています: 最後の {line}行目（「{raw}」）で終わっていて改行がなく、{year}の行が {rows} 行しかありません（ほかの年は {expected} 行）。ダウンロードが途中で止まったファイルです。RESAS からもう一度ダウンロードして置き直してください。このファイルの値は使わず、古い版の値で置き換えもしません（その系列の年度は公表しません）`,
    },
    en: {
      fields: `${CUT_SHORT_EN}. ${CUT_RESAS_EN}`,
      character: `${CUT_INSIDE_CHARACTER_EN}. ${CUT_RESAS_EN}`,
      rows: `The file is cut off: it ends on line {line} ("{raw}") with no line break, and {year} has only {rows} rows (other years have {expected}). The download stopped part-way. Download it from RESAS again and put it back. No value of this file is used, and none is taken from an older vintage instead (the series' fiscal years are withheld)`,
    },
    whatToDoJa: 'RESAS からもう一度ダウンロードし、最後の行まであるか確かめて置き直す',
    whatToDoEn: 'Download the file from RESAS again, check that it is complete, and put it back',
  },
  'resas-suppressed-value': {
    severity: 'warning',
    ja: '「{item}」の{year}年の値は秘匿（「{raw}」）です。{series}のこの年の値は作らず、古い版の値で置き換えもしません（その年度は公表しません）',
    en: '"{item}" for {year} is suppressed ("{raw}"). No value of {series} is made for the year, and none is taken from an older vintage instead (the fiscal year is withheld)',
    whatToDoJa: 'なし（秘匿の記録）。値が公表された版が出たらダウンロードして置く',
    whatToDoEn: 'Nothing (a record of the suppression); put a vintage that publishes the value when one comes out',
  },
  'resas-ambiguous-export': {
    severity: 'error',
    ja: `見出し行が resas.yaml の複数の出力の種類に当てはまります。exports の列名を見直してください。${NOT_READ_JA}`,
    en: `The header row fits several export kinds of resas.yaml. Check the column names under exports. ${NOT_READ_EN}`,
    whatToDoJa: 'resas.yaml の exports の列名を、出力の種類ごとに区別できるように直す',
    whatToDoEn: 'Make the column names under exports in resas.yaml tell the export kinds apart',
  },
  'resas-header-not-found': {
    severity: 'error',
    ja: `先頭 {rows} 行に見出し行が見つかりません。RESAS からダウンロードしたままのファイルか確認してください（想定する見出し: {expected}）。${NOT_READ_JA}`,
    en: `No header row in the first {rows} rows. Check that the file is as downloaded from RESAS (expected headers: {expected}). ${NOT_READ_EN}`,
    whatToDoJa: 'RESAS からダウンロードしたままのファイルを置く。出力の様式が変わったなら resas.yaml の exports を直す',
    whatToDoEn: 'Put the file as downloaded; if RESAS changed the layout, update exports in resas.yaml',
  },
  'resas-vintage-not-found': {
    severity: 'error',
    ja: `データの版（resas.yaml の vintage.pattern「{pattern}」に当たる文字）が注記にもファイル名にも見つかりません。どの版か分からないと新旧を選べません。注記行を消さずに置くか、ファイル名に版を入れてください。${NOT_READ_JA}`,
    en: `The data vintage (text matching vintage.pattern "{pattern}" in resas.yaml) is in neither the notes nor the file name; without it old and new vintages cannot be told apart. Keep the note rows, or put the vintage in the file name. ${NOT_READ_EN}`,
    whatToDoJa: '注記行を消さずに置くか、ファイル名に版（例: 2020年版）を入れる',
    whatToDoEn: 'Keep the note rows, or put the vintage (e.g. 2020年版) in the file name',
  },
  'resas-unit-conflict': {
    severity: 'error',
    ja: `単位の記載が食い違っています（{units}）。ダウンロードし直してください。${NOT_READ_JA}`,
    en: `The units stated in the file disagree ({units}). Download the file again. ${NOT_READ_EN}`,
    whatToDoJa: 'RESAS からダウンロードし直す',
    whatToDoEn: 'Download the file from RESAS again',
  },
  'resas-unit-unknown': {
    severity: 'error',
    ja: {
      notMoney: `単位「{unit}」は金額の単位として扱えません（扱える単位: {known}）。${NOT_READ_JA}`,
      missing: `単位が見出しにも注記（単位：百万円 など）にもありません。resas.yaml の exports.{exportKey}.unit に単位を書いてください。${NOT_READ_JA}`,
    },
    en: {
      notMoney: `Unit "{unit}" is not a unit of money (known units: {known}). ${NOT_READ_EN}`,
      missing: `Neither the headers nor the notes (単位：百万円 etc.) give a unit. Write it as exports.{exportKey}.unit in resas.yaml. ${NOT_READ_EN}`,
    },
    whatToDoJa: '金額の単位（円・千円・百万円 など）の出力を置くか、resas.yaml の exports.<種類>.unit に単位を書く',
    whatToDoEn: 'Use an export in a unit of money, or give the unit as exports.<kind>.unit in resas.yaml',
  },
  'resas-area-unknown': {
    severity: 'error',
    ja: `地域コードの列がなく、注記にも「{municipality}」がありません。どの地域のデータか分かりません。${NOT_READ_JA}`,
    en: `There is no area code column and the notes do not name "{municipality}", so the area of the data is unknown. ${NOT_READ_EN}`,
    whatToDoJa: '地域を選んだ出力を、注記行を消さずに置く',
    whatToDoEn: 'Download the export for the municipality and keep its note rows',
  },
  'resas-bad-year': {
    severity: 'error',
    ja: '年「{raw}」を暦年として読めません（例: 2018年、2018、平成30年）。この行は使いません',
    en: 'Year "{raw}" is not a calendar year (e.g. 2018年, 2018, 平成30年). This row is not used',
    whatToDoJa: 'RESAS からダウンロードしたままのファイルを置く',
    whatToDoEn: 'Put the file as downloaded from RESAS',
  },
  'resas-not-a-number': {
    severity: 'error',
    ja: '値「{raw}」は数値ではありません。この値は使いません',
    en: 'Value "{raw}" is not a number. It is not used',
    whatToDoJa: 'RESAS からダウンロードしたままのファイルを置く',
    whatToDoEn: 'Put the file as downloaded from RESAS',
  },
  'resas-duplicate-item': {
    severity: 'error',
    ja: '「{item}」の{year}年の値が {earlierLine}行目（{earlierValue}）とこの行（{raw}）にあり、食い違っています。この年の値は使いません',
    en: '"{item}" has two different values for {year}: line {earlierLine} ({earlierValue}) and this line ({raw}). The year is not used',
    whatToDoJa: '重複した行のどちらが正しいか確かめ、ダウンロードし直す',
    whatToDoEn: 'Check which row is right and download the file again',
  },
  'resas-area-not-found': {
    severity: 'error',
    ja: '{municipality}（{code}）の行がありません（あった地域コード: {areas}）。{municipality}を選んでダウンロードしたか確認してください',
    en: 'There are no rows for {municipality} ({code}) (area codes found: {areas}). Check that {municipality} was selected for the download',
    whatToDoJa: '自治体を選んでダウンロードし直す',
    whatToDoEn: 'Download again with the municipality selected',
  },
  'resas-not-benchmark-year': {
    severity: 'warning',
    ja: '{year}年は基準年（{benchmarkYears}）ではないので使いません。別の種類のデータでないか確認してください',
    en: '{year} is not a benchmark year ({benchmarkYears}), so it is not used. Check that the file is the right kind of data',
    whatToDoJa: '別の種類の出力を置いていないか確かめる',
    whatToDoEn: 'Check that the file is the intended export',
  },
  'resas-item-missing': {
    severity: 'error',
    ja: '{series}の{year}年は「{items}」の合計ですが、「{missing}」の値がありません（または食い違っています）。この年の値は作らず、古い版の値で置き換えもしません',
    en: '{series} for {year} is the sum of "{items}", but "{missing}" has no value (or two different ones). No value is made for the year, and none is taken from an older vintage instead',
    whatToDoJa: '項目がそろった出力をダウンロードし直すか、resas.yaml の series の items を見直す',
    whatToDoEn: 'Download an export with every item, or check the items of the series in resas.yaml',
  },
  'resas-conflicting-vintage': {
    severity: 'error',
    ja: '{series}の{year}年の値が同じ版（{vintage}）のファイル間で食い違っています（{values}）。正しいファイルだけを残してください。この値は公表しません',
    en: '{series} for {year} differs between files of the same vintage ({vintage}) ({values}). Keep only the right file. The value is withheld',
    whatToDoJa: '正しいファイルだけを受信箱に残す',
    whatToDoEn: 'Keep only the right file in the inbox',
  },
  'resas-revised': {
    severity: 'info',
    ja: '{series}の{year}年の値は {oldVintage}（{oldFile}）の {oldValue} から {newVintage} の {newValue} に改定されています。新しい版の値を使います',
    en: '{series} for {year} was revised from {oldValue} in {oldVintage} ({oldFile}) to {newValue} in {newVintage}. The newer vintage is used',
    whatToDoJa: 'なし（改定の記録）',
    whatToDoEn: 'Nothing (a record of the revision)',
  },
  'resas-unassigned-benchmark-year': {
    severity: 'info',
    ja: '{series}に {year}年（{vintage}）の値があります。どの年度の値として公表するかを resas.yaml の fiscalYears に書くと公表されます',
    en: '{series} has a value for {year} ({vintage}). Say in fiscalYears of resas.yaml which fiscal year it stands for, and it is published',
    whatToDoJa: '公表するなら resas.yaml の fiscalYears に年度を書く',
    whatToDoEn: 'To publish it, add the fiscal year to fiscalYears in resas.yaml',
  },
} as const satisfies Record<string, IssueSpec>;
