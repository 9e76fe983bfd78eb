// The action plan sheet, laid out like seed 001's アクションプラン: lines by vision and 方針, yearly targets (revisions
// shown with the original), the period total, the report year's actual and 達成率.
import type ExcelJS from 'exceljs';
import type { Target } from '../../config/catalog-schema.ts';
import type { Catalog, CatalogLine } from '../../config/load-catalog.ts';
import type { ActionPlanProgressRow } from '../../lib/datasets/indicator-tables.ts';
import { formatFiscalYear } from '../../lib/fiscal-year.ts';
import { actionPlanIndicatorWord } from '../../lib/with-plan-words.ts';
import type { CommitteeTables } from './committee-tables.ts';
import {
  NO_VALUE,
  WITHHELD,
  HEADER_ROW,
  FONT,
  FONT_SIZE,
  CENTERED,
  CENTERED_WRAP,
  VISION_FILL,
  SECTION_FILL,
  ColumnDef,
  visibleCount,
  sheetOptions,
  writeHeading,
  bandRow,
  styleBody,
  setText,
  setNumber,
  widenForNumbers,
  grouped,
  decimalsOf,
  fitRowHeight,
} from './sheet-layout.ts';

const REPRINT_FONT: Partial<ExcelJS.Font> = { name: FONT, size: FONT_SIZE, color: { argb: 'FF595959' } };

export interface LineStats {
  lines: number;
  reprints: number;
  withActual: number;
  withRate: number;
  rateAtLeast100: number;
}

export function writeActionPlanSheet(workbook: ExcelJS.Workbook, catalog: Catalog, tables: CommitteeTables): LineStats {
  const { fiscalYear } = tables;
  const { start, end } = catalog.plan.period;
  const short = (y: number) => formatFiscalYear(y, 'short');
  const periodYears = Array.from({ length: end - start + 1 }, (_, i) => start + i);
  const laterYears = catalog.plan.milestones.map((m) => m.fiscalYear).filter((y) => y > end);

  const rowsOf = new Map<string, Map<number, ActionPlanProgressRow>>();
  for (const r of tables.actionPlanProgress) {
    const byYear = rowsOf.get(r.line_id) ?? new Map<number, ActionPlanProgressRow>();
    byYear.set(r.fiscal_year, r);
    rowsOf.set(r.line_id, byYear);
  }

  const columns: ColumnDef[] = [
    { header: catalog.plan.terms.section, width: 6 },
    { header: '施策', width: 26 },
    { header: actionPlanIndicatorWord(catalog.plan), width: 32 },
    { header: '再掲', width: 8 },
    { header: `合計\n（${short(start)}-${short(end)}）`, width: 10 },
    ...periodYears.map((y) => ({ header: `${short(y)}年度`, width: 8 })),
    ...laterYears.map((y) => ({ header: `${short(y)}年度`, width: 8 })),
    { header: '単位', width: 7 },
    { header: `${short(fiscalYear)}年度実績`, width: 10 },
    { header: '達成率', width: 8 },
    { header: '備考', width: 22 },
    { header: '行ID', width: 12, hidden: true },
  ];
  const { terms } = catalog.plan;
  const sheet = workbook.addWorksheet(terms.actionPlan, sheetOptions(HEADER_ROW));
  writeHeading(sheet, columns, [
    `${terms.actionPlan}（${terms.pillar}実現に向けた主なアクション）　${formatFiscalYear(fiscalYear)}実績`,
    `達成率 = ${short(fiscalYear)}年度実績 ÷ 合計（${short(start)}-${short(end)}）× 100（合計が各年度目標の和の行は、計画初年度からの累計実績で計算）`,
    `【再掲】= 他の${terms.section}に載っている行の再掲（目標は元の行と同じ）　${NO_VALUE} = 値なし（目標の設定なし・実績の未集計）`,
  ]);

  const grouped = groupLines(catalog);
  const stats: LineStats = { lines: 0, reprints: 0, withActual: 0, withRate: 0, rateAtLeast100: 0 };
  const last = visibleCount(columns);
  let r = HEADER_ROW + 1;
  for (const group of grouped) {
    if (group.visionTitle !== undefined) {
      bandRow(sheet.getRow(r), last, `${terms.pillar}${group.vision}　${group.visionTitle}`, VISION_FILL, columns);
      r++;
    }
    const section = catalog.sections.find((s) => s.id === group.section);
    bandRow(sheet.getRow(r), last, `${terms.section} ${group.section}　${section?.nameJa ?? ''}`, SECTION_FILL, columns);
    r++;
    for (const line of group.lines) {
      const measure = catalog.measures.get(line.measure)!;
      const byYear = rowsOf.get(line.id);
      const current = byYear?.get(fiscalYear);
      const targets = [
        ...periodYears.map((y) => byYear?.get(y)?.target_year ?? effectiveTarget(line.targets[String(y)])),
        ...laterYears.map((y) => effectiveTarget(line.targets[String(y)])),
      ];
      const total = current?.target_total ?? byYear?.values().next().value?.target_total ?? null;
      const targetDecimals = Math.max(0, ...[total, ...targets].map(decimalsOf));
      const excelRow = sheet.getRow(r);
      let c = 1;
      setText(excelRow.getCell(c++), line.section);
      setText(excelRow.getCell(c++), line.measureNameJa);
      setText(excelRow.getCell(c++), line.indicatorJa);
      setText(excelRow.getCell(c++), line.reprintOf ? '【再掲】' : '');
      setNumber(excelRow.getCell(c++), total, targetDecimals);
      for (const t of targets) setNumber(excelRow.getCell(c++), t, targetDecimals);
      setText(excelRow.getCell(c++), current?.unit ?? line.unitJa ?? measure.unit);
      if (current?.withheld_reason) setText(excelRow.getCell(c++), WITHHELD);
      else setNumber(excelRow.getCell(c++), current?.actual ?? null, line.actualDecimals ?? measure.decimals);
      setNumber(excelRow.getCell(c++), current?.achievement_rate ?? null, 1, '"%"');
      setText(excelRow.getCell(c++), lineRemarks(line, current, fiscalYear, start).join('\n'));
      setText(excelRow.getCell(c++), line.id);
      styleBody(excelRow, columns);
      excelRow.getCell(1).alignment = CENTERED;
      for (const cc of [4, periodYears.length + laterYears.length + 6]) excelRow.getCell(cc).alignment = CENTERED_WRAP;
      if (line.reprintOf) for (const cc of [2, 3]) excelRow.getCell(cc).font = REPRINT_FONT;
      fitRowHeight(excelRow, columns);

      stats.lines++;
      if (line.reprintOf) stats.reprints++;
      if (current?.actual !== null && current?.actual !== undefined) stats.withActual++;
      if (current?.achievement_rate !== null && current?.achievement_rate !== undefined) {
        stats.withRate++;
        if (current.achievement_rate >= 100) stats.rateAtLeast100++;
      }
      r++;
    }
  }
  widenForNumbers(sheet);
  return stats;
}

interface LineGroup {
  vision: number;
  /** Set on the first group of a vision, which opens with a vision band. */
  visionTitle?: string;
  section: string;
  lines: CatalogLine[];
}

/** Lines by vision, then 方針 in the order of sections.yaml (unknown sections after, as they first appear). */
function groupLines(catalog: Catalog): LineGroup[] {
  const sectionOrder = (id: string) => {
    const i = catalog.sections.findIndex((s) => s.id === id);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const groups: LineGroup[] = [];
  for (const line of catalog.lines) {
    const group = groups.find((g) => g.vision === line.vision && g.section === line.section);
    if (group) group.lines.push(line);
    else groups.push({ vision: line.vision, section: line.section, lines: [line] });
  }
  groups.sort((a, b) => a.vision - b.vision || sectionOrder(a.section) - sectionOrder(b.section));
  let previous: number | undefined;
  for (const g of groups) {
    if (g.vision !== previous) g.visionTitle = catalog.plan.visions.find((v) => v.number === g.vision)?.titleJa ?? '';
    previous = g.vision;
  }
  return groups;
}

function lineRemarks(line: CatalogLine, row: ActionPlanProgressRow | undefined, fiscalYear: number, start: number): string[] {
  const notes: string[] = [];
  if (row?.withheld_reason) notes.push(`実績は${WITHHELD}: ${row.withheld_reason}（issues.csv を参照）`);
  if (line.total.kind === 'endLevel') notes.push('合計は最終年度の水準');
  if (line.total.kind === 'constant') notes.push('合計は毎年度の目標値');
  if (row && row.total_kind === 'sum' && fiscalYear > start && row.actual_cumulative !== null) {
    notes.push(`累計実績 ${grouped(row.actual_cumulative)}`);
  }
  if (row && row.target_year_original !== null && row.target_year_original !== row.target_year) {
    notes.push(`${formatFiscalYear(fiscalYear, 'short')}年度目標を改定（当初 ${grouped(row.target_year_original)}）`);
  }
  return notes;
}

function effectiveTarget(target: Target | undefined): number | null {
  if (target === undefined || target === null) return null;
  if (typeof target === 'number') return target;
  return target.revisions.at(-1)!.value;
}
