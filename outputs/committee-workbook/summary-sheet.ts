// The summary sheet (概要): what the workbook holds, the counts per vision and for the action plan, and the composite
// index with its coverage, targets and sensitivity table.
import type ExcelJS from 'exceljs';
import { COMPOSITE_TIER } from '../../config/composite-inputs.ts';
import type { Catalog } from '../../config/load-catalog.ts';
import { formatFiscalYear } from '../../lib/fiscal-year.ts';
import { actionPlanIndicatorWord } from '../../lib/with-plan-words.ts';
import type { CommitteeTables } from './committee-tables.ts';
import { NO_VALUE, FONT, FONT_SIZE, BORDER, HEADER_FILL, setText, setNumber, fixed, fitRowHeight, tierLabel } from './sheet-layout.ts';
import type { LineStats } from './action-plan-sheet.ts';
import { progressLegend, type GradeCount } from './progress-table-sheet.ts';
import type { VisionStats } from './vision-sheet.ts';

export const SUMMARY_SHEET = '概要';

export function writeSummary(
  sheet: ExcelJS.Worksheet,
  catalog: Catalog,
  tables: CommitteeTables,
  visions: readonly VisionStats[],
  lines: LineStats | undefined,
  grades: GradeCount[] | undefined,
): void {
  const { fiscalYear } = tables;
  const { plan } = catalog;
  sheet.columns = [{ width: 22 }, { width: 60 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }];
  let r = 1;
  const line: SummaryLine = (values, opts = {}) => {
    const row = sheet.getRow(r++);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      if (typeof v === 'number' || v === null) setNumber(cell, v, Number.isInteger(v ?? 0) ? 0 : 2);
      else setText(cell, v);
      cell.font = { name: FONT, size: opts.size ?? FONT_SIZE, bold: opts.bold ?? false };
      cell.alignment = { vertical: 'middle', wrapText: i === 1, horizontal: opts.fill ? 'center' : typeof v === 'number' || v === null ? 'right' : 'left' };
      if (opts.fill) cell.fill = opts.fill;
      if (opts.border) cell.border = BORDER;
    });
    return row;
  };
  const runId = tables.indicatorValues[0]?.run_id ?? tables.actionPlanProgress[0]?.run_id;

  line([`${plan.municipality.nameJa}　${plan.titleJa}`], { bold: true, size: 14 });
  line([`${plan.terms.report}　${formatFiscalYear(fiscalYear)}（${fiscalYear}年度）実績`], { bold: true, size: 12 });
  r++;
  line(['報告年度', `${formatFiscalYear(fiscalYear)}（${fiscalYear}年度）`]);
  line(['基準年度', formatFiscalYear(plan.baselineFiscalYear)]);
  line(['計画期間', `${formatFiscalYear(plan.period.start)}〜${formatFiscalYear(plan.period.end)}`]);
  if (runId) line(['実行ID', runId]);
  r++;

  if (catalog.composite) {
    writeComposite(catalog, tables, line);
    r++;
  }

  if (grades) {
    const grading = catalog.progress!.grading;
    line([`${plan.terms.progressTable}（${grading.labelJa}の集計）`], { bold: true, size: 12 });
    line([grading.labelJa, '規則', '指標数'], { bold: true, fill: HEADER_FILL, border: true });
    for (const g of grades) line([g.grade, g.ruleJa, g.count], { border: true });
    line(['計', '', grades.reduce((n, g) => n + g.count, 0)], { bold: true, border: true });
    r++;
  }

  if (visions.length > 0) {
    line([plan.terms.indicators], { bold: true, size: 12 });
    line([plan.terms.pillar, '名称', '指標数', '実数あり', '指数あり', '改善', '悪化', '変化なし'], { bold: true, fill: HEADER_FILL, border: true });
    const totals = { slots: 0, withValue: 0, withIndex: 0, improved: 0, worsened: 0, unchanged: 0 };
    for (const v of visions) {
      line([v.sheetName, v.titleJa, v.slots, v.withValue, v.withIndex, v.improved, v.worsened, v.unchanged], { border: true });
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += v[k];
    }
    line(['計', '', totals.slots, totals.withValue, totals.withIndex, totals.improved, totals.worsened, totals.unchanged], { bold: true, border: true });
    r++;
  }

  if (lines) {
    line([plan.terms.actionPlan], { bold: true, size: 12 });
    line([`${actionPlanIndicatorWord(catalog.plan)}の行`, `${lines.lines} 行（うち【再掲】${lines.reprints} 行）`]);
    line([`${formatFiscalYear(fiscalYear, 'short')}年度実績あり`, `${lines.withActual} 行`]);
    line(['達成率あり', `${lines.withRate} 行（うち100%以上 ${lines.rateAtLeast100} 行）`]);
    r++;
  }

  line(['凡例'], { bold: true, size: 12 });
  const legend: [string, string][] =
    grades && visions.length === 0 && !lines
      ? progressLegend(catalog)
      : [
          ['↑ → ↓', '指数が100を上回る / 100 / 100を下回る（基準値との比較。良し悪しは方向による）'],
          ['指数の色', `緑 = 改善、赤 = 悪化。低いほど良い指標${lowerExample(catalog)}は 青 = 改善（↓）、橙 = 悪化（↑）`],
          [NO_VALUE, '値なし（未集計・欠測・非公表、または基準値が0・無いため指数を計算できない）。0 とは異なる'],
          ['旧名—新名', '指標名の変更。1行目が旧名、2行目（—に続く）が新名。実数は旧定義で測っていることが多い'],
          ['○', '横断的指標（表に○印のある指標）'],
          ['【再掲】', `他の${plan.terms.section}に載っている行の再掲（目標・実績は元の行と同じ）`],
          ['指数', `${formatFiscalYear(fiscalYear)}実数 ÷ 基準値 × 100（小数第2位、四捨五入。丸める前の基準値で計算）`],
          [
            '達成率',
            `実績 ÷ 合計（${formatFiscalYear(plan.period.start, 'short')}-${formatFiscalYear(plan.period.end, 'short')}）× 100（小数第1位、四捨五入）`,
          ],
        ];
  for (const [k, v] of legend) line([k, v]);
  for (let i = 1; i < r; i++) {
    const row = sheet.getRow(i);
    fitRowHeight(row, [
      { header: '', width: 22 },
      { header: '', width: 60 },
    ]);
    row.height = Math.max(row.height, (row.getCell(1).font?.size ?? FONT_SIZE) * 1.8);
  }
}

/** The plan's own lower-is-better indicator as the legend's example (seed 000: 区内倒産事業者数), or none. */
function lowerExample(catalog: Catalog): string {
  const slot = catalog.slots.find((s) => catalog.measures.get(s.measure)?.direction === 'lower');
  return slot ? `（例: ${slot.nameJa}）` : '';
}

type SummaryLine = (values: (string | number | null)[], opts?: { bold?: boolean; fill?: ExcelJS.Fill; border?: boolean; size?: number }) => ExcelJS.Row;

const COMPOSITE_STATUS: Record<string, string> = {
  published: '公表',
  'below-coverage': '入力の被覆率が基準未満のため公表しない',
  'no-inputs': '入力なし',
};

/** 持続可能な地域経済の充実度: the published value with its coverage and targets, then every method as a sensitivity table. */
function writeComposite(catalog: Catalog, tables: CommitteeTables, line: SummaryLine): void {
  const { fiscalYear } = tables;
  const config = catalog.composite;
  const nameJa = config?.nameJa ?? '持続可能な地域経済の充実度';
  const unitJa = config?.unitJa ?? 'ポイント';
  const referenceYear = config?.referenceFiscalYear ?? catalog.plan.baselineFiscalYear;
  line([`${nameJa}（${unitJa}、${formatFiscalYear(referenceYear)} = 100）`], { bold: true, size: 12 });
  const rows = (tables.composite ?? []).filter((c) => c.fiscal_year === fiscalYear);
  const primary = rows.find((c) => c.is_primary);
  if (tables.composite === undefined || !primary) {
    line(['', tables.composite === undefined ? '（この実行では算出していません）' : `${formatFiscalYear(fiscalYear)}の値はありません`]);
    return;
  }
  const pct = (v: number) => `${fixed(v, 1)}%`;
  line(['区分', '内容', '値'], { bold: true, fill: HEADER_FILL, border: true });
  fix2(line([`基準（${formatFiscalYear(referenceYear, 'short')}年度）`, '各指標の指数がすべて100', 100], { border: true }));
  fix2(line([formatFiscalYear(fiscalYear), `${COMPOSITE_STATUS[primary.status] ?? primary.status}`, primary.value], { border: true, bold: true }));
  line(
    [
      '入力の被覆率',
      `${tierLabel(catalog, COMPOSITE_TIER)} ${primary.inputs_total} 指標のうち ${primary.inputs_present} 指標に値あり（被覆率 ${pct(primary.coverage_rate)}、公表に必要 ${pct(primary.min_coverage_rate)}）`,
      '',
    ],
    { border: true },
  );
  if (primary.value === null && primary.provisional_value !== null) {
    fix2(line(['参考値', 'そろった入力だけで計算した値（公表値ではない）', primary.provisional_value], { border: true }));
  }
  if (primary.leave_one_out_low !== null && primary.leave_one_out_high !== null) {
    line(['1指標を除いた幅', `${fixed(primary.leave_one_out_low, 2)}〜${fixed(primary.leave_one_out_high, 2)}`, ''], { border: true });
  }
  for (const t of config?.targets ?? []) {
    fix2(line([`目標値（${formatFiscalYear(t.fiscalYear, 'short')}年度）`, t.labelJa ?? formatFiscalYear(t.fiscalYear), t.value], { border: true }));
  }
  line(['算出方法', primary.method_label_ja, ''], { border: true });
  if (rows.length > 1) {
    line(['感応度分析', '算出方法', '値', '被覆率', '参考値'], { bold: true, fill: HEADER_FILL, border: true });
    for (const c of rows) {
      const row = fix2(
        line([c.is_primary ? '公表値' : '', c.method_label_ja, c.value, c.coverage_rate, c.value === null ? c.provisional_value : ''], { border: true }),
      );
      row.getCell(4).numFmt = '0.0"%"';
      if (typeof row.getCell(5).value === 'number') row.getCell(5).numFmt = '#,##0.00';
    }
  }
}

function fix2(row: ExcelJS.Row): ExcelJS.Row {
  const cell = row.getCell(3);
  if (typeof cell.value === 'number') cell.numFmt = '#,##0.00';
  return row;
}
