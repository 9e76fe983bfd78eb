// The published tables: their columns, types and meanings, declared once. Each row type is inferred from its
// declaration (RowOf), the CSV writer takes the column order from here and docs/datasets.md is generated from it,
// so neither the types nor the docs can drift from the code.

export type ColumnType = 'string' | 'integer' | 'decimal' | 'boolean';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** The column may be empty (null in a row, an empty cell in the CSV). */
  nullable?: true;
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

interface ValueOfType {
  string: string;
  integer: number;
  decimal: number;
  boolean: boolean;
}

/** The row type of a dataset, inferred from its columns: `RowOf<typeof indicatorValues>`. */
export type RowOf<D extends { columns: readonly ColumnSpec[] }> = {
  [C in D['columns'][number] as C['name']]: ValueOfType[C['type']] | (C extends { nullable: true } ? null : never);
};

type ColumnArgs<N extends string, T extends ColumnType> = [name: N, type: T, descriptionJa: string, descriptionEn: string, decimals?: number, unit?: string];

const col = <N extends string, T extends ColumnType>(
  ...[name, type, descriptionJa, descriptionEn, decimals, unit]: ColumnArgs<N, T>
): ColumnSpec & { name: N; type: T } => ({
  name,
  type,
  descriptionJa,
  descriptionEn,
  ...(decimals === undefined ? {} : { decimals }),
  ...(unit === undefined ? {} : { unit }),
});

/** A column that may be empty: its row field is `| null`. */
const nullableCol = <N extends string, T extends ColumnType>(...args: ColumnArgs<N, T>): ColumnSpec & { name: N; type: T; nullable: true } => ({
  ...col(...args),
  nullable: true,
});

/** Keeps each column's name, type and nullability in the spec's type, for RowOf; the primary key must name columns. */
const dataset = <C extends ColumnSpec>(spec: Omit<DatasetSpec, 'columns' | 'primaryKey'> & { columns: C[]; primaryKey: C['name'][] }) => spec;

export const indicatorValues = dataset({
  name: 'indicator_values',
  titleJa: '指標値（{indicators}）',
  descriptionJa: 'ロジックモデルの指標枠（{pillar}・{tier}・番号）ごと、年度ごとに1行。',
  primaryKey: ['slot_id', 'fiscal_year'],
  columns: [
    col('plan_id', 'string', '計画ID（config の plan.yaml）', 'Plan id (plan.yaml)'),
    col('vision', 'integer', '{pillar}の番号（複数の{pillar}が1つの表を共有するときは最初の番号）', 'Vision number (the first, when visions share one table)'),
    col('also_visions', 'string', '同じ表を共有する他の{pillar}（; 区切り）', 'Other visions sharing the table (; separated)'),
    col('tier', 'string', '{tier}: {tiers}', 'Tier id of plan.yaml tiers'),
    col('position', 'integer', '表中の番号', 'Printed number within the tier'),
    col('slot_id', 'string', '指標枠ID（v{{pillar}}-{{tier}}-{番号}）', 'Slot id (v{vision}-{tier}-{position})'),
    col('measure_id', 'string', '測定する量のID。複数の枠に再掲される指標は同じID', 'Measure id; shared by every slot printing the same quantity'),
    col('name_ja', 'string', '指標名（変更後の名称）', 'Indicator name (current)'),
    nullableCol('previous_name_ja', 'string', '変更前の指標名（旧—新の旧）', 'Former name when renamed'),
    col('unit', 'string', '単位（表に印字された単位）', 'Unit as printed'),
    col('fiscal_year', 'integer', '年度（開始年の西暦。令和6年度 = 2024）', 'Fiscal year (start year; April–March)'),
    col('fiscal_year_label', 'string', '年度の和暦表記', 'Fiscal year in the Japanese era'),
    nullableCol('value', 'decimal', '実績値（指標の精度に四捨五入）', 'Value, rounded half-up to the measure precision'),
    nullableCol('baseline_value', 'decimal', '基準値（丸める前の値。表示上の基準値は丸められていることがある）', 'Baseline value, unrounded'),
    nullableCol('baseline_fiscal_year', 'integer', '基準値の年度', 'Baseline fiscal year'),
    nullableCol(
      'index',
      'decimal',
      '指数 = 実績 ÷ 基準値 × 100（小数第2位、四捨五入）。基準値が0・欠測なら空',
      'Index = value / baseline × 100, 2 decimals half-up',
      2,
      '基準年度=100',
    ),
    nullableCol('trend', 'string', '↑（100超）→（100）↓（100未満）', 'Trend mark: ↑ above 100, → at 100, ↓ below', undefined),
    col(
      'direction',
      'string',
      'higher=高いほど良い, lower=低いほど良い（件数が少ないほど良い指標など）, unknown=良し悪しを示さない',
      'higher or lower is better, or unknown',
    ),
    nullableCol('assessment', 'string', '方向を考慮した評価: improved / unchanged / worsened', 'Direction-aware reading of the index'),
    nullableCol('n', 'integer', '調査の回答者数（分母）', 'Survey respondents in the denominator'),
    nullableCol('ci_low', 'decimal', '95%信頼区間の下限', 'Lower bound of the 95% interval'),
    nullableCol('ci_high', 'decimal', '95%信頼区間の上限', 'Upper bound of the 95% interval'),
    col(
      'value_status',
      'string',
      'observed=観測値, declared=設定に記載の基準値, missing=欠測, conflict=入力が矛盾し不採用, incomplete=元データが揃わず不公表（例: 月次報告の欠けた月）, invalid=元データの検査に通らず不公表（例: 累計が減った）。理由は comment',
      'observed, declared, missing, conflict, incomplete (inputs missing, e.g. a month), invalid (inputs failed a check); the reason is in comment',
    ),
    nullableCol(
      'withheld_code',
      'string',
      '公表しない値（conflict・incomplete・invalid）の理由の固定コード（データ規則なら contract-*、issues.csv の code と同じ）。元データの検査が理由を文章でだけ示す場合は空',
      'Stable code of why the value is withheld (contract-* for a data contract, as in issues.csv); empty when the check gave only text',
    ),
    nullableCol(
      'withheld_reason',
      'string',
      '公表しない値の理由（日本語）。value が空なのは 0 でも前年度の値でもなく、この理由による',
      'Why the value is withheld (Japanese): an empty value is neither 0 nor last year’s value',
    ),
    nullableCol('source_kind', 'string', '値の出所: manual / industrySurvey / resas / setagayaPay / kosha など', 'Where the value came from'),
    nullableCol(
      'comment',
      'string',
      '入力時のコメント。incomplete・invalid のときは公表しない理由',
      'Comment entered with the value; for incomplete/invalid, why the value is not published',
    ),
    nullableCol(
      'reference_period',
      'string',
      '値が実際に表す期間が年度と異なるとき、その期間（例: RESAS 地域経済循環は「2018年（基準年）」の値を基準値の年度に用いる）',
      'The period the value actually measures when it is not the fiscal year (e.g. a RESAS benchmark year)',
    ),
    nullableCol(
      'source_vintage',
      'string',
      '元データの版（例: RESAS の「2020年版」。新しい版が出ると過去の年の値も改定される）',
      'Release of the source data the value comes from (e.g. RESAS 2020年版)',
    ),
    col('run_id', 'string', '実行ID（入力・設定・版から決まる。同じ入力なら同じID）', 'Run id: derived from inputs, config and version'),
  ],
});
export type IndicatorValueRow = RowOf<typeof indicatorValues>;

export const actionPlanProgress = dataset({
  name: 'action_plan_progress',
  titleJa: '{actionPlan}進捗（達成率）',
  descriptionJa: '{actionPlan}の{tier:action}ごと、計画年度（{period}）ごとに1行。',
  primaryKey: ['line_id', 'fiscal_year'],
  columns: [
    col('plan_id', 'string', '計画ID', 'Plan id'),
    col('section', 'string', '{section}の番号（印字どおり）', 'Section code as printed'),
    col('vision', 'integer', '{pillar}の番号', 'Vision number'),
    col('line_id', 'string', '行ID', 'Line id'),
    nullableCol('reprint_of', 'string', '【再掲】の場合、再掲元の行ID', 'Original line id when this line is a reprint'),
    col('measure_id', 'string', '実績を与える指標のID', 'Measure supplying the actual'),
    col('measure_name_ja', 'string', '施策・具体的取組み', 'Programme (施策)'),
    col('indicator_ja', 'string', '{tier:action}', 'Indicator as printed'),
    col('unit', 'string', '単位', 'Unit'),
    col('fiscal_year', 'integer', '年度（開始年の西暦）', 'Fiscal year (start year)'),
    col('fiscal_year_label', 'string', '年度の和暦表記', 'Fiscal year in the Japanese era'),
    nullableCol('actual', 'decimal', 'その年度の実績', 'Actual for the fiscal year'),
    col(
      'value_status',
      'string',
      '実績の状態: observed=観測値, missing=欠測, conflict・incomplete・invalid=公表しない（indicator_values と同じ）',
      'Status of the actual: observed, missing, or withheld (conflict, incomplete, invalid)',
    ),
    nullableCol('withheld_code', 'string', '公表しない実績の理由の固定コード（indicator_values と同じ）', 'Stable code of why the actual is withheld'),
    nullableCol('withheld_reason', 'string', '公表しない実績の理由（日本語）', 'Why the actual is withheld (Japanese)'),
    nullableCol('actual_cumulative', 'decimal', '計画初年度からの実績累計（合計が年度目標の和の場合）', 'Actuals summed from the first plan year (sum kind)'),
    nullableCol('target_year', 'decimal', 'その年度の目標値（改定後）', 'Target for the year (after revisions)'),
    nullableCol('target_year_original', 'decimal', '改定前の当初目標値（改定がなければ target_year と同じ）', 'Original target before revisions'),
    nullableCol('target_total', 'decimal', '計画期間の合計（{periodShort}）', 'Plan-period total (合計)'),
    col('total_kind', 'string', '合計の作り方: sum=各年度の和, endLevel=最終年度の水準, constant=毎年同じ値', 'How the total is formed'),
    nullableCol('achievement_rate', 'decimal', '達成率 = 実績（sum は累計）÷ 合計 × 100（小数第1位、四捨五入）', 'Achievement rate, 1 decimal', 1, '%'),
    nullableCol(
      'printed_achievement_rate',
      'decimal',
      '公表資料に印字された達成率（比較用。印字どおりの桁数）',
      'Achievement rate as printed in the published report',
      undefined,
      '%',
    ),
    col('run_id', 'string', '実行ID', 'Run id'),
  ],
});
export type ActionPlanProgressRow = RowOf<typeof actionPlanProgress>;

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

export const compositeIndex = dataset({
  name: 'composite_index',
  titleJa: '持続可能な地域経済の充実度（総合指数と感応度分析）',
  descriptionJa:
    '年度ごと、算出方法ごとに1行。is_primary の行が公表値、ほかの行は方法を変えたときの値（感応度分析）。算出方法は config の composite.yaml、説明は docs/composite.md。',
  primaryKey: ['fiscal_year', 'method_id'],
  columns: [
    col('plan_id', 'string', '計画ID', 'Plan id'),
    col('fiscal_year', 'integer', '年度（開始年の西暦）', 'Fiscal year (start year)'),
    col('fiscal_year_label', 'string', '年度の和暦表記', 'Fiscal year in the Japanese era'),
    col('method_id', 'string', '算出方法のID（composite.yaml）', 'Method id (composite.yaml)'),
    col('method_label_ja', 'string', '算出方法の説明', 'Method label'),
    col('is_primary', 'boolean', 'true = 公表する方法', 'true for the published method'),
    col(
      'status',
      'string',
      'published=公表, below-coverage=入力の被覆率が基準未満のため公表しない, no-inputs=入力なし',
      'published, below-coverage or no-inputs',
    ),
    nullableCol(
      'value',
      'decimal',
      '充実度（基準年度 = 100、小数第2位、四捨五入）。公表しない年度は空',
      'Composite (reference year = 100), 2 decimals; empty when not published',
      2,
      'ポイント',
    ),
    nullableCol(
      'provisional_value',
      'decimal',
      'そろった入力だけで計算した値（被覆率にかかわらず）。value が空の年度は参考値であり公表値ではない',
      'Value over the inputs present, whatever the coverage; not a published value when value is empty',
      2,
      'ポイント',
    ),
    col('inputs_present', 'integer', '値がそろった入力（指標）の数', 'Inputs present'),
    col('inputs_total', 'integer', '入力として定義された指標の数', 'Inputs defined'),
    col('coverage_rate', 'decimal', '被覆率 = そろった入力の重み ÷ 全入力の重み × 100', 'Coverage: weight of inputs present / total weight × 100', 1, '%'),
    col('min_coverage_rate', 'decimal', '公表に必要な被覆率（方法ごとの設定）', 'Coverage required for publication', 1, '%'),
    col(
      'missing_inputs',
      'string',
      '欠けた入力「指標ID:理由」（; 区切り）。理由: no-value=実績なし, no-baseline=基準値なし・0, other-baseline-year=基準年度が異なる, conflict=入力が矛盾, not-invertible=低いほど良い指標の実績0',
      'Missing inputs as id:reason, ; separated',
    ),
    col('capped_inputs', 'string', '頭打ち（cap）で値を切り詰めた入力の指標ID（; 区切り）', 'Inputs whose value was capped'),
    nullableCol('leave_one_out_low', 'decimal', '入力を1つずつ除いて計算したときの最小値', 'Lowest value with one input left out', 2, 'ポイント'),
    nullableCol('leave_one_out_low_without', 'string', '最小値になるとき除いた指標ID', 'Input left out for the lowest value'),
    nullableCol('leave_one_out_high', 'decimal', '入力を1つずつ除いて計算したときの最大値', 'Highest value with one input left out', 2, 'ポイント'),
    nullableCol('leave_one_out_high_without', 'string', '最大値になるとき除いた指標ID', 'Input left out for the highest value'),
    nullableCol('next_target_fiscal_year', 'integer', 'この年度以降で最初の目標年度', 'First target year from this year on'),
    nullableCol('next_target_value', 'decimal', 'その目標値', 'Its target value', undefined, 'ポイント'),
    col('run_id', 'string', '実行ID', 'Run id'),
  ],
});
export type CompositeIndexRow = RowOf<typeof compositeIndex>;

export const compositeComponents = dataset({
  name: 'composite_components',
  titleJa: '充実度の入力と寄与',
  descriptionJa: '年度 × 算出方法 × 入力（{tier:long}の指標、再掲は1回）ごとに1行。充実度の各値がどの指標からどれだけ来たかを示す。',
  primaryKey: ['fiscal_year', 'method_id', 'measure_id'],
  columns: [
    col('plan_id', 'string', '計画ID', 'Plan id'),
    col('fiscal_year', 'integer', '年度（開始年の西暦）', 'Fiscal year (start year)'),
    col('fiscal_year_label', 'string', '年度の和暦表記', 'Fiscal year in the Japanese era'),
    col('method_id', 'string', '算出方法のID', 'Method id'),
    col('measure_id', 'string', '指標ID', 'Measure id'),
    col('name_ja', 'string', '指標名', 'Measure name'),
    col(
      'visions',
      'string',
      'この指標を{tier:long}に印字する{pillar}（; 区切り。表を共有する{pillar}は最初の番号）',
      'Visions printing it as a long-term outcome (; separated)',
    ),
    col('slot_ids', 'string', '印字された指標枠（; 区切り）', 'Slots printing it'),
    col('direction', 'string', 'higher=高いほど良い, lower=低いほど良い', 'higher or lower is better'),
    col('weight', 'decimal', '設定上の重み（composite.yaml、既定 1）', 'Nominal weight'),
    col('status', 'string', 'present=値あり, missing=欠測', 'present or missing'),
    nullableCol('missing_reason', 'string', '欠測の理由（composite_index の missing_inputs と同じ記号）', 'Why it is missing'),
    nullableCol('index', 'decimal', '指数（印字どおり: 実績 ÷ 基準値 × 100）', 'Index as printed', 2),
    nullableCol('adjusted_index', 'decimal', '方向を考慮した指数（低いほど良い指標は 基準値 ÷ 実績 × 100）', 'Direction-adjusted index', 2),
    nullableCol('capped_index', 'decimal', '頭打ち後の値（集計に使う値）', 'Value after capping (the one aggregated)', 2),
    nullableCol('was_capped', 'boolean', 'true = 頭打ちで切り詰めた', 'true when capped'),
    nullableCol(
      'effective_weight',
      'decimal',
      '実際の重み（そろった入力の間で合計1。{pillar}ごとの平均では{pillar}の重みも掛かる）',
      'Effective weight among inputs present (sums to 1)',
      4,
    ),
    nullableCol(
      'contribution',
      'decimal',
      '寄与: 算術平均では 実際の重み ×（値 − 100）ポイント（合計 = 充実度 − 100）。幾何平均では 100 × 実際の重み × ln(値 ÷ 100)',
      'Arithmetic: weight × (value − 100), summing to composite − 100; geometric: 100 × weight × ln(value / 100)',
      4,
    ),
    col('run_id', 'string', '実行ID', 'Run id'),
  ],
});
export type CompositeComponentRow = RowOf<typeof compositeComponents>;

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

export const surveyBreakdowns = dataset({
  name: 'survey_breakdowns',
  titleJa: '産業基礎調査の割合（全体・業種別・規模別）',
  descriptionJa:
    '調査から計算する指標ごと、年度ごと、内訳（全体・業種・従業員規模…）のグループごとに1行。割合・標準誤差・区間は丸める前の値（%）。回答者が最小数未満のグループは suppressed = true で、割合などは空欄（0 ではない）。計算方法は docs/industry-survey.md。',
  primaryKey: ['measure_id', 'fiscal_year', 'dimension', 'group_code'],
  columns: [
    col('measure_id', 'string', '指標ID', 'Measure id'),
    col('name_ja', 'string', '指標名', 'Measure name'),
    col('fiscal_year', 'integer', '年度（開始年の西暦）', 'Fiscal year (start year)'),
    col('fiscal_year_label', 'string', '年度の和暦表記', 'Fiscal year in the Japanese era'),
    col('dimension', 'string', '内訳: total=全体、ほかは config の breakdowns.dimensions の id（industry, size …）', 'Breakdown: total, or a dimension id'),
    col('dimension_ja', 'string', '内訳の名前', 'Breakdown name'),
    col('group_code', 'string', 'グループのコード（全体は all、回答がない・読めないものは unknown）', 'Group code (all for the total, unknown for no answer)'),
    col('group_label', 'string', 'グループの名前', 'Group label'),
    col('n', 'integer', '分母の回答者数（重みなし）', 'Respondents in the denominator (unweighted)'),
    nullableCol('numerator', 'integer', '数える回答を選んだ回答者数。秘匿のグループは空欄', 'Respondents choosing a counted answer; empty when suppressed'),
    nullableCol(
      'share',
      'decimal',
      '割合 = numerator ÷ n × 100（%、丸める前）。秘匿・n = 0 は空欄',
      'Share in %, unrounded; empty when suppressed or n = 0',
      undefined,
      '%',
    ),
    nullableCol('se', 'decimal', '割合の標準誤差 √(p(1−p)/n)（%ポイント）', 'Standard error of the share (percentage points)'),
    nullableCol('ci_low', 'decimal', '95%信頼区間の下限（Wilson のスコア区間、%）', 'Lower bound of the Wilson interval (%)'),
    nullableCol('ci_high', 'decimal', '95%信頼区間の上限（Wilson のスコア区間、%）', 'Upper bound of the Wilson interval (%)'),
    nullableCol(
      'weighted_share',
      'decimal',
      '加重割合 Σw·y ÷ Σw（%）。ウェイトのない波・秘匿は空欄',
      'Weighted share (%); empty without sound weights or when suppressed',
    ),
    nullableCol(
      'weighted_se',
      'decimal',
      '加重割合の標準誤差（%ポイント）。weighted_method = design なら層別・有限母集団修正つきの線形化分散、kish なら Kish の有効標本サイズによる',
      'SE of the weighted share: design-based (Taylor, strata, fpc) or from the Kish effective n (weighted_method)',
    ),
    nullableCol(
      'weighted_ci_low',
      'decimal',
      '加重割合の95%区間の下限（design: Korn–Graubard、kish: 有効標本サイズによる Wilson 区間）',
      'Lower bound of the weighted share interval (Korn–Graubard when design-based)',
    ),
    nullableCol('weighted_ci_high', 'decimal', '加重割合の95%区間の上限', 'Upper bound of the weighted share interval'),
    nullableCol(
      'effective_n',
      'decimal',
      '有効標本サイズ。design: p(1−p) ÷ 設計分散（0%・100% は空欄）、kish: (Σw)² ÷ Σw²',
      'Effective sample size: p(1−p)/design variance, or Kish (Σw)²/Σw²',
    ),
    col(
      'estimator',
      'string',
      '公表値（指標値）を出した推計: unweighted=単純集計、kish=加重（Kish）、design=標本設計による加重推計、design-raked / design-calibrated=それをレイキング／線形較正で周辺に合わせたもの',
      'Estimator of the published figure: unweighted, kish, design, design-raked or design-calibrated',
    ),
    nullableCol(
      'weighted_method',
      'string',
      'weighted_* 列の計算方法: design（標本設計: 層・有限母集団修正）、design-raked / design-calibrated（そのウェイトをレイキング／線形較正で周辺に合わせた）、kish。ウェイトがなければ空欄',
      'How the weighted_* columns were computed: design, design-raked, design-calibrated or kish',
    ),
    nullableCol(
      'deff',
      'decimal',
      '計画効果（設計分散 ÷ 同じ大きさの単純無作為抽出の分散、R の svymean(deff = TRUE)）。0%・100% は空欄',
      'Design effect as R svymean(deff = TRUE)',
    ),
    nullableCol(
      'design_df',
      'integer',
      'Korn–Graubard 区間の自由度（グループの回答者数 − 回答者のいる層の数）',
      'Degrees of freedom of the Korn–Graubard interval',
    ),
    nullableCol(
      'design_flag',
      'string',
      '設定の限度を超えたセル: effective-n=有効標本サイズが design.limits.minEffectiveN 未満、relative-se=相対標準誤差が maxRelativeSe 超',
      'Design limit passed: effective-n or relative-se',
    ),
    col(
      'suppressed',
      'boolean',
      '秘匿: 回答者が最小数未満（min-n）、設計の限度を超えた（design-effective-n / design-relative-se、design.limits.action = withhold のとき）、それらを守るための二次秘匿（complementary）',
      'Suppressed cell',
    ),
    nullableCol(
      'suppression_reason',
      'string',
      'min-n=回答者が最小数未満、design-effective-n / design-relative-se=設計の限度、complementary=二次秘匿',
      'min-n, design-effective-n, design-relative-se or complementary',
    ),
    col('sources', 'string', '使った調査票・設問・ファイル（; 区切り）', 'Instruments, questions and files used (; separated)'),
    col('run_id', 'string', '実行ID', 'Run id'),
  ],
});
export type SurveyBreakdownRow = RowOf<typeof surveyBreakdowns>;

export const surveyWaves = dataset({
  name: 'survey_waves',
  titleJa: '産業基礎調査の回答ファイル（波）と採否',
  descriptionJa: '受信箱にある産業基礎調査の回答ファイルごとに1行。再送された版は前の版と並べて残し、どちらを使ったかを status に示す。',
  primaryKey: ['file'],
  columns: [
    col('fiscal_year', 'integer', '調査の年度', 'Fiscal year of the wave'),
    col('fiscal_year_label', 'string', '年度の和暦表記', 'Fiscal year in the Japanese era'),
    col('instrument', 'string', '調査票ID', 'Instrument id'),
    col('instrument_name_ja', 'string', '調査票の名前', 'Instrument name'),
    col('file', 'string', 'ファイル（受信箱からの相対パス）', 'File (relative to the inbox)'),
    col('version', 'integer', '版（ファイル名の _v2 など。なければ 1）', 'Version from the file name (1 when none)'),
    col('sha256', 'string', 'ファイルの SHA-256', 'SHA-256 of the file'),
    col('format', 'string', '形式: xlsx / csv-utf-8 / csv-cp932', 'Format'),
    nullableCol('codebook', 'string', '使ったコードブック（設定、またはファイルとシート）', 'Codebook used'),
    col(
      'status',
      'string',
      'active=この年度の値に使用、superseded=再送版に置き換え済み（残してある）、rejected=再送版だが検証で不合格のため不採用、unreadable=読めない',
      'active, superseded, rejected or unreadable',
    ),
    nullableCol('data_rows', 'integer', 'データ行の数（見出しを除く）', 'Data rows'),
    nullableCol('respondents', 'integer', '集計に使う回答者数（空行・重複を除く）', 'Respondents kept'),
    nullableCol('empty_rows', 'integer', '回答が1つもない行の数', 'Rows without any answer'),
    nullableCol('duplicate_rows', 'integer', '回答者IDが重複した行の数', 'Rows repeating a respondent id'),
    col('errors', 'integer', 'このファイルのエラーの件数', 'Errors in this file'),
    col('warnings', 'integer', 'このファイルの警告の件数', 'Warnings in this file'),
    col('weighted', 'boolean', '健全なウェイトの列がある（加重推計に使える）', 'Carries sound weights'),
    nullableCol('first_response_date', 'string', '最初の回答日（日本時間の暦日）', 'First response date (Japan calendar)'),
    nullableCol('last_response_date', 'string', '最後の回答日（日本時間の暦日）', 'Last response date (Japan calendar)'),
    col('run_id', 'string', '実行ID', 'Run id'),
  ],
});
export type SurveyWaveRow = RowOf<typeof surveyWaves>;

export const surveyRevisions = dataset({
  name: 'survey_revisions',
  titleJa: '再送された調査データによる公表値の変更（旧 → 新）',
  descriptionJa: '再送された回答ファイルが検証に合格して前の版に置き換わったとき、値・n・状態が変わった公表値ごとに1行。値は公表する桁に丸めたもの。',
  primaryKey: ['replacement_file', 'measure_id', 'fiscal_year', 'dimension', 'group_code'],
  columns: [
    col('measure_id', 'string', '指標ID', 'Measure id'),
    col('name_ja', 'string', '指標名', 'Measure name'),
    col('fiscal_year', 'integer', '年度', 'Fiscal year'),
    col('dimension', 'string', '内訳（total=全体）', 'Breakdown (total for the headline figure)'),
    col('group_code', 'string', 'グループのコード', 'Group code'),
    col('group_label', 'string', 'グループの名前', 'Group label'),
    col('replaced_file', 'string', '置き換えられた版のファイル', 'File replaced'),
    col('replacement_file', 'string', '新しく使う版のファイル', 'Replacement file'),
    nullableCol('old_value', 'decimal', '旧い値（公表する桁）', 'Old value as published'),
    nullableCol('new_value', 'decimal', '新しい値（公表する桁）', 'New value as published'),
    nullableCol('old_n', 'integer', '旧い n', 'Old n'),
    nullableCol('new_n', 'integer', '新しい n', 'New n'),
    col('old_status', 'string', '旧い状態: estimated / suppressed / withheld（使えない回答があり不公表）/ absent', 'Old status'),
    col('new_status', 'string', '新しい状態', 'New status'),
    col('run_id', 'string', '実行ID', 'Run id'),
  ],
});
export type SurveyRevisionRow = RowOf<typeof surveyRevisions>;

/** A ward progress table (progress.yaml); written only by plans that have one. */
export const indicatorProgress = dataset({
  name: 'indicator_progress',
  titleJa: '{progressTable}（年度の役割・目標・評価）',
  descriptionJa:
    '進捗表（progress.yaml）の指標ごと、年度ごとに1行。年度は計画が宣言した年度の役割（基準値・中間値・実績値・目標値 など）の年度と、値が入力された年度。',
  primaryKey: ['indicator_id', 'fiscal_year'],
  columns: [
    col('plan_id', 'string', '計画ID', 'Plan id'),
    col('pillar_code', 'string', '{pillar}の印字記号', 'Pillar code as printed'),
    col('pillar_name_ja', 'string', '{pillar}の名称', 'Pillar name'),
    col('section_code', 'string', '{section}の印字記号（例: Ⅰ-ⅰ）', 'Section code as printed'),
    col('section_name_ja', 'string', '{section}の名称', 'Section name'),
    col('indicator_id', 'string', '指標ID（手入力ワークブックの指標ID。既定は {pillar}の記号/番号）', 'Indicator id (manual-entry id; default pillar/code)'),
    col('code', 'string', '指標の印字番号（例: 1-①。{pillar}ごとに繰り返す）', 'Indicator code as printed (repeats per pillar)'),
    col('name_ja', 'string', '指標名', 'Indicator name'),
    col('tier', 'string', '{tier}（印字どおりの名称: {tierLabels}）', "Tier in the plan's words"),
    col('unit', 'string', '単位', 'Unit'),
    col(
      'direction',
      'string',
      'higher=高いほど良い, lower=低いほど良い, unknown=方向が定まらない（良し悪しを示さない）',
      'higher, lower or unknown (no good/bad reading)',
    ),
    col('owners', 'string', '所管課（、区切り。改称した課は「新名（旧 旧名）」）', 'Owning departments, 、-separated (renamed: new (旧 old))'),
    nullableCol('related_owners', 'string', '関連所管課（、区切り。計画が所管課と分けて印字するとき）', 'Related departments, printed apart from the owners'),
    col('fiscal_year', 'integer', '年度（開始年の西暦）', 'Fiscal year (start year)'),
    col('fiscal_year_label', 'string', '年度の和暦表記', 'Fiscal year in the Japanese era'),
    nullableCol(
      'year_role',
      'string',
      'この年度の役割（progress.yaml の yearRoles の名称。複数は・区切り）。役割のない年度は空',
      "Year role(s) in the plan's words; empty for other years",
    ),
    col('is_latest', 'boolean', 'true = 最新の実績年度の行（概要の評価の集計に使う）', 'true on the latest year with a value'),
    nullableCol('value', 'decimal', '数値（2つの数値を持つ指標は1つ目）。状態で示す値のときは空', 'Value (the first figure of a pair); empty for a status'),
    nullableCol('secondary_value', 'decimal', '2つ目の数値（例: 320人（8回）の 8）', 'Second figure of a pair'),
    nullableCol('secondary_unit', 'string', '2つ目の数値の単位', 'Unit of the second figure'),
    nullableCol(
      'status_value',
      'string',
      '状態で示す値（plan.yaml の statuses。例: 実施・未実施・検討中・―）。0 とは別',
      'Status value (実施 …), distinct from 0',
    ),
    nullableCol('value_text', 'string', '印字どおりの値（例: 1,200、320人（8回）、実施）', 'The value as printed'),
    col(
      'value_status',
      'string',
      'observed=入力値, declared=設定に記載の基準値, missing=値なし, conflict=入力が矛盾し不採用, incomplete・invalid=データ規則などの検査により不公表（理由は withheld_reason）',
      'observed, declared, missing, conflict, or incomplete/invalid (withheld by a check; see withheld_reason)',
    ),
    nullableCol('withheld_code', 'string', '公表しない値の理由の固定コード（indicator_values と同じ）', 'Stable code of why the value is withheld'),
    nullableCol(
      'withheld_reason',
      'string',
      '公表しない値の理由（日本語）。値が空なのは 0 でも前年度の値でもなく、この理由による',
      'Why the value is withheld (Japanese)',
    ),
    nullableCol('baseline_value', 'decimal', '基準値（基準値の役割の年度の値）', 'Baseline value'),
    nullableCol('baseline_fiscal_year', 'integer', '基準値の年度', 'Baseline fiscal year'),
    nullableCol('target_fiscal_year', 'integer', '目標値の年度（目標値の役割の年度）', 'Target fiscal year'),
    nullableCol(
      'target_in_force',
      'decimal',
      'この年度に有効な目標値（この年度までに決まった改定を反映。後の改定は過去の年度を書き換えない）',
      'Target in force that year (revisions decided up to that year)',
    ),
    nullableCol('target_original', 'decimal', '当初の目標値', 'Original target'),
    nullableCol('target_status', 'string', '状態で示す目標（例: 実施）', 'Target state (e.g. 実施)'),
    nullableCol('target_text', 'string', '文章で示す目標（印字どおり。評価はしない）', 'Target stated in words (not graded)'),
    nullableCol('target_revisions', 'string', '目標の改定（例: 20社 ↓ 3社に変更（令和6年度: 理由））', 'Target revisions with year and reason'),
    nullableCol(
      'achievement_rate',
      'decimal',
      '達成率 = 値 ÷ 有効な目標値 × 100（低いほど良い指標は 目標値 ÷ 値 × 100。小数第1位、四捨五入）',
      'Rate against the target in force, 1 decimal',
      1,
      '%',
    ),
    nullableCol('achievement_rate_original', 'decimal', '当初目標に対する達成率（同じ式）', 'Rate against the original target', 1, '%'),
    nullableCol('target_met', 'boolean', '状態で示す目標を満たしたか（true/false）。数値の目標・該当なしは空', 'Whether a state target is met'),
    col('grade', 'string', '評価（計画が宣言した規則による。progress.yaml の grading）', "Grade by the plan's own rule"),
    col('grade_rule', 'string', 'その評価を与えた規則（計画の言葉）', "The rule that gave the grade, in the plan's words"),
    nullableCol('definition_change', 'string', '指標の定義の変更（年度と理由）', 'Definition change (year and reason)'),
    nullableCol('comment', 'string', '入力時のコメント', 'Comment entered with the value'),
    col('run_id', 'string', '実行ID', 'Run id'),
  ],
});
export type IndicatorProgressRow = RowOf<typeof indicatorProgress>;

/** Tables a source adapter contributes (SourceResult.tables); the run writes each of them, empty when no file fed it. */
export const adapterDatasets = [surveyBreakdowns, surveyWaves, surveyRevisions] as const;

export const datasets = [
  indicatorValues,
  actionPlanProgress,
  indicatorProgress,
  observationsDataset,
  issuesDataset,
  compositeIndex,
  compositeComponents,
  ...adapterDatasets,
] as const;
