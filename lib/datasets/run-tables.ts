// What a run read and found: every input value with its provenance, and every issue.
import { col, nullableCol, dataset, type RowOf } from '../dataset-spec.ts';

export const observationsDataset = dataset({
  name: 'observations',
  titleJa: '入力値と出所（来歴）',
  descriptionJa: '各入力ファイルから読み取った値を1件1行で。どのファイル（sha256）の、どのシート・行から、どの規則で得たか。lei explain の元データ。',
  primaryKey: ['seq'],
  columns: [
    col('measure_id', 'string', '指標ID', 'Measure id'),
    col('fiscal_year', 'integer', '年度（開始年の西暦）', 'Fiscal year'),
    col('seq', 'integer', '実行内での通し番号', 'Sequence number within the run'),
    col('value', 'decimal', '読み取った値（丸める前）', 'Value as read, unrounded'),
    col(
      'status',
      'string',
      'used=採用, conflict=他の入力と食い違い不採用, withheld=データ規則（issues.csv の contract-*）に反し不採用',
      'used, conflict, or withheld (broke a data contract)',
    ),
    col('source_kind', 'string', '出所の種類', 'Source kind'),
    col('file', 'string', 'ファイル（受信箱からの相対パス）', 'File (relative to the inbox)'),
    col('sha256', 'string', 'ファイルの sha256', 'sha256 of the file'),
    nullableCol('sheet', 'string', 'シート名', 'Sheet'),
    nullableCol(
      'rows',
      'string',
      'この年度の値を作った file の行（例: 12、5-3004: 最初と最後の行）',
      'Rows of file that formed this year’s value (first-last)',
    ),
    col('rule', 'string', '値を得た規則', 'Rule that produced the value'),
    nullableCol('n', 'integer', '調査の回答者数（分母）', 'Survey respondents in the denominator'),
    nullableCol('comment', 'string', '入力時のコメント', 'Comment entered with the value'),
    nullableCol(
      'other_files',
      'string',
      '値の元になったほかのファイル（月次報告の他の月など。; 区切り、file は代表の1つ）',
      'Further files the value was formed from (; separated)',
    ),
    nullableCol(
      'other_rows',
      'string',
      'other_files の各ファイルで値を作った行（other_files と同じ順に ; 区切り）',
      'Rows of each of other_files that formed the value (same order, ; separated)',
    ),
    nullableCol(
      'reference_period',
      'string',
      '値が実際に表す期間が年度と異なるとき、その期間（例: 2018年（基準年））',
      'The period the value measures when it is not the fiscal year',
    ),
    nullableCol('source_vintage', 'string', '元データの版（例: RESAS の 2020年版）', 'Release of the source data'),
    col('run_id', 'string', '実行ID', 'Run id'),
  ],
});
export type ObservationRow = RowOf<typeof observationsDataset>;

export const issuesDataset = dataset({
  name: 'issues',
  titleJa: '検出された問題',
  descriptionJa: '入力・設定・計算で見つかった問題。1件1行。',
  primaryKey: ['seq'],
  columns: [
    col('seq', 'integer', '実行内での通し番号', 'Sequence number within the run'),
    col('code', 'string', '問題の種類（英語の固定コード）', 'Stable issue code'),
    col('severity', 'string', 'error=その値は採用しない, warning=採用したが確認が必要, info=参考', 'error, warning or info'),
    nullableCol(
      'file',
      'string',
      'ファイル（入力は受信箱から、設定ファイルは設定フォルダからの相対パス）',
      'File (inputs relative to the inbox, config files to the config folder)',
    ),
    nullableCol('sheet', 'string', 'シート名', 'Sheet'),
    nullableCol('row', 'integer', '行番号（Excel の行番号）', 'Row as numbered in Excel'),
    nullableCol('column', 'string', '列（Excel の列記号）', 'Column letter'),
    nullableCol('path', 'string', '設定ファイル内の位置など', 'Path inside a config file'),
    nullableCol('raw', 'string', '問題のあった値（そのまま）', 'The raw value'),
    col('message', 'string', '内容と対処方法', 'What is wrong and what to do'),
    col('run_id', 'string', '実行ID', 'Run id'),
  ],
});
export type IssueRow = RowOf<typeof issuesDataset>;
