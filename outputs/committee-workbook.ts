// The verification committee's workbook (検証部会の報告表): a summary, one sheet per vision laid out like seed 000's
// ソーシャルインパクト指標一覧 and the action plan laid out like seed 001, printable on A4 landscape.
// A pure writer: rows in, bytes out. Missing values print as the text — (never 0 or an empty cell).
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../lib/load-exceljs.ts';
import type { Target } from '../config/catalog-schema.ts';
import type { Catalog, CatalogLine } from '../config/load-catalog.ts';
import type { ActionPlanProgressRow, CompositeIndexRow, IndicatorProgressRow, IndicatorValueRow } from '../lib/datasets.ts';
import { roundHalfUp } from '../lib/decimal.ts';
import { deterministicZip } from '../lib/deterministic-zip.ts';
import { formatFiscalYear } from '../lib/fiscal-year.ts';
import { neutralizeFormula } from '../lib/neutralize-formula.ts';
import { visionTableName, visionTables, type VisionTable } from '../transforms/vision-tables.ts';

export interface CommitteeTables {
  indicatorValues: readonly IndicatorValueRow[];
  actionPlanProgress: readonly ActionPlanProgressRow[];
  /** composite_index rows (every method); the summary shows the primary one and the others as a sensitivity table. */
  composite?: readonly CompositeIndexRow[];
  /** indicator_progress rows, for a plan with a progress table (progress.yaml). */
  indicatorProgress?: readonly IndicatorProgressRow[];
  /** The report year (actual column); the baseline year comes from the catalog plan. */
  fiscalYear: number;
}

const NO_VALUE = '—';
// A withheld value is never shown as 0, as last year's value or as a plain dash: it says so, with the reason beside it.
const WITHHELD = '不公表';
const SUMMARY_SHEET = '概要';
/** The column header row of every table sheet (title, subtitle and legend lines above it). */
const HEADER_ROW = 4;

const FONT = 'Meiryo UI';
const FONT_SIZE = 10;
const LINE_HEIGHT = 14.5;
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const HEADER_FILL = solid('FFD9E1F2');
const TIER_FILL = solid('FFF2F2F2');
const VISION_FILL = solid('FFB4C6E7');
const SECTION_FILL = solid('FFDDEBF7');

/** 指数 colours by reading: higher-is-better rows green/red, lower-is-better rows blue/orange (their ↑ is bad). */
const INDEX_COLOURS = {
  higher: { improved: ['FFC6EFCE', 'FF006100'], worsened: ['FFFFC7CE', 'FF9C0006'] },
  lower: { improved: ['FFBDD7EE', 'FF1F4E78'], worsened: ['FFF8CBAD', 'FF843C0C'] },
} as const;

export async function writeCommitteeWorkbook(catalog: Catalog, tables: CommitteeTables): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'lei';
  workbook.lastModifiedBy = 'lei';
  // Fixed dates so equal inputs give equal bytes: the day after the report year closes.
  workbook.created = new Date(Date.UTC(tables.fiscalYear + 1, 3, 1));
  workbook.modified = workbook.created;

  const summary = workbook.addWorksheet(SUMMARY_SHEET, sheetOptions(1));
  const visionStats: VisionStats[] = [];
  for (const table of visionTables(catalog)) visionStats.push(writeVisionSheet(workbook, catalog, table, tables));
  // A plan without action-plan lines (a ward progress table only) gets no empty sheet.
  const lineStats = catalog.lines.length > 0 ? writeActionPlanSheet(workbook, catalog, tables) : undefined;
  const grades = catalog.progress ? writeProgressTableSheet(workbook, catalog, tables.indicatorProgress ?? []) : undefined;
  writeSummary(summary, catalog, tables, visionStats, lineStats, grades);

  return deterministicZip(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

// ---- vision sheets (seed 000: ソーシャルインパクト指標一覧) ----

interface VisionStats {
  sheetName: string;
  titleJa: string;
  slots: number;
  withValue: number;
  withIndex: number;
  improved: number;
  worsened: number;
  unchanged: number;
}

function writeVisionSheet(workbook: ExcelJS.Workbook, catalog: Catalog, table: VisionTable, tables: CommitteeTables): VisionStats {
  const { fiscalYear } = tables;
  const baselineYear = catalog.plan.baselineFiscalYear;
  const columns: ColumnDef[] = [
    { header: catalog.plan.terms.tier, width: 14 },
    { header: '番号', width: 5 },
    { header: '横断的', width: 6 },
    { header: '指標名', width: 34 },
    { header: 'データの収集方法', width: 40 },
    { header: `基準値（${formatFiscalYear(baselineYear)}）`, width: 12 },
    { header: `${formatFiscalYear(fiscalYear)}実数`, width: 12 },
    { header: '単位', width: 7 },
    { header: '指数', width: 9 },
    { header: '↑→↓', width: 6 },
    { header: '備考', width: 28 },
    { header: '指標枠ID', width: 14, hidden: true },
  ];
  const sheetName = visionTableName(catalog, table.visions);
  const sheet = workbook.addWorksheet(sheetName, sheetOptions(HEADER_ROW));
  const titleJa = table.visions.map((v) => catalog.plan.visions.find((x) => x.number === v)?.titleJa ?? '').join('／');
  writeHeading(sheet, columns, [
    `${sheetName}　${titleJa}`,
    `${catalog.plan.terms.indicators}一覧　${formatFiscalYear(fiscalYear)}実数（基準値: ${formatFiscalYear(baselineYear)}）　指数 = 実数 ÷ 基準値 × 100`,
    `指数の色: 緑 = 改善、赤 = 悪化（低いほど良い指標は 青 = 改善、橙 = 悪化）　${NO_VALUE} = 値なし（未集計・欠測・基準値が0または無い）`,
  ]);

  const rowOf = new Map<string, IndicatorValueRow>();
  const anyRowOf = new Map<string, IndicatorValueRow>();
  for (const r of tables.indicatorValues) {
    if (r.fiscal_year === fiscalYear) rowOf.set(r.slot_id, r);
    if (!anyRowOf.has(r.slot_id)) anyRowOf.set(r.slot_id, r);
  }

  const stats: VisionStats = { sheetName, titleJa, slots: 0, withValue: 0, withIndex: 0, improved: 0, worsened: 0, unchanged: 0 };
  const directions: { row: number; direction: 'higher' | 'lower' }[] = [];
  let r = HEADER_ROW + 1;
  for (const { id: tier, labelJa } of catalog.plan.tiers) {
    const slots = table.slots.filter((s) => s.tier === tier);
    if (slots.length === 0) continue;
    const first = r;
    for (const slot of slots) {
      const measure = catalog.measures.get(slot.measure)!;
      const row = rowOf.get(slot.id);
      const baseline = row?.baseline_value ?? anyRowOf.get(slot.id)?.baseline_value ?? null;
      const decimals = measure.decimals;
      const excelRow = sheet.getRow(r);
      setText(excelRow.getCell(1), labelJa);
      setNumber(excelRow.getCell(2), slot.position, 0);
      setText(excelRow.getCell(3), slot.marked ? '○' : '');
      setText(excelRow.getCell(4), slot.previousNameJa ? `${slot.previousNameJa}\n${NO_VALUE}${slot.nameJa}` : slot.nameJa);
      setText(excelRow.getCell(5), slot.methodJa ?? measure.methodJa ?? '');
      setNumber(excelRow.getCell(6), baseline, Math.max(decimals, decimalsOf(baseline)));
      if (row?.withheld_reason) setText(excelRow.getCell(7), WITHHELD);
      else setNumber(excelRow.getCell(7), row?.value ?? null, decimals);
      setText(excelRow.getCell(8), row?.unit ?? slot.unitJa ?? measure.unit);
      setNumber(excelRow.getCell(9), row?.index ?? null, 2);
      setText(excelRow.getCell(10), row?.trend ?? '');
      setText(excelRow.getCell(11), visionRemarks(row, baseline, baselineYear, decimals).join('\n'));
      setText(excelRow.getCell(12), slot.id);
      styleBody(excelRow, columns);
      for (const c of [2, 3, 8, 10]) excelRow.getCell(c).alignment = { vertical: 'middle', horizontal: 'center' };
      fitRowHeight(excelRow, columns);
      if (measure.direction !== 'unknown') directions.push({ row: r, direction: measure.direction });

      stats.slots++;
      if (row?.value !== null && row?.value !== undefined) stats.withValue++;
      if (row?.index !== null && row?.index !== undefined) stats.withIndex++;
      if (row?.assessment === 'improved') stats.improved++;
      if (row?.assessment === 'worsened') stats.worsened++;
      if (row?.assessment === 'unchanged') stats.unchanged++;
      r++;
    }
    if (r - 1 > first) sheet.mergeCells(first, 1, r - 1, 1);
    const tierCell = sheet.getCell(first, 1);
    tierCell.fill = TIER_FILL;
    tierCell.font = { name: FONT, size: FONT_SIZE, bold: true };
    tierCell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
  addIndexColours(sheet, directions, 9, 10);
  widenForNumbers(sheet);
  return stats;
}

function visionRemarks(row: IndicatorValueRow | undefined, baseline: number | null, baselineYear: number, decimals: number): string[] {
  const notes: string[] = [];
  if (row?.direction === 'lower') notes.push('低いほど良い指標（指数の↑は悪化）');
  if (row?.withheld_reason) notes.push(`${WITHHELD}: ${row.withheld_reason}（issues.csv を参照）`);
  if (baseline === 0) notes.push('基準値が0のため指数なし');
  if (row?.baseline_fiscal_year !== null && row?.baseline_fiscal_year !== undefined && row.baseline_fiscal_year !== baselineYear) {
    notes.push(`基準値は${formatFiscalYear(row.baseline_fiscal_year)}`);
  }
  if (row?.n !== null && row?.n !== undefined) {
    const ci = row.ci_low !== null && row.ci_high !== null ? `（95%信頼区間 ${fixed(row.ci_low, decimals)}〜${fixed(row.ci_high, decimals)}）` : '';
    notes.push(`回答数 n=${grouped(row.n)}${ci}`);
  }
  if (row?.comment && row.comment !== row.withheld_reason) notes.push(row.comment);
  return notes;
}

/** One conditional-format block per run of rows with the same direction, so each block's formula stays relative to its first row. */
function addIndexColours(sheet: ExcelJS.Worksheet, rows: readonly { row: number; direction: 'higher' | 'lower' }[], indexCol: number, lastCol: number): void {
  const col = columnLetter(indexCol);
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i]!.direction === rows[start]!.direction && rows[i]!.row === rows[i - 1]!.row + 1) continue;
    const { row: top, direction } = rows[start]!;
    const bottom = rows[i - 1]!.row;
    const colours = INDEX_COLOURS[direction];
    const good = direction === 'higher' ? '>' : '<';
    const bad = direction === 'higher' ? '<' : '>';
    const rule = (op: string, [fill, font]: readonly [string, string], priority: number): ExcelJS.ConditionalFormattingRule => ({
      type: 'expression',
      priority,
      formulae: [`AND(ISNUMBER($${col}${top}),$${col}${top}${op}100)`],
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: fill } }, font: { color: { argb: font } } },
    });
    sheet.addConditionalFormatting({
      ref: `${col}${top}:${columnLetter(lastCol)}${bottom}`,
      rules: [rule(good, colours.improved, 1), rule(bad, colours.worsened, 2)],
    });
    start = i;
  }
}

// ---- action plan (seed 001: アクションプラン) ----

interface LineStats {
  lines: number;
  reprints: number;
  withActual: number;
  withRate: number;
  rateAtLeast100: number;
}

function writeActionPlanSheet(workbook: ExcelJS.Workbook, catalog: Catalog, tables: CommitteeTables): LineStats {
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
    { header: tierLabel(catalog, 'action'), width: 32 },
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
      excelRow.getCell(1).alignment = { vertical: 'middle', horizontal: 'center' };
      for (const cc of [4, periodYears.length + laterYears.length + 6])
        excelRow.getCell(cc).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      if (line.reprintOf) for (const cc of [2, 3]) excelRow.getCell(cc).font = { name: FONT, size: FONT_SIZE, color: { argb: 'FF595959' } };
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

// ---- progress table (a ward's 柱 → 施策 → 指標 table, progress.yaml) ----

interface GradeCount {
  grade: string;
  ruleJa: string;
  count: number;
}

/** One row per indicator: the plan's year-role columns, targets (original and revised), rates, grade and rule. */
function writeProgressTableSheet(workbook: ExcelJS.Workbook, catalog: Catalog, rows: readonly IndicatorProgressRow[]): GradeCount[] {
  const progress = catalog.progress!;
  const { terms } = catalog.plan;
  const byIndicator = new Map<string, IndicatorProgressRow[]>();
  for (const row of rows) byIndicator.set(row.indicator_id, [...(byIndicator.get(row.indicator_id) ?? []), row]);
  const latestOf = (id: string) => byIndicator.get(id)?.find((row) => row.is_latest);
  const latestYear = Math.max(0, ...rows.filter((row) => row.is_latest).map((row) => row.fiscal_year));
  const roleYear = (role: (typeof progress.yearRoles)[number]) => role.fiscalYear ?? (latestYear > 0 ? latestYear : undefined);
  const columns: ColumnDef[] = [
    { header: '番号', width: 8 },
    { header: '指標名', width: 30 },
    { header: terms.tier, width: 10 },
    { header: '所管課', width: 16 },
    { header: '単位', width: 7 },
    ...progress.yearRoles.map((role) => {
      const fy = roleYear(role);
      return { header: `${role.labelJa}${fy === undefined ? '' : `\n（${formatFiscalYear(fy)}）`}`, width: 12 };
    }),
    { header: '当初目標', width: 10 },
    { header: '目標の改定', width: 26 },
    { header: '達成率\n（改定後目標）', width: 10 },
    { header: '達成率\n（当初目標）', width: 10 },
    { header: progress.grading.labelJa, width: 8 },
    { header: `${progress.grading.labelJa}の規則`, width: 24 },
    { header: '備考', width: 22 },
    { header: '指標ID', width: 12, hidden: true },
  ];
  const sheet = workbook.addWorksheet(terms.progressTable, sheetOptions(HEADER_ROW));
  writeHeading(sheet, columns, [
    `${catalog.plan.titleJa}　${terms.progressTable}${latestYear > 0 ? `　${formatFiscalYear(latestYear)}実績` : ''}`,
    `達成率 = 実績 ÷ 目標 × 100（低いほど良い指標は 目標 ÷ 実績 × 100）。改定後目標はその年度に有効な目標（改定はその年度から適用）`,
    `${progress.grading.labelJa}: ${[...progress.grading.grades, progress.grading.notEvaluable].map((g) => `${g.grade} = ${g.ruleJa}`).join('　')}　${NO_VALUE} = 値なし`,
  ]);
  const counts = new Map<string, GradeCount>();
  for (const g of [
    ...progress.grading.grades,
    progress.grading.notEvaluable,
    ...(progress.grading.definitionChanged ? [progress.grading.definitionChanged] : []),
  ]) {
    if (!counts.has(g.grade)) counts.set(g.grade, { grade: g.grade, ruleJa: g.ruleJa, count: 0 });
  }
  const last = visibleCount(columns);
  let r = HEADER_ROW + 1;
  let pillar: string | undefined;
  let section: string | undefined;
  for (const indicator of progress.indicators) {
    if (indicator.pillar.code !== pillar) {
      bandRow(sheet.getRow(r++), last, `${terms.pillar} ${indicator.pillar.code}　${indicator.pillar.nameJa}`, VISION_FILL, columns);
      pillar = indicator.pillar.code;
      section = undefined;
    }
    if (indicator.section.code !== section) {
      bandRow(sheet.getRow(r++), last, `${terms.section} ${indicator.section.code}　${indicator.section.nameJa}`, SECTION_FILL, columns);
      section = indicator.section.code;
    }
    const own = byIndicator.get(indicator.id) ?? [];
    const latest = latestOf(indicator.id);
    const any = own[0];
    const grade = latest ? { grade: latest.grade, ruleJa: latest.grade_rule } : progress.grading.notEvaluable;
    const count = counts.get(grade.grade) ?? { ...grade, count: 0 };
    count.count++;
    counts.set(grade.grade, count);
    const excelRow = sheet.getRow(r);
    let c = 1;
    setText(excelRow.getCell(c++), indicator.code);
    setText(excelRow.getCell(c++), indicator.nameJa);
    setText(excelRow.getCell(c++), indicator.tierLabelJa);
    setText(excelRow.getCell(c++), any?.owners.split('・').join('\n') ?? '');
    setText(excelRow.getCell(c++), indicator.unit);
    const withheldNotes: string[] = [];
    for (const role of progress.yearRoles) {
      const cell = excelRow.getCell(c++);
      if (role.kind === 'target') {
        const status = any?.target_status ?? null;
        if (status !== null) setText(cell, status);
        else setNumber(cell, latest?.target_in_force ?? any?.target_in_force ?? null, Math.max(0, decimalsOf(latest?.target_in_force ?? null)));
        continue;
      }
      const fy = roleYear(role);
      const row = role.latest ? latest : own.find((x) => x.fiscal_year === fy);
      const yearNote = role.latest && row && row.fiscal_year !== latestYear ? `\n（${formatFiscalYear(row.fiscal_year)}）` : '';
      if (row?.withheld_reason) {
        setText(cell, WITHHELD);
        withheldNotes.push(`${formatFiscalYear(row.fiscal_year)}は${WITHHELD}: ${row.withheld_reason}（issues.csv を参照）`);
      } else if (row?.value !== null && row?.value !== undefined && row.status_value === null && row.secondary_value === null && !yearNote)
        setNumber(cell, row.value, indicator.decimals);
      else setText(cell, row?.value_text ? `${row.value_text}${yearNote}` : NO_VALUE);
    }
    setNumber(excelRow.getCell(c++), any?.target_original ?? null, Math.max(0, decimalsOf(any?.target_original ?? null)));
    setText(excelRow.getCell(c++), any?.target_revisions ?? '');
    setNumber(excelRow.getCell(c++), latest?.achievement_rate ?? null, 1, '"%"');
    setNumber(excelRow.getCell(c++), latest?.achievement_rate_original ?? null, 1, '"%"');
    setText(excelRow.getCell(c++), grade.grade);
    setText(excelRow.getCell(c++), grade.ruleJa);
    setText(excelRow.getCell(c++), [...progressRemarks(indicator.direction, latest), ...withheldNotes].join('\n'));
    setText(excelRow.getCell(c++), indicator.id);
    styleBody(excelRow, columns);
    excelRow.getCell(1).alignment = { vertical: 'middle', horizontal: 'center' };
    fitRowHeight(excelRow, columns);
    r++;
  }
  widenForNumbers(sheet);
  return [...counts.values()];
}

function progressRemarks(direction: string, latest: IndicatorProgressRow | undefined): string[] {
  const notes: string[] = [];
  if (direction === 'lower') notes.push('低いほど良い指標');
  if (direction === 'unknown') notes.push('方向の定めなし（良し悪しを示さない）');
  if (latest?.target_met === true) notes.push('目標の状態を満たす');
  if (latest?.target_met === false) notes.push('目標の状態に未到達');
  if (latest?.definition_change) notes.push(latest.definition_change);
  if (latest?.value_status === 'conflict') notes.push('入力値が矛盾するため不採用（issues.csv を参照）');
  if (latest?.comment) notes.push(latest.comment);
  return notes;
}

function progressLegend(catalog: Catalog): [string, string][] {
  const progress = catalog.progress!;
  const statuses = catalog.plan.statuses.map((s) => s.labelJa);
  return [
    ...progress.yearRoles.map((role): [string, string] => [
      role.labelJa,
      role.latest
        ? '最新の実績年度の値'
        : role.kind === 'target'
          ? `${formatFiscalYear(role.fiscalYear!)}の目標（改定があれば改定後）`
          : `${formatFiscalYear(role.fiscalYear!)}の値`,
    ]),
    ['達成率', '実績 ÷ 目標 × 100（小数第1位、四捨五入）。低いほど良い指標は 目標 ÷ 実績 × 100。方向の定めがない指標は出さない'],
    ['目標の改定', '改定は決めた年度から適用し、それより前の年度の達成率は当初の目標のまま'],
    ...(statuses.length > 0 ? [['状態', `${statuses.join('・')} は数値ではなく状態（0 とは異なる）`] as [string, string]] : []),
    [NO_VALUE, '値なし（未入力・欠測）。0 とは異なる'],
  ];
}

function tierLabel(catalog: Catalog, id: string): string {
  return catalog.plan.tiers.find((t) => t.id === id)?.labelJa ?? id;
}

// ---- summary (概要) ----

function writeSummary(
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

  if (catalog.composite || catalog.slots.length > 0) {
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
    line([`${tierLabel(catalog, 'action')}の行`, `${lines.lines} 行（うち【再掲】${lines.reprints} 行）`]);
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
          ['指数の色', '緑 = 改善、赤 = 悪化。低いほど良い指標（例: 区内倒産事業者数）は 青 = 改善（↓）、橙 = 悪化（↑）'],
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
      `${tierLabel(catalog, 'long')} ${primary.inputs_total} 指標のうち ${primary.inputs_present} 指標に値あり（被覆率 ${pct(primary.coverage_rate)}、公表に必要 ${pct(primary.min_coverage_rate)}）`,
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

// ---- cells, layout, print ----

interface ColumnDef {
  header: string;
  width: number;
  /** Kept for tracing a row back to the datasets; not shown or printed. Hidden columns come last. */
  hidden?: boolean;
}

const visibleCount = (columns: readonly ColumnDef[]) => columns.filter((c) => !c.hidden).length;

function sheetOptions(headerRow: number): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(headerRow > 1 ? { printTitlesRow: `${headerRow}:${headerRow}` } : {}),
    },
    headerFooter: { oddHeader: '&L&A', oddFooter: '&C&P / &N' },
  };
}

function writeHeading(sheet: ExcelJS.Worksheet, columns: readonly ColumnDef[], lines: readonly string[]): void {
  sheet.columns = columns.map((c) => ({ width: c.width, hidden: c.hidden ?? false }));
  lines.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    setText(cell, text);
    cell.font = { name: FONT, size: i === 0 ? 14 : FONT_SIZE, bold: i === 0 };
    sheet.mergeCells(i + 1, 1, i + 1, visibleCount(columns));
    sheet.getRow(i + 1).height = i === 0 ? 22 : 16;
  });
  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    setText(cell, c.header);
    cell.font = { name: FONT, size: FONT_SIZE, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  fitRowHeight(header, columns);
}

function bandRow(row: ExcelJS.Row, lastCol: number, text: string, fill: ExcelJS.Fill, columns: readonly ColumnDef[]): void {
  setText(row.getCell(1), text);
  for (let c = 1; c <= lastCol; c++) {
    const cell = row.getCell(c);
    cell.fill = fill;
    cell.border = BORDER;
    cell.font = { name: FONT, size: FONT_SIZE, bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'left' };
  }
  row.worksheet.mergeCells(row.number, 1, row.number, lastCol);
  fitRowHeight(row, [{ header: '', width: columns.reduce((s, c) => s + c.width, 0) }]);
}

function styleBody(row: ExcelJS.Row, columns: readonly ColumnDef[]): void {
  columns.forEach((_, i) => {
    const cell = row.getCell(i + 1);
    cell.border = BORDER;
    cell.font = { name: FONT, size: FONT_SIZE };
    const numeric = typeof cell.value === 'number' || cell.value === NO_VALUE;
    cell.alignment = { vertical: 'middle', horizontal: numeric ? 'right' : 'left', wrapText: !numeric };
  });
}

/** Text cells are always strings (never formulas) and follow the CSV rule for text a spreadsheet would execute. */
function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text === '' ? null : neutralizeFormula(text);
}

/** A number with thousands separators and fixed decimals, or the text — when there is none. */
function setNumber(cell: ExcelJS.Cell, value: number | null, decimals: number, suffix = ''): void {
  if (value === null || !Number.isFinite(value)) {
    cell.value = NO_VALUE;
    return;
  }
  cell.value = value;
  cell.numFmt = `#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}${suffix}`;
}

/** Number columns wide enough for their longest formatted value, so no cell prints as #####. */
function widenForNumbers(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value !== 'number') return;
      const decimals = /\.(0+)/.exec(cell.numFmt ?? '')?.[1]?.length ?? 0;
      const text = cell.value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
      const column = sheet.getColumn(cell.col);
      const needed = text.length + (cell.numFmt?.includes('%') ? 1 : 0) + 2;
      if ((column.width ?? 0) < needed) column.width = needed;
    });
  });
}

/** Thousands separators, every decimal kept. */
function grouped(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** Half-up on the exact decimal (lib/decimal.ts), printed with fixed decimals and separators. */
function fixed(value: number, decimals: number): string {
  return roundHalfUp(value, decimals).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function decimalsOf(value: number | null): number {
  if (value === null) return 0;
  return (String(value).split('.')[1] ?? '').length;
}

/** Explicit row heights: Excel does not grow a row for wrapped text it did not lay out itself. */
function fitRowHeight(row: ExcelJS.Row, columns: readonly ColumnDef[]): void {
  let lines = 1;
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    if (typeof cell.value !== 'string' || (cell.isMerged && cell.master !== cell)) return;
    const perLine = Math.max(1, c.width - 1.5);
    const needed = cell.value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  row.height = Math.max(18, lines * LINE_HEIGHT + 4);
}

/** Width in half-width character units: East Asian wide characters and arrows count twice. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2000 ? 1.8 : 1;
  return w;
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
