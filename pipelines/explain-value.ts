// `lei explain`: how a published value was produced — the inputs (file, sha256, sheet, rows), the rule,
// the baseline and the formula, and the run that published it — read back from a run folder.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ActionPlanProgressRow, IndicatorValueRow, ObservationRow } from '../lib/datasets.ts';
import { formatFiscalYear } from '../lib/fiscal-year.ts';
import { UserError } from '../lib/user-error.ts';

export interface Explanation {
  runId: string;
  runFolder: string;
  finishedAt: string;
  measureId: string;
  fiscalYear: number;
  slots: IndicatorValueRow[];
  value: ObservationRow[];
  baseline: ObservationRow[];
  lines: ActionPlanProgressRow[];
}

export async function explainValue(runDir: string, target: string, fiscalYear: number): Promise<Explanation> {
  const dir = await realpath(runDir).catch(() => {
    throw new UserError(`実行フォルダ「${runDir}」がありません。先に lei run を実行してください`);
  });
  const read = async <T>(name: string): Promise<T> => {
    const text = await readFile(path.join(dir, name), 'utf8').catch(() => {
      throw new UserError(`実行フォルダに ${name} がありません（古い版で作られた実行です）。lei run --full で作り直してください`);
    });
    return JSON.parse(text) as T;
  };
  const manifest = await read<{ run_id: string; finished_at: string }>('manifest.json');
  const values = await read<IndicatorValueRow[]>('indicator_values.json');
  const observations = await read<ObservationRow[]>('observations.json');
  const progress = await read<ActionPlanProgressRow[]>('action_plan_progress.json');

  const measureId =
    values.find((v) => v.slot_id === target)?.measure_id ??
    (values.some((v) => v.measure_id === target) || observations.some((o) => o.measure_id === target) ? target : undefined) ??
    progress.find((p) => p.line_id === target)?.measure_id ??
    values.find((v) => v.name_ja.includes(target))?.measure_id;
  if (!measureId) throw new UserError(`「${target}」に当たる指標枠・指標・行が見つかりません。slot_id（例: v2-long-1）、measure_id、行ID（例: s001-051）か指標名の一部を指定してください`);

  const slots = values.filter((v) => v.measure_id === measureId && v.fiscal_year === fiscalYear);
  const baselineYear = slots[0]?.baseline_fiscal_year ?? null;
  return {
    runId: manifest.run_id,
    runFolder: dir,
    finishedAt: manifest.finished_at,
    measureId,
    fiscalYear,
    slots,
    value: observations.filter((o) => o.measure_id === measureId && o.fiscal_year === fiscalYear),
    baseline: baselineYear === null || baselineYear === fiscalYear ? [] : observations.filter((o) => o.measure_id === measureId && o.fiscal_year === baselineYear),
    lines: progress.filter((p) => p.measure_id === measureId && p.fiscal_year === fiscalYear),
  };
}

/** The explanation as the analyst reads it. */
export function formatExplanation(e: Explanation): string {
  const out: string[] = [];
  const fy = formatFiscalYear(e.fiscalYear);
  const s = e.slots[0];
  out.push(`指標 ${e.measureId}（${fy}）`);
  for (const slot of e.slots) out.push(`  指標枠 ${slot.slot_id}: ${slot.name_ja}${slot.previous_name_ja ? `（旧: ${slot.previous_name_ja}）` : ''}`);
  if (s) {
    out.push(`値: ${s.value ?? '—'} ${s.unit}（状態: ${s.value_status}${s.n !== null ? `、n = ${s.n}、95%信頼区間 ${s.ci_low}〜${s.ci_high}` : ''}）`);
    out.push(`基準値: ${s.baseline_value ?? '—'}（${s.baseline_fiscal_year === null ? '—' : formatFiscalYear(s.baseline_fiscal_year)}）`);
    out.push(
      s.index === null
        ? '指数: —（実績か基準値が欠けている、または基準値が 0）'
        : `指数: ${s.value} ÷ ${s.baseline_value} × 100 = ${s.index.toFixed(2)}（小数第2位で四捨五入）${s.trend ?? ''}、方向 ${s.direction === 'lower' ? '低いほど良い' : '高いほど良い'} → ${s.assessment ?? ''}`,
    );
  }
  const describe = (label: string, rows: ObservationRow[]) => {
    out.push(`${label}:`);
    if (rows.length === 0) out.push('  （この実行の入力にはありません。設定の宣言値か欠測）');
    for (const o of rows) {
      out.push(
        `  ${o.status === 'used' ? '採用' : '不採用（食い違い）'} ${o.value}  ${o.file}${o.sheet ? ` シート「${o.sheet}」` : ''}${o.rows ? ` ${o.rows}行目` : ''}`,
      );
      out.push(`      sha256 ${o.sha256.slice(0, 16)}…  規則: ${o.rule}${o.n !== null ? `  n = ${o.n}` : ''}${o.comment ? `  コメント: ${o.comment}` : ''}`);
    }
  };
  describe(`${fy}の入力`, e.value);
  if (s?.baseline_fiscal_year != null && s.baseline_fiscal_year !== e.fiscalYear) describe(`基準値（${formatFiscalYear(s.baseline_fiscal_year)}）の入力`, e.baseline);
  for (const l of e.lines) {
    out.push(
      `アクションプラン ${l.line_id}（${l.section}）${l.indicator_ja}: 実績 ${l.actual ?? '—'}${l.actual_cumulative !== null && l.actual_cumulative !== l.actual ? `（累計 ${l.actual_cumulative}）` : ''} ÷ 合計 ${l.target_total ?? '—'}（${l.total_kind}）× 100 = 達成率 ${l.achievement_rate ?? '—'}%${l.printed_achievement_rate !== null ? `（印字 ${l.printed_achievement_rate}%）` : ''}`,
    );
  }
  out.push(`公開した実行: ${e.runId}（${e.finishedAt}、${e.runFolder}）`);
  return out.join('\n');
}
