// The published tables: their columns, types and meanings, in one place. The CSV writer takes the column
// order from here and docs/datasets.md is generated from it, so the docs cannot drift from the code.

export type ColumnType = 'string' | 'integer' | 'decimal' | 'boolean';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Unit of the column's values where it is fixed (e.g. % for 達成率); per-row units live in a unit column. */
  unit?: string;
  /** Fixed decimals when written as text (index 2, achievement rate 1); otherwise the shortest exact form. */
  decimals?: number;
  descriptionJa: string;
  descriptionEn: string;
}

export interface DatasetSpec {
  name: string;
  titleJa: string;
  descriptionJa: string;
  columns: ColumnSpec[];
  /** Columns that identify a row within a run (run_id is added by the stores). */
  primaryKey: string[];
}

/** A dataset of one run, as written to every output (files, store, PostgreSQL). */
export interface PublishedTable {
  spec: DatasetSpec;
  rows: readonly object[];
}

const col = (
  name: string,
  type: ColumnType,
  descriptionJa: string,
  descriptionEn: string,
  decimals?: number,
  unit?: string,
): ColumnSpec => ({ name, type, descriptionJa, descriptionEn, ...(decimals === undefined ? {} : { decimals }), ...(unit === undefined ? {} : { unit }) });

export interface IndicatorValueRow {
  plan_id: string;
  vision: number;
  also_visions: string;
  tier: string;
  position: number;
  slot_id: string;
  measure_id: string;
  name_ja: string;
  previous_name_ja: string | null;
  unit: string;
  fiscal_year: number;
  fiscal_year_label: string;
  value: number | null;
  baseline_value: number | null;
  baseline_fiscal_year: number | null;
  index: number | null;
  trend: string | null;
  direction: string;
  assessment: string | null;
  n: number | null;
  ci_low: number | null;
  ci_high: number | null;
  value_status: string;
  source_kind: string | null;
  comment: string | null;
  run_id: string;
}

export const indicatorValues: DatasetSpec = {
  name: 'indicator_values',
  titleJa: '指標値（ソーシャルインパクト指標）',
  descriptionJa: 'ロジックモデルの指標枠（目指す姿・区分・番号）ごと、年度ごとに1行。',
  primaryKey: ['slot_id', 'fiscal_year'],
  columns: [
    col('plan_id', 'string', '計画ID（config の plan.yaml）', 'Plan id (plan.yaml)'),
    col('vision', 'integer', '目指す姿の番号（8・9 共通表は 8）', 'Vision number (8 for the shared 8/9 table)'),
    col('also_visions', 'string', '同じ表を共有する他の目指す姿（; 区切り）', 'Other visions sharing the table (; separated)'),
    col('tier', 'string', '区分: action=行動指標, short=短期アウトカム, long=中長期アウトカム, reference=参考指標', 'Tier: action, short, long, reference'),
    col('position', 'integer', '表中の番号', 'Printed number within the tier'),
    col('slot_id', 'string', '指標枠ID（v{目指す姿}-{区分}-{番号}）', 'Slot id (v{vision}-{tier}-{position})'),
    col('measure_id', 'string', '測定する量のID。複数の枠に再掲される指標は同じID', 'Measure id; shared by every slot printing the same quantity'),
    col('name_ja', 'string', '指標名（変更後の名称）', 'Indicator name (current)'),
    col('previous_name_ja', 'string', '変更前の指標名（旧—新の旧）', 'Former name when renamed'),
    col('unit', 'string', '単位（表に印字された単位）', 'Unit as printed'),
    col('fiscal_year', 'integer', '年度（開始年の西暦。令和6年度 = 2024）', 'Fiscal year (start year; April–March)'),
    col('fiscal_year_label', 'string', '年度の和暦表記', 'Fiscal year in the Japanese era'),
    col('value', 'decimal', '実績値（指標の精度に四捨五入）', 'Value, rounded half-up to the measure precision'),
    col('baseline_value', 'decimal', '基準値（丸める前の値。表示上の基準値は丸められていることがある）', 'Baseline value, unrounded'),
    col('baseline_fiscal_year', 'integer', '基準値の年度', 'Baseline fiscal year'),
    col('index', 'decimal', '指数 = 実績 ÷ 基準値 × 100（小数第2位、四捨五入）。基準値が0・欠測なら空', 'Index = value / baseline × 100, 2 decimals half-up', 2, '基準年度=100'),
    col('trend', 'string', '↑（100超）→（100）↓（100未満）', 'Trend mark: ↑ above 100, → at 100, ↓ below', undefined),
    col('direction', 'string', 'higher=高いほど良い, lower=低いほど良い（例: 区内倒産事業者数）', 'higher or lower is better'),
    col('assessment', 'string', '方向を考慮した評価: improved / unchanged / worsened', 'Direction-aware reading of the index'),
    col('n', 'integer', '調査の回答者数（分母）', 'Survey respondents in the denominator'),
    col('ci_low', 'decimal', '95%信頼区間の下限', 'Lower bound of the 95% interval'),
    col('ci_high', 'decimal', '95%信頼区間の上限', 'Upper bound of the 95% interval'),
    col('value_status', 'string', 'observed=観測値, declared=設定に記載の基準値, missing=欠測, conflict=入力が矛盾し不採用', 'observed, declared, missing, conflict'),
    col('source_kind', 'string', '値の出所: manual / industrySurvey / resas / setagayaPay / kosha など', 'Where the value came from'),
    col('comment', 'string', '入力時のコメント', 'Comment entered with the value'),
    col('run_id', 'string', '実行ID（入力・設定・版から決まる。同じ入力なら同じID）', 'Run id: derived from inputs, config and version'),
  ],
};

export interface ActionPlanProgressRow {
  plan_id: string;
  section: string;
  vision: number;
  line_id: string;
  reprint_of: string | null;
  measure_id: string;
  measure_name_ja: string;
  indicator_ja: string;
  unit: string;
  fiscal_year: number;
  fiscal_year_label: string;
  actual: number | null;
  actual_cumulative: number | null;
  target_year: number | null;
  target_year_original: number | null;
  target_total: number | null;
  total_kind: string;
  achievement_rate: number | null;
  printed_achievement_rate: number | null;
  run_id: string;
}

export const actionPlanProgress: DatasetSpec = {
  name: 'action_plan_progress',
  titleJa: 'アクションプラン進捗（達成率）',
  descriptionJa: 'アクションプランの行動指標ごと、計画年度（令和6〜9年度）ごとに1行。',
  primaryKey: ['line_id', 'fiscal_year'],
  columns: [
    col('plan_id', 'string', '計画ID', 'Plan id'),
    col('section', 'string', '方針（例: 2-2）', 'Section (方針), e.g. 2-2'),
    col('vision', 'integer', '目指す姿の番号', 'Vision number'),
    col('line_id', 'string', '行ID', 'Line id'),
    col('reprint_of', 'string', '【再掲】の場合、再掲元の行ID', 'Original line id when this line is a reprint'),
    col('measure_id', 'string', '実績を与える指標のID', 'Measure supplying the actual'),
    col('measure_name_ja', 'string', '施策・具体的取組み', 'Programme (施策)'),
    col('indicator_ja', 'string', '行動指標', 'Indicator as printed'),
    col('unit', 'string', '単位', 'Unit'),
    col('fiscal_year', 'integer', '年度（開始年の西暦）', 'Fiscal year (start year)'),
    col('fiscal_year_label', 'string', '年度の和暦表記', 'Fiscal year in the Japanese era'),
    col('actual', 'decimal', 'その年度の実績', 'Actual for the fiscal year'),
    col('actual_cumulative', 'decimal', '計画初年度からの実績累計（合計が年度目標の和の場合）', 'Actuals summed from the first plan year (sum kind)'),
    col('target_year', 'decimal', 'その年度の目標値（改定後）', 'Target for the year (after revisions)'),
    col('target_year_original', 'decimal', '改定前の当初目標値（改定がなければ target_year と同じ）', 'Original target before revisions'),
    col('target_total', 'decimal', '計画期間の合計（R6〜R9）', 'Plan-period total (合計)'),
    col('total_kind', 'string', '合計の作り方: sum=各年度の和, endLevel=最終年度の水準, constant=毎年同じ値', 'How the total is formed'),
    col('achievement_rate', 'decimal', '達成率 = 実績（sum は累計）÷ 合計 × 100（小数第1位、四捨五入）', 'Achievement rate, 1 decimal', 1, '%'),
    col('printed_achievement_rate', 'decimal', '公表資料に印字された達成率（比較用。印字どおりの桁数）', 'Achievement rate as printed in the published report', undefined, '%'),
    col('run_id', 'string', '実行ID', 'Run id'),
  ],
};

export interface IssueRow {
  seq: number;
  code: string;
  severity: string;
  file: string | null;
  sheet: string | null;
  row: number | null;
  column: string | null;
  path: string | null;
  raw: string | null;
  message: string;
  run_id: string;
}

export const issuesDataset: DatasetSpec = {
  name: 'issues',
  titleJa: '検出された問題',
  descriptionJa: '入力・設定・計算で見つかった問題。1件1行。',
  primaryKey: ['seq'],
  columns: [
    col('seq', 'integer', '実行内での通し番号', 'Sequence number within the run'),
    col('code', 'string', '問題の種類（英語の固定コード）', 'Stable issue code'),
    col('severity', 'string', 'error=その値は採用しない, warning=採用したが確認が必要, info=参考', 'error, warning or info'),
    col('file', 'string', 'ファイル（受信箱からの相対パス）', 'File (relative to the inbox)'),
    col('sheet', 'string', 'シート名', 'Sheet'),
    col('row', 'integer', '行番号（Excel の行番号）', 'Row as numbered in Excel'),
    col('column', 'string', '列（Excel の列記号）', 'Column letter'),
    col('path', 'string', '設定ファイル内の位置など', 'Path inside a config file'),
    col('raw', 'string', '問題のあった値（そのまま）', 'The raw value'),
    col('message', 'string', '内容と対処方法', 'What is wrong and what to do'),
    col('run_id', 'string', '実行ID', 'Run id'),
  ],
};

export const datasets = [indicatorValues, actionPlanProgress, issuesDataset] as const;
