// `lei explain`: how a published value was produced — the inputs (file, sha256, sheet, rows), the rule,
// the baseline and the formula, and the run that published it — read back from a run folder.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ActionPlanProgressRow, IndicatorProgressRow, IndicatorValueRow } from '../lib/datasets/indicator-tables.ts';
import type { ObservationRow } from '../lib/datasets/run-tables.ts';
import { roundHalfUp } from '../lib/decimal.ts';
import { formatFiscalYear } from '../lib/fiscal-year.ts';
import { UserError } from '../lib/user-error.ts';

export interface Explanation {
  runId: string;
  /** Decimals the measure's values are published with (the interval is shown to the same precision). */
  decimals: number;
  runFolder: string;
  finishedAt: string;
  measureId: string;
  fiscalYear: number;
  slots: IndicatorValueRow[];
  value: ObservationRow[];
  baseline: ObservationRow[];
  lines: ActionPlanProgressRow[];
  /** The progress-table rows of the indicator and year (a plan with progress.yaml): target, rates and grade. */
  progress: IndicatorProgressRow[];
}

export async function explainValue(runDir: string, target: string, fiscalYear: number): Promise<Explanation> {
  const dir = await realpath(runDir).catch(() => {
    throw new UserError(`実行フォルダ「${runDir}」がありません。先に lei run を実行してください`, `Run folder "${runDir}" does not exist; run lei run first`);
  });
  const read = async <T>(name: string): Promise<T> => {
    const text = await readFile(path.join(dir, name), 'utf8').catch(() => {
      throw new UserError(
        `実行フォルダに ${name} がありません（古い版で作られた実行です）。lei run --full で作り直してください`,
        `The run folder has no ${name} (made by an older version); remake it with lei run --full`,
      );
    });
    return JSON.parse(text) as T;
  };
  const manifest = await read<{ run_id: string; finished_at: string }>('manifest.json');
  const values = await read<IndicatorValueRow[]>('indicator_values.json');
  const observations = await read<ObservationRow[]>('observations.json');
  const progress = await read<ActionPlanProgressRow[]>('action_plan_progress.json');
  // Written only by a plan with a progress table.
  const indicatorProgress = await read<IndicatorProgressRow[]>('indicator_progress.json').catch(() => []);
  const progressRow = indicatorProgress.find((p) => p.indicator_id === target);

  const measureId =
    values.find((v) => v.slot_id === target)?.measure_id ??
    (values.some((v) => v.measure_id === target) || observations.some((o) => o.measure_id === target) ? target : undefined) ??
    progress.find((p) => p.line_id === target)?.measure_id ??
    progressRow?.indicator_id ??
    values.find((v) => v.name_ja.includes(target))?.measure_id;
  if (!measureId) {
    // Examples from this run's own plan (the folder is the selected plan's: cli/plan-run-folder.ts), never another plan's ids.
    const example = (ids: (string | null | undefined)[]) => ids.find((id) => id);
    const kinds = [
      { ja: '指標枠ID', en: 'a slot id', id: example(values.map((v) => v.slot_id)) },
      { ja: '指標ID', en: 'a measure id', id: example([...values.map((v) => v.measure_id), ...observations.map((o) => o.measure_id)]) },
      { ja: '行ID', en: 'a line id', id: example(progress.map((p) => p.line_id)) },
      { ja: '進捗表の指標ID', en: 'a progress-table indicator id', id: example(indicatorProgress.map((p) => p.indicator_id)) },
    ].filter((k) => k.id !== undefined);
    throw new UserError(
      `「${target}」に当たる指標・行がこの実行（${manifest.run_id}）にありません。${kinds.map((k) => `${k.ja}（例: ${k.id}）`).join('、')}${kinds.length > 0 ? 'か' : ''}指標名の一部を指定してください`,
      `Nothing matches "${target}" in this run (${manifest.run_id}): give ${kinds.map((k) => `${k.en} (e.g. ${k.id})`).join(', ')}${kinds.length > 0 ? ' or ' : ''}part of a measure name`,
    );
  }

  const slots = values.filter((v) => v.measure_id === measureId && v.fiscal_year === fiscalYear);
  const baselineYear = slots[0]?.baseline_fiscal_year ?? null;
  return {
    runId: manifest.run_id,
    decimals: Math.max(0, ...values.filter((v) => v.measure_id === measureId).map((v) => decimalsOf(v.value))),
    runFolder: dir,
    finishedAt: manifest.finished_at,
    measureId,
    fiscalYear,
    slots,
    value: observations.filter((o) => o.measure_id === measureId && o.fiscal_year === fiscalYear),
    baseline:
      baselineYear === null || baselineYear === fiscalYear ? [] : observations.filter((o) => o.measure_id === measureId && o.fiscal_year === baselineYear),
    lines: progress.filter((p) => p.measure_id === measureId && p.fiscal_year === fiscalYear),
    progress: indicatorProgress.filter((p) => p.indicator_id === (progressRow?.indicator_id ?? measureId) && p.fiscal_year === fiscalYear),
  };
}

/** Decimals written in a published value (values are rounded to the measure's precision, written in their shortest form). */
function decimalsOf(value: number | null): number {
  return value === null ? 0 : (String(value).split('.')[1] ?? '').length;
}

/** An action-plan line's figures as printed in an explanation. */
type LineFigures = Record<'id' | 'section' | 'name' | 'actual' | 'cumulative' | 'total' | 'kind' | 'rate' | 'printed', string>;

const labels = {
  ja: {
    measure: (id: string, fy: string) => `指標 ${id}（${fy}）`,
    slot: (id: string, name: string, previous: string | null) => `  指標枠 ${id}: ${name}${previous ? `（旧: ${previous}）` : ''}`,
    value: (value: string, unit: string, status: string, interval: string) => `値: ${value} ${unit}（状態: ${status}${interval}）`,
    interval: (n: number, low: string, high: string) => `、n = ${n}、95%信頼区間 ${low}〜${high}`,
    baseline: (value: string, year: string) => `基準値: ${value}（${year}）`,
    noIndex: '指数: —（実績か基準値が欠けている、または基準値が 0）',
    index: (value: string, baseline: string, index: string, trend: string, lower: boolean, assessment: string) =>
      `指数: ${value} ÷ ${baseline} × 100 = ${index}（小数第2位で四捨五入）${trend}、方向 ${lower ? '低いほど良い' : '高いほど良い'} → ${assessment}`,
    inputs: (fy: string) => `${fy}の入力`,
    baselineInputs: (fy: string) => `基準値（${fy}）の入力`,
    none: '  （この実行の入力にはありません。設定の宣言値か欠測）',
    used: (used: boolean) => (used ? '採用' : '不採用（食い違い）'),
    sheet: (name: string) => ` シート「${name}」`,
    rows: (rows: string) => ` ${rows}行目`,
    rule: '規則',
    comment: 'コメント',
    others: (files: string) => `      ほかの入力: ${files}`,
    line: (table: string, l: LineFigures) =>
      `${table} ${l.id}（${l.section}）${l.name}: 実績 ${l.actual}${l.cumulative ? `（累計 ${l.cumulative}）` : ''} ÷ 合計 ${l.total}（${l.kind}）× 100 = 達成率 ${l.rate}%${l.printed ? `（印字 ${l.printed}%）` : ''}`,
    progress: (table: string, r: IndicatorProgressRow, target: string, show: (v: number | null) => string) =>
      `${table} ${r.pillar_code} ${r.section_code} ${r.code} ${r.name_ja}: 値 ${r.value_text ?? '—'}（${r.value_status}）、基準値 ${show(r.baseline_value)}、` +
      `目標 ${target}${r.target_revisions ? `（${r.target_revisions}）` : ''} → 達成率 ${show(r.achievement_rate)}%（当初の目標に対して ${show(r.achievement_rate_original)}%）、` +
      `評価 ${r.grade}（${r.grade_rule}）`,
    run: (id: string, at: string, folder: string) => `公開した実行: ${id}（${at}、${folder}）`,
  },
  en: {
    measure: (id: string, fy: string) => `Measure ${id} (${fy})`,
    slot: (id: string, name: string, previous: string | null) => `  slot ${id}: ${name}${previous ? ` (formerly: ${previous})` : ''}`,
    value: (value: string, unit: string, status: string, interval: string) => `Value: ${value} ${unit} (status: ${status}${interval})`,
    interval: (n: number, low: string, high: string) => `, n = ${n}, 95% interval ${low}–${high}`,
    baseline: (value: string, year: string) => `Baseline: ${value} (${year})`,
    noIndex: 'Index: — (value or baseline missing, or the baseline is 0)',
    index: (value: string, baseline: string, index: string, trend: string, lower: boolean, assessment: string) =>
      `Index: ${value} / ${baseline} × 100 = ${index} (2 decimals, half-up) ${trend}, ${lower ? 'lower is better' : 'higher is better'} → ${assessment}`,
    inputs: (fy: string) => `Inputs for ${fy}`,
    baselineInputs: (fy: string) => `Inputs for the baseline (${fy})`,
    none: '  (not among this run’s inputs: a value declared in the config, or missing)',
    used: (used: boolean) => (used ? 'used' : 'not used (conflict)'),
    sheet: (name: string) => ` sheet "${name}"`,
    rows: (rows: string) => ` rows ${rows}`,
    rule: 'rule',
    comment: 'comment',
    others: (files: string) => `      other inputs: ${files}`,
    line: (table: string, l: LineFigures) =>
      `${table} ${l.id} (${l.section}) ${l.name}: actual ${l.actual}${l.cumulative ? ` (cumulative ${l.cumulative})` : ''} / total ${l.total} (${l.kind}) × 100 = achievement ${l.rate}%${l.printed ? ` (printed ${l.printed}%)` : ''}`,
    progress: (table: string, r: IndicatorProgressRow, target: string, show: (v: number | null) => string) =>
      `${table} ${r.pillar_code} ${r.section_code} ${r.code} ${r.name_ja}: value ${r.value_text ?? '—'} (${r.value_status}), baseline ${show(r.baseline_value)}, ` +
      `target ${target}${r.target_revisions ? ` (${r.target_revisions})` : ''} → achievement ${show(r.achievement_rate)}% (against the original ${show(r.achievement_rate_original)}%), ` +
      `grade ${r.grade} (${r.grade_rule})`,
    run: (id: string, at: string, folder: string) => `Published by run: ${id} (${at}, ${folder})`,
  },
};

/** The explanation as the analyst reads it; the plan's tables are named in the plan's words (plan.yaml terms). */
export function formatExplanation(e: Explanation, words: { actionPlan: string; progressTable: string }, lang: 'ja' | 'en' = 'ja'): string {
  const l = labels[lang];
  const out: string[] = [];
  const fy = formatFiscalYear(e.fiscalYear);
  const s = e.slots[0];
  const show = (v: number | null) => (v === null ? '—' : String(v));
  out.push(l.measure(e.measureId, fy));
  for (const slot of e.slots) out.push(l.slot(slot.slot_id, slot.name_ja, slot.previous_name_ja));
  if (s) {
    const interval =
      s.n !== null && s.ci_low !== null && s.ci_high !== null
        ? l.interval(s.n, roundHalfUp(s.ci_low, e.decimals).toFixed(e.decimals), roundHalfUp(s.ci_high, e.decimals).toFixed(e.decimals))
        : '';
    out.push(l.value(show(s.value), s.unit, s.value_status, interval));
    out.push(l.baseline(show(s.baseline_value), s.baseline_fiscal_year === null ? '—' : formatFiscalYear(s.baseline_fiscal_year)));
    out.push(
      s.index === null
        ? l.noIndex
        : l.index(show(s.value), show(s.baseline_value), s.index.toFixed(2), s.trend ?? '', s.direction === 'lower', s.assessment ?? ''),
    );
  }
  const describe = (label: string, rows: ObservationRow[]) => {
    out.push(`${label}:`);
    if (rows.length === 0) out.push(l.none);
    for (const o of rows) {
      out.push(`  ${l.used(o.status === 'used')} ${o.value}  ${o.file}${o.sheet ? l.sheet(o.sheet) : ''}${o.rows ? l.rows(o.rows) : ''}`);
      out.push(
        `      sha256 ${o.sha256.slice(0, 16)}…  ${l.rule}: ${o.rule}${o.n !== null ? `  n = ${o.n}` : ''}${o.comment ? `  ${l.comment}: ${o.comment}` : ''}`,
      );
      if (o.other_files) {
        const rows = o.other_rows?.split(';') ?? [];
        out.push(
          l.others(
            o.other_files
              .split(';')
              .map((f, i) => `${f}${rows[i] ? l.rows(rows[i]) : ''}`)
              .join('、'),
          ),
        );
      }
    }
  };
  describe(l.inputs(fy), e.value);
  if (s?.baseline_fiscal_year != null && s.baseline_fiscal_year !== e.fiscalYear)
    describe(l.baselineInputs(formatFiscalYear(s.baseline_fiscal_year)), e.baseline);
  for (const p of e.lines) {
    out.push(
      l.line(words.actionPlan, {
        id: p.line_id,
        section: p.section,
        name: p.indicator_ja,
        actual: show(p.actual),
        cumulative: p.actual_cumulative !== null && p.actual_cumulative !== p.actual ? String(p.actual_cumulative) : '',
        total: show(p.target_total),
        kind: p.total_kind,
        rate: show(p.achievement_rate),
        printed: p.printed_achievement_rate !== null ? String(p.printed_achievement_rate) : '',
      }),
    );
  }
  for (const r of e.progress) {
    const year = r.target_fiscal_year === null ? '' : `（${formatFiscalYear(r.target_fiscal_year)}）`;
    const target = r.target_in_force !== null ? `${r.target_in_force}${r.unit}${year}` : (r.target_status ?? r.target_text ?? '—');
    out.push(l.progress(words.progressTable, r, target, show));
  }
  out.push(l.run(e.runId, e.finishedAt, e.runFolder));
  return out.join('\n');
}
