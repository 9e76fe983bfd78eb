// Issues of the industry survey: waves, codebooks, the sampling frame (sources/industry-survey/) and the design-based
// estimation (transforms/survey-design.ts).
import type { IssueSpec } from './issue-spec.ts';
import { CUT_INSIDE_CHARACTER_EN, CUT_INSIDE_CHARACTER_JA, CUT_SHORT_EN, CUT_SHORT_JA, NO_CONFIG_EN, NO_CONFIG_JA } from './shared-wording.ts';

const NO_DESIGN_JA = '（標本設計による推計は出しません）';
const NO_DESIGN_EN = ' (no design-based estimate is made)';
// Only the first few problems of a kind are listed per column (maxCellIssues); the rest are counted in one line under the same code.
const MORE_JA = '同じ列で同じ種類の問題がほかに {more} 件あります（最初の {shown} 件だけを1件ずつ示しました）';
const MORE_EN = 'The column has {more} more problems of the same kind (only the first {shown} are listed one by one)';

export const industrySurveyIssueSpecs = {
  'industry-survey-no-config': {
    severity: 'error',
    rejectsFile: true,
    ja: NO_CONFIG_JA,
    en: NO_CONFIG_EN,
    whatToDoJa: 'config の sources/industry-survey.yaml を書く（docs/config.md）',
    whatToDoEn: 'Write sources/industry-survey.yaml in the config folder (docs/config.md)',
  },
  'industry-survey-file-name': {
    severity: 'warning',
    ja: {
      frameYear: '母集団ファイルの年度「{year}」を読み取れません（R6、令和6年度、2024 などにしてください）。読み込んでいません',
      pattern:
        'ファイル名が設定 files.pattern（{pattern}）に合わないため、どの年度・調査票か分からず読み込んでいません。名前を付け直してください（例: R6_産業基礎調査_{example}.xlsx）',
      year: 'ファイル名の年度「{year}」を読み取れません（R6、令和6年度、2024 などにしてください）。読み込んでいません',
      instrument: 'ファイル名の調査票「{instrument}」が設定 instruments[].fileLabels（{labels}）のどれでもありません。読み込んでいません',
    },
    en: {
      frameYear: 'The fiscal year "{year}" of the frame file cannot be read (write R6, 令和6年度, 2024 …). Not read',
      pattern:
        'The file name does not match files.pattern ({pattern}), so its year and instrument are unknown; not read. Rename it (e.g. R6_産業基礎調査_{example}.xlsx)',
      year: 'The fiscal year "{year}" in the file name cannot be read (write R6, 令和6年度, 2024 …). Not read',
      instrument: 'The instrument "{instrument}" in the file name is none of instruments[].fileLabels ({labels}). Not read',
    },
    whatToDoJa: '設定 files.pattern に合う名前（年度・調査票・版）に付け直す',
    whatToDoEn: 'Rename the file to match files.pattern (year, instrument, version)',
  },
  'industry-survey-duplicate-version': {
    severity: 'error',
    ja: '{fiscalYear}「{instrument}」の版 {version} が複数あります（{files}）。どれを使うか決められないため、この版は使いません。不要なファイルを消すか、新しい方の名前に _v{nextVersion} を付けてください',
    en: '{fiscalYear} "{instrument}" has several files of version {version} ({files}); none of them is used. Remove the extra file or add _v{nextVersion} to the newer one’s name',
    whatToDoJa: '不要なファイルを消すか、新しい方の名前の版を上げる',
    whatToDoEn: 'Remove the extra file or raise the version in the newer one’s name',
  },
  'industry-survey-no-frame': {
    severity: 'error',
    ja: '{fiscalYear}の母集団ファイル（名前は設定 files.framePattern: {pattern}）がないか読めないため、標本設計による推計（加重の公表値）を出せません。母集団ファイルを受信箱に置いてください',
    en: 'The frame file of {fiscalYear} (named by files.framePattern: {pattern}) is missing or unreadable, so no design-based (weighted) estimate is made. Put the frame file in the inbox',
    whatToDoJa: '母集団ファイルを受信箱に置く',
    whatToDoEn: 'Put the frame file in the inbox',
  },
  'industry-survey-frame-invalid': {
    severity: 'error',
    rejectsFile: true,
    ja: `{problem}。母集団ファイルを直し、版を上げた名前（_v{nextVersion}）で置いてください${NO_DESIGN_JA}`,
    en: `{problem}. Correct the frame file and put it under a name with a higher version (_v{nextVersion})${NO_DESIGN_EN}`,
    whatToDoJa: '母集団ファイルを直し、版を上げた名前で置く',
    whatToDoEn: 'Correct the frame file and put it with a higher version',
  },
  'industry-survey-frame-replaced': {
    severity: 'info',
    ja: '修正された母集団ファイル {file} を {replaced} に代えて{fiscalYear}の推計に使います。変わった公表値は {changes} 件です（survey_revisions）',
    en: 'The corrected frame file {file} replaces {replaced} for the estimates of {fiscalYear}. {changes} published figures changed (survey_revisions)',
    whatToDoJa: 'なし（置き換えの記録）',
    whatToDoEn: 'Nothing (a record of the replacement)',
  },
  'industry-survey-wave-replaced': {
    severity: 'info',
    ja: '再送された {file} は検証に合格したため、{replaced} に代えて{fiscalYear}の値に使います（前の版は受信箱に残し、survey_waves に superseded として載せています）。変わった公表値は {changes} 件です（survey_revisions）',
    en: 'The re-sent {file} passed the checks and replaces {replaced} for {fiscalYear} (the earlier version stays in the inbox, listed as superseded in survey_waves). {changes} published figures changed (survey_revisions)',
    whatToDoJa: 'なし（置き換えの記録）',
    whatToDoEn: 'Nothing (a record of the replacement)',
  },
  'industry-survey-figure-revised': {
    severity: 'warning',
    ja: '指標「{measure}」の{fiscalYear}の値が、再送データで {oldValue} → {newValue} に変わりました（n {oldN} → {newN}）',
    en: 'The {fiscalYear} value of "{measure}" changed with the re-sent data: {oldValue} → {newValue} (n {oldN} → {newN})',
    whatToDoJa: '変わった公表値を確かめる（survey_revisions）',
    whatToDoEn: 'Review the changed figure (survey_revisions)',
  },
  'industry-survey-resend-rejected': {
    severity: 'error',
    ja: '再送された {file} には公表値に関わる問題があるため採用しません（{problems}）。{fiscalYear}「{instrument}」は引き続き {current} を使います。問題を直した版を、版を上げた名前（_v{nextVersion}）で置いてください',
    en: 'The re-sent {file} has problems that affect published figures and is not used ({problems}). {fiscalYear} "{instrument}" keeps using {current}. Put a corrected version with a higher version (_v{nextVersion})',
    whatToDoJa: '問題を直した版を、版を上げた名前で置く',
    whatToDoEn: 'Put a corrected version under a higher version',
  },
  'industry-survey-superseded-issues': {
    severity: 'info',
    ja: '{file} は再送された版に置き換えたため、この版で見つかった問題 {count} 件は表示していません（ファイルは残してあります）',
    en: '{file} was replaced by a re-sent version, so the {count} problems found in it are not listed (the file is kept)',
    whatToDoJa: 'なし',
    whatToDoEn: 'Nothing',
  },
  'industry-survey-question-not-asked': {
    severity: 'info',
    ja: '指標「{measure}」の設問は{label}の調査票（コードブック）にないため、{label}の値はありません',
    en: 'The question of "{measure}" is not in the {label} instrument (codebook), so there is no {label} value',
    whatToDoJa: 'なし（その年度・調査票では問うていない）',
    whatToDoEn: 'Nothing (the question was not asked there)',
  },
  'industry-survey-estimate-withheld': {
    severity: 'error',
    ja: '指標「{measure}」の{label}の値は出しません: {reasons}。ファイルを直し、版を上げた名前（_v2 など）で受信箱に置いてください',
    en: 'The {label} value of "{measure}" is withheld: {reasons}. Correct the file and put it in the inbox with a higher version (_v2 …)',
    whatToDoJa: 'ファイルを直し、版を上げた名前で置く',
    whatToDoEn: 'Correct the file and put it with a higher version',
  },
  'industry-survey-no-respondents': {
    severity: 'warning',
    ja: '指標「{measure}」の{label}は分母になる回答者が0人のため、値を出しません',
    en: '"{measure}" ({label}) has no respondents in its denominator, so no value is given',
    whatToDoJa: '回答ファイルと設問の対応を確かめる',
    whatToDoEn: 'Check the response file and the question binding',
  },
  'industry-survey-binding-invalid': {
    severity: 'error',
    ja: '指標「{measure}」の調査票「{unknown}」は industry-survey.yaml の instruments にありません（あるのは {instruments}）。measures.yaml の source.questions を直してください',
    en: 'Instrument "{unknown}" of "{measure}" is not in the instruments of industry-survey.yaml (there are {instruments}). Fix source.questions in measures.yaml',
    whatToDoJa: 'measures.yaml の source.questions を直す',
    whatToDoEn: 'Fix source.questions in measures.yaml',
  },
  'industry-survey-unterminated-quote': {
    severity: 'error',
    rejectsFile: true,
    ja: '{line}行目で始まる引用符（"）が閉じられていません。それ以降の行は1つの値として読まれてしまうため、このファイルは読み込んでいません。CSVを出力し直してください',
    en: 'The quote (") that starts on line {line} is never closed; everything after it would be one value, so the file was not read. Export the CSV again',
    whatToDoJa: 'CSVを出力し直す',
    whatToDoEn: 'Export the CSV again',
  },
  'industry-survey-file-cut-short': {
    severity: 'error',
    ja: { fields: `${CUT_SHORT_JA}。このファイルは読み込んでいません`, character: `${CUT_INSIDE_CHARACTER_JA}。このファイルは読み込んでいません` },
    en: { fields: `${CUT_SHORT_EN}. The file was not read`, character: `${CUT_INSIDE_CHARACTER_EN}. The file was not read` },
    whatToDoJa: '調査会社に CSV を出力し直してもらい、最後の回答者の行まであるか確かめて置き直す',
    whatToDoEn: 'Have the vendor export the CSV again, check that the last respondent is complete, and put it back',
  },
  'industry-survey-mojibake': {
    severity: ['error', 'warning'],
    rejectsFile: true,
    ja: {
      header: '見出しが文字化けしています（「{raw}」）。ファイルが別の文字コードで変換されています。調査会社から届いた元のファイルを置き直してください',
      cell: '設問「{question}」: 文字化け（置換文字 U+FFFD）があります。元のファイルの文字コードを確かめ、正しく保存し直したファイルを置いてください。{effect}',
      more: MORE_JA,
    },
    en: {
      header: 'The headers are garbled ("{raw}"): the file was converted to another encoding. Put the original file from the survey vendor',
      cell: 'Question "{question}": garbled text (replacement character U+FFFD). Check the encoding of the original and put a correctly saved file. {effect}',
      more: MORE_EN,
    },
    whatToDoJa: '調査会社から届いた元のファイルを置き直す',
    whatToDoEn: 'Put the original file from the survey vendor',
  },
  'industry-survey-no-codebook': {
    severity: 'error',
    rejectsFile: true,
    ja: {
      invalid:
        'コードブックに誤りがあるため（上の issues を参照）、このファイルの回答は確かめられず、読み込んでいません。コードブックを直して置き直してください',
      missing:
        '{fiscalYear}年度「{instrument}」のコードブックが見つかりません（{where}コードブックのブック、設定 codebooks のいずれにもありません）。コードブックがないと回答を確かめられないため、このファイルは読み込んでいません。コードブックを置くか設定に書いてください',
    },
    en: {
      invalid:
        'The codebook has errors (see the issues above), so the answers of this file cannot be checked and it was not read. Correct the codebook and put it back',
      missing:
        'No codebook for {fiscalYear} "{instrument}" ({where}the codebook workbook and config codebooks have none). Without it the answers cannot be checked, so the file was not read. Put the codebook or write it in the config',
    },
    whatToDoJa: 'コードブックを置くか直す（設定 codebooks に書いてもよい）',
    whatToDoEn: 'Put or correct the codebook (or write it under codebooks in the config)',
  },
  'industry-survey-codebook-invalid': {
    severity: 'error',
    ja: 'コードブック: {problem}',
    en: 'Codebook: {problem}',
    whatToDoJa: 'コードブックを直して置き直す',
    whatToDoEn: 'Correct the codebook and put it back',
  },
  'industry-survey-missing-id-column': {
    severity: 'error',
    rejectsFile: true,
    ja: '回答者IDの列「{column}」が{headerRow}行目の見出しにありません。このファイルは読み込んでいません。見出しの行（設定 headerRow）と列名（設定 respondentId）を確かめてください',
    en: 'The respondent id column "{column}" is not in the header on row {headerRow}. The file was not read. Check headerRow and respondentId in the config',
    whatToDoJa: '見出しの行（headerRow）と列名（respondentId）の設定を確かめる',
    whatToDoEn: 'Check the headerRow and respondentId settings',
  },
  'industry-survey-missing-column': {
    severity: ['error', 'warning'],
    ja: {
      question:
        'コードブック（{codebook}）の設問「{question}」の列がファイルにありません。{effect}。列が抜けていないか、見出しが変わっていないか確かめてください',
      options: '複数回答の設問「{question}」の選択肢 {options} の 0/1 列がありません。{effect}。列名は設定 optionHeaders の形（例: {example}）にしてください',
    },
    en: {
      question: 'The file has no column for question "{question}" of the codebook ({codebook}). {effect}. Check for a dropped column or a changed header',
      options: 'Multiple-answer question "{question}" has no 0/1 column for options {options}. {effect}. Name the columns like optionHeaders (e.g. {example})',
    },
    whatToDoJa: '列が抜けていないか、見出しが変わっていないか確かめる',
    whatToDoEn: 'Check for a dropped column or a changed header',
  },
  'industry-survey-duplicate-column': {
    severity: 'error',
    ja: {
      header: '列「{header}」が2つあります（{first}列と{second}列）。最初の列を使いました。不要な列を消してください',
      question:
        '設問「{question}」{option}の列が{first}列と{second}列の2つあります。どちらが正しいか決められないため、この設問の値は使いません。重複した列を消して置き直してください',
      mixed: '複数回答の設問「{question}」に、1セルにまとめた列（{column}列）と選択肢ごとの 0/1 列の両方があります。どちらか一方にしてください。{effect}',
      optionsOfSingle: '設問「{question}」は単一回答なのに選択肢ごとの列があります。コードブックの形式を確かめてください',
    },
    en: {
      header: 'Column "{header}" appears twice (columns {first} and {second}). The first is used. Remove the extra column',
      question:
        'Question "{question}"{option} has two columns ({first} and {second}); its values are not used. Remove the duplicate column and put the file back',
      mixed: 'Multiple-answer question "{question}" has both a single combined column ({column}) and 0/1 columns per option. Keep one of them. {effect}',
      optionsOfSingle: 'Question "{question}" is single-answer but has a column per option. Check the codebook’s format',
    },
    whatToDoJa: '重複した列を消して置き直す',
    whatToDoEn: 'Remove the duplicate column and put the file back',
  },
  'industry-survey-unknown-column': {
    severity: 'warning',
    ja: '列「{header}」はコードブック（{codebook}）にない設問です。この列は読み飛ばしました。設問の列なら、コードブックに加えるか設定 instruments[{instrument}].columns で設問IDに対応付けてください',
    en: 'Column "{header}" is not a question of the codebook ({codebook}) and was skipped. If it is a question, add it to the codebook or map it in instruments[{instrument}].columns',
    whatToDoJa: '設問の列なら、コードブックに加えるか設定 columns で対応付ける',
    whatToDoEn: 'If it is a question, add it to the codebook or map it under columns',
  },
  'industry-survey-empty-row': {
    severity: 'warning',
    ja: '回答が1つもない行です。回答者に数えず、集計から除きました',
    en: 'The row has no answers; it is not counted as a respondent',
    whatToDoJa: '空の行を消す',
    whatToDoEn: 'Remove the empty row',
  },
  'industry-survey-missing-respondent-id': {
    severity: 'warning',
    ja: '回答者IDが空です。重複の確認ができないため、回答者IDを入れてください（この行は集計に含めています）',
    en: 'The respondent id is empty, so duplicates cannot be checked. Enter the id (the row is counted)',
    whatToDoJa: '回答者IDを入れる',
    whatToDoEn: 'Enter the respondent id',
  },
  'industry-survey-duplicate-respondent': {
    severity: ['warning', 'error'],
    ja: {
      same: 'この行の回答者IDが{firstRow}行目と重複しています（回答は同じ）。1人として数えました。重複行を消してください',
      differing:
        'この行の回答者IDが{firstRow}行目と重複していて、設問 {questions} の回答が違います。どちらが正しいか決められないため、この回答者のそれらの設問の回答は使いません（1人として数えます）。{effect}回答者IDを直すか重複行を消してください',
    },
    en: {
      same: 'The respondent id of this row repeats row {firstRow} (same answers). Counted once. Remove the duplicate row',
      differing:
        'The respondent id of this row repeats row {firstRow} with different answers to {questions}; those answers are not used (the respondent counts once). {effect}Correct the id or remove the duplicate row',
    },
    whatToDoJa: '回答者IDを直すか重複行を消す',
    whatToDoEn: 'Correct the respondent id or remove the duplicate row',
  },
  'industry-survey-unknown-code': {
    severity: 'error',
    ja: {
      option: '設問「{question}」: 複数回答の選択肢「{option}」の列は 1（選んだ）か 0・空欄（選ばない）のはずですが「{raw}」です。{effect}',
      code: '設問「{question}」: 回答「{raw}」はコードブックにないコードです（使えるコード: {codes}）。正しいコードに直してください。{effect}',
      more: MORE_JA,
    },
    en: {
      option: 'Question "{question}": the column of option "{option}" should be 1 (chosen) or 0 / empty, but is "{raw}". {effect}',
      code: 'Question "{question}": answer "{raw}" is not a code of the codebook (codes: {codes}). Correct the code. {effect}',
      more: MORE_EN,
    },
    whatToDoJa: 'コードブックにあるコードに直す',
    whatToDoEn: 'Correct the answer to a code of the codebook',
  },
  'industry-survey-not-a-number': {
    severity: 'error',
    ja: { cell: '設問「{question}」: 数値の設問ですが「{raw}」は数値として読めません。{effect}', more: MORE_JA },
    en: { cell: 'Question "{question}": numeric question, but "{raw}" is not a number. {effect}', more: MORE_EN },
    whatToDoJa: '数値に直す',
    whatToDoEn: 'Correct the answer to a number',
  },
  'industry-survey-out-of-range': {
    severity: 'error',
    ja: { cell: '設問「{question}」: 値 {value} が範囲（{min}〜{max}）の外です。{effect}', more: MORE_JA },
    en: { cell: 'Question "{question}": value {value} is outside the range ({min} to {max}). {effect}', more: MORE_EN },
    whatToDoJa: '値を確かめて直す',
    whatToDoEn: 'Check and correct the value',
  },
  'industry-survey-bad-date': {
    severity: ['error', 'warning'],
    ja: {
      answer: '設問「{question}」: 日付の設問ですが「{raw}」は日付として読めません（2024/7/1、令和6年7月1日 などの形にしてください）。{effect}',
      responseDate: '回答日「{raw}」を日付として読めません（集計には含めています）',
      more: MORE_JA,
    },
    en: {
      answer: 'Question "{question}": date question, but "{raw}" is not a date (write 2024/7/1, 令和6年7月1日 …). {effect}',
      responseDate: 'Response date "{raw}" is not a date (the row is counted)',
      more: MORE_EN,
    },
    whatToDoJa: '日付を 2024/7/1、令和6年7月1日 などの形に直す',
    whatToDoEn: 'Write the date like 2024/7/1 or 令和6年7月1日',
  },
  'industry-survey-contradictory-answer': {
    severity: 'error',
    ja: {
      cell: '設問「{question}」: 選択肢と無回答・非該当が同時に選ばれています。{effect}',
      columns: '設問「{question}」: 選択肢と無回答・非該当の列が同時に 1 になっています。{effect}',
      more: MORE_JA,
    },
    en: {
      cell: 'Question "{question}": an option and "no answer / not applicable" are both chosen. {effect}',
      columns: 'Question "{question}": the columns of an option and of "no answer / not applicable" are both 1. {effect}',
      more: MORE_EN,
    },
    whatToDoJa: '回答を確かめ、どちらか一方にする',
    whatToDoEn: 'Check the answer and keep one of them',
  },
  'industry-survey-multiple-answers': {
    severity: 'error',
    ja: {
      cell: '設問「{question}」: 単一回答の設問に複数の回答「{raw}」があります。回答を1つにしてください（どれが正しいか決められないため、この回答は使いません）。{effect}',
      more: MORE_JA,
    },
    en: { cell: 'Question "{question}": single-answer question with several answers "{raw}". Keep one (the answer is not used). {effect}', more: MORE_EN },
    whatToDoJa: '回答を1つにする',
    whatToDoEn: 'Keep one answer',
  },
  'industry-survey-bad-weight': {
    severity: 'warning',
    ja: {
      summary:
        'ウェイトが空欄か正の数でない回答者が {count} 人います。このファイルを含む加重推計（weighted_share）は出しません。単純集計の割合には影響しません',
      row: 'ウェイト「{raw}」が正の数ではありません',
    },
    en: {
      summary:
        '{count} respondents have an empty or non-positive weight. No weighted estimate (weighted_share) is made with this file; unweighted shares are not affected',
      row: 'Weight "{raw}" is not a positive number',
    },
    whatToDoJa: 'ウェイトの列を確かめる',
    whatToDoEn: 'Check the weight column',
  },
  'industry-survey-outside-fieldwork': {
    severity: 'warning',
    ja: '回答日が調査期間（{from}〜{to}）の外の回答者が {count} 人います。回答日の列か調査期間の設定（waves[].fieldwork）を確かめてください（集計には含めています）',
    en: '{count} respondents answered outside the fieldwork period ({from} to {to}). Check the response date column or waves[].fieldwork (they are counted)',
    whatToDoJa: '回答日の列か調査期間の設定（waves[].fieldwork）を確かめる',
    whatToDoEn: 'Check the response date column or waves[].fieldwork',
  },
  'industry-survey-stratum-not-in-frame': {
    severity: 'error',
    ja: `「{instrument}」の回答者 {count} 人（{rows}行目{more}）の層「{stratum}」が母集団ファイル {frame} にありません。{dimensions}の回答を確かめるか、母集団ファイルにその層を足して版を上げてください${NO_DESIGN_JA}`,
    en: `{count} respondents of "{instrument}" (rows {rows}{more}) are in stratum "{stratum}", which the frame file {frame} lacks. Check their {dimensions} answers, or add the stratum to the frame file with a higher version${NO_DESIGN_EN}`,
    whatToDoJa: '層の回答を確かめるか、母集団ファイルにその層を足して版を上げる',
    whatToDoEn: 'Check the strata answers, or add the stratum to the frame with a higher version',
  },
  'industry-survey-stratum-over-frame': {
    severity: 'error',
    ja: `層「{stratum}」の回答者 {sampled} 人が母集団の {population} 事業所より多くなっています。母集団ファイル {frame} の事業所数か回答ファイルの層の回答を確かめてください${NO_DESIGN_JA}`,
    en: `Stratum "{stratum}" has {sampled} respondents, more than its {population} establishments. Check the count in the frame file {frame} or the strata answers${NO_DESIGN_EN}`,
    whatToDoJa: '母集団の事業所数か、回答の層を確かめる',
    whatToDoEn: 'Check the frame count or the strata answers',
  },
  'industry-survey-lonely-stratum': {
    severity: 'error',
    ja: `層「{stratum}」の回答者が 1 人だけ（母集団 {population} 事業所）のため、層別の分散を推定できません。母集団ファイル {frame} で隣の層と合わせてください${NO_DESIGN_JA}`,
    en: `Stratum "{stratum}" has a single respondent ({population} establishments), so its variance cannot be estimated. Merge it with a neighbour in the frame file {frame}${NO_DESIGN_EN}`,
    whatToDoJa: '母集団ファイルで隣の層と合わせる',
    whatToDoEn: 'Merge the stratum with a neighbour in the frame file',
  },
  'industry-survey-stratum-no-respondents': {
    severity: 'warning',
    ja: '層「{stratum}」（母集団 {population} 事業所）に回答者がいません。推計はこの層を含みません（隣の層と合わせることを検討してください）',
    en: 'Stratum "{stratum}" ({population} establishments) has no respondents; the estimate leaves it out (consider merging it with a neighbour)',
    whatToDoJa: '隣の層と合わせることを検討する',
    whatToDoEn: 'Consider merging the stratum with a neighbour',
  },
  'industry-survey-calibration-unmet': {
    severity: 'error',
    ja: 'ウェイトの較正（{method}）で周辺の合計に合わせられません: {problems}。設定 waves[].calibration を直してください。較正しない標本設計で推計しています（weighted_method = design）',
    en: 'Calibrating the weights ({method}) cannot meet the margins: {problems}. Fix waves[].calibration. The estimate uses the uncalibrated design (weighted_method = design)',
    whatToDoJa: '設定 waves[].calibration（周辺の合計）を直す',
    whatToDoEn: 'Fix the margins in waves[].calibration',
  },
  'industry-survey-calibration-negative-weights': {
    severity: 'warning',
    ja: '線形較正で 0 以下のウェイトになった回答者が {count} 人います（R の calibrate と同じく、そのまま使っています）。method: rake を検討してください',
    en: '{count} respondents got a weight of 0 or less from linear calibration (kept as they are, as R’s calibrate does). Consider method: rake',
    whatToDoJa: 'method: rake（レイキング）を検討する',
    whatToDoEn: 'Consider method: rake',
  },
} as const satisfies Record<string, IssueSpec>;
