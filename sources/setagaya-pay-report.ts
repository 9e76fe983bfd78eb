// Reads one せたがやPay monthly report (.xlsx from the system operator): recognises its layout, finds each figure
// by its label, checks units printed beside labels against the layout, and reads the report month.
import { openXlsxCells, type XlsxCell, type XlsxCellWorkbook } from './xlsx/open-xlsx-cells.ts';
import { workbookOpenIssue } from './xlsx/workbook-open-issue.ts';
import { xlsxCellText as cellText } from './xlsx/xlsx-cell-text.ts';
import type { XlsxLimits } from './xlsx/xlsx-limits.ts';
import { columnLetter } from './xlsx/column-letter.ts';
import { percentShown } from './xlsx/percent-shown.ts';
import { Decimal } from 'decimal.js';
import type { AsOf } from '../lib/as-of.ts';
import { parseFiscalYear } from '../lib/fiscal-year.ts';
import { issueOf } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import { headerKey } from '../lib/header-match.ts';
import { parseLooseNumber } from '../lib/parse-number.ts';
import { parseYearMonth, yearMonthJa, yearMonthKey, type YearMonth } from '../lib/parse-year-month.ts';
import { payMetrics, type PayMetric } from '../lib/pay-metrics.ts';
import type { PayLayout, SetagayaPayConfig } from './setagaya-pay-report-config.ts';
import type { InboxFile } from './inbox-file.ts';

export interface PayFigure {
  value: number;
  unit: string;
  row: number;
  column: string;
}

export interface PayMonthlyReport {
  file: string;
  sha256: string;
  sheet: string;
  layout: string;
  month: YearMonth;
  /** The fiscal year the report says it belongs to, when the layout prints one. */
  statedFiscalYear?: number;
  figures: Partial<Record<PayMetric, PayFigure>>;
  /** By store class (店舗区分): class name → metric → figure. */
  storeClasses: Map<string, Partial<Record<PayMetric, PayFigure>>>;
}

const BRACKET = /\(([^)]+)\)$/;
// 決済回数（単位：件）: the unit may be introduced by 単位 and a colon (after headerKey: 単位:件).
const UNIT_WORD = /^単位[:=]?/;
const FILE_MONTH = /(20\d{2})\s*[-_.年]?\s*(0?[1-9]|1[0-2])\s*月|(20\d{2})[-_.]?(0[1-9]|1[0-2])(?!\d)/;

/** The month a report's file name speaks of (せたがやPay_2024年4月.xlsx, …_202404.xlsx), or null. */
export function payMonthFromFileName(name: string): YearMonth | null {
  const named = FILE_MONTH.exec(name.normalize('NFKC'));
  return named ? { year: Number(named[1] ?? named[3]), month: Number(named[2] ?? named[4]) } : null;
}

export async function readSetagayaPayReport(
  input: InboxFile,
  config: SetagayaPayConfig,
  limits?: XlsxLimits,
  /** The run's month: a report for a later month has not happened yet and is refused. */
  asOf?: AsOf,
): Promise<{ report?: PayMonthlyReport; issues: Issue[] }> {
  const issues: Issue[] = [];
  const file = input.name;
  const bytes = await input.readBytes();
  let found: { layout: PayLayout; sheet: { name: string }; grid: Grid } | undefined;
  let workbook: XlsxCellWorkbook | undefined;
  try {
    workbook = await openXlsxCells(bytes, limits);
    const grids = new Map<string, Grid>();
    for (const layout of config.layouts) {
      for (const name of workbook.worksheets) {
        if (layout.sheet && name !== layout.sheet) continue;
        let grid = grids.get(name);
        if (!grid) grids.set(name, (grid = await gridOf(workbook, name)));
        const detect = headerKey(layout.detect);
        if (grid.cells.some((c) => c.text.includes(detect))) {
          found = { layout, sheet: { name }, grid };
          break;
        }
      }
      if (found) break;
    }
  } catch (e) {
    issues.push(workbookOpenIssue('pay-unreadable', file, e));
    return { issues };
  } finally {
    workbook?.close();
  }
  if (!found) {
    issues.push(issueOf('pay-unknown-layout', { detect: config.layouts.map((l) => `「${l.detect}」`).join('、') }, { file }));
    return { issues };
  }
  const { layout, sheet, grid } = found;
  const at = (row?: number, column?: string) => ({ file, sheet: sheet.name, ...(row ? { row } : {}), ...(column ? { column } : {}) });

  const monthCell = grid.valueRightOf(layout.month);
  const month = monthCell ? parseYearMonth(monthCell.value) : null;
  if (!monthCell || !month) {
    issues.push(
      monthCell
        ? issueOf('pay-bad-month', { variant: 'unreadable', raw: cellText(monthCell.value) }, at(monthCell.row, monthCell.column), cellText(monthCell.value))
        : issueOf('pay-bad-month', { variant: 'missing', label: layout.month, layout: layout.labelJa }, at()),
    );
    return { issues };
  }
  const fromName = payMonthFromFileName(file);
  if (fromName) {
    if (fromName.year !== month.year || fromName.month !== month.month) {
      issues.push(
        issueOf(
          'pay-month-mismatch',
          { fromName: yearMonthJa(fromName), month: yearMonthJa(month) },
          at(monthCell.row, monthCell.column),
          cellText(monthCell.value),
        ),
      );
      return { issues };
    }
  }
  // The same judgement as manual entry's contract-future-fiscal-year, by the month: its figures cannot exist yet.
  if (asOf && yearMonthKey(month) > asOf.yearMonth) {
    const [year, monthOfYear] = asOf.yearMonth.split('-').map(Number) as [number, number];
    issues.push(
      issueOf(
        'pay-future-month',
        { month: yearMonthJa(month), asOf: yearMonthJa({ year, month: monthOfYear }) },
        at(monthCell.row, monthCell.column),
        cellText(monthCell.value),
      ),
    );
    return { issues };
  }
  let statedFiscalYear: number | undefined;
  if (layout.fiscalYear) {
    const cell = grid.valueRightOf(layout.fiscalYear);
    const fy = cell ? (typeof cell.value === 'number' ? cell.value : parseFiscalYear(cellText(cell.value))) : null;
    if (fy !== null && fy !== undefined && Number.isInteger(fy)) statedFiscalYear = fy;
  }

  const figures: Partial<Record<PayMetric, PayFigure>> = {};
  for (const [metric, spec] of Object.entries(layout.metrics) as [PayMetric, NonNullable<PayLayout['metrics'][PayMetric]>][]) {
    const label = grid.find(spec.label);
    if (!label) {
      issues.push(issueOf('pay-missing-figure', { label: spec.label, metric: payMetrics[metric].labelJa, layout: layout.labelJa }, at()));
      continue;
    }
    const printedUnit = BRACKET.exec(label.text.slice(headerKey(spec.label).length))?.[1]?.replace(UNIT_WORD, '');
    if (printedUnit && printedUnit !== headerKey(spec.unit)) {
      issues.push(
        issueOf('pay-unit-mismatch', { label: label.raw, printedUnit, layout: layout.labelJa, unit: spec.unit }, at(label.row, label.column), label.raw),
      );
      continue;
    }
    const cell = grid.rightOf(label);
    if (cell?.formula) {
      issues.push(issueOf('pay-formula-without-value', { label: spec.label }, at(label.row, cell.column)));
      continue;
    }
    const value = cell ? figureOf(cell, spec) : null;
    if (!cell || value === null) {
      const raw = cell ? shownText(cell) : '';
      issues.push(issueOf('pay-not-a-number', { label: spec.label, raw }, at(label.row, cell?.column), raw));
      continue;
    }
    figures[metric] = { value, unit: spec.unit, row: cell.row, column: cell.column };
  }

  const storeClasses = new Map<string, Partial<Record<PayMetric, PayFigure>>>();
  if (layout.storeClasses) {
    const head = grid.find(layout.storeClasses.header);
    if (head) {
      const metricColumns = (Object.entries(layout.storeClasses.metrics) as [PayMetric, string][]).map(([metric, header]) => {
        const label = headerKey(header);
        return {
          metric,
          cell: grid.cells.find((c) => c.row === head.row && matchesLabel(c.text, label)),
          spec: { unit: layout.metrics[metric]?.unit ?? '', fraction: layout.metrics[metric]?.fraction ?? false },
        };
      });
      for (let row = head.row + 1; ; row += 1) {
        const name = grid.at(row, head.col);
        const className = name ? cellText(name.value).normalize('NFKC').trim() : '';
        if (className === '' || headerKey(className) === '合計' || headerKey(className) === '計') break;
        const byMetric: Partial<Record<PayMetric, PayFigure>> = {};
        for (const mc of metricColumns) {
          if (!mc.cell) continue;
          const cell = grid.at(row, mc.cell.col);
          const value = cell ? figureOf(cell, mc.spec) : null;
          if (value !== null) byMetric[mc.metric] = { value, unit: mc.spec.unit, row, column: cell!.column };
        }
        storeClasses.set(className, byMetric);
      }
      // The classes should add up to the report's totals; a difference means a class row is missing or wrong.
      for (const { metric } of metricColumns) {
        const total = figures[metric];
        const parts = [...storeClasses.values()].map((c) => c[metric]?.value);
        if (!total || parts.length === 0 || parts.some((v) => v === undefined)) continue;
        const sum = exactSum(parts as number[]);
        // A safe-integer sum is exact, so === is the exact comparison; a Decimal's text is compared as a Decimal.
        if (typeof sum === 'number' ? sum !== total.value : !new Decimal(sum).equals(String(total.value))) {
          issues.push(
            issueOf('pay-store-class-total-mismatch', { metric: payMetrics[metric].labelJa, sum: String(sum), total: total.value }, at(head.row, head.column)),
          );
        }
      }
    }
  }
  return {
    report: {
      file,
      sha256: input.sha256,
      sheet: sheet.name,
      layout: layout.id,
      month,
      ...(statedFiscalYear === undefined ? {} : { statedFiscalYear }),
      figures,
      storeClasses,
    },
    issues,
  };
}

interface GridCell {
  row: number;
  col: number;
  column: string;
  value: XlsxCell;
  /** As compared with the layout's labels (headerKey). */
  text: string;
  /** As typed, for messages. */
  raw: string;
  /** A number in a percent format: Excel shows 0.718 as 71.8%. */
  percent?: true;
  /** A formula saved without its result. */
  formula?: true;
}

interface Grid {
  cells: GridCell[];
  find(label: string): GridCell | undefined;
  at(row: number, col: number): GridCell | undefined;
  rightOf(cell: GridCell): GridCell | undefined;
  valueRightOf(label: string): GridCell | undefined;
}

/** Every non-blank cell of a sheet (formulas by their cached result, or marked when saved without one); `col` is 1-based as in the layouts. */
async function gridOf(workbook: XlsxCellWorkbook, sheet: string): Promise<Grid> {
  const cells: GridCell[] = [];
  const byPlace = new Map<string, GridCell>();
  const add = (g: GridCell) => {
    cells.push(g);
    byPlace.set(`${g.row}:${g.col}`, g);
  };
  for await (const { rowNumber, cells: values, percentColumns, formulaColumns } of workbook.rows(sheet)) {
    values.forEach((value, index) => {
      if (value === null || (typeof value === 'string' && value.trim() === '')) return;
      const raw = value instanceof Date ? '' : cellText(value);
      const percent = typeof value === 'number' && percentColumns?.includes(index);
      add({ row: rowNumber, col: index + 1, column: columnLetter(index), value, text: headerKey(raw), raw, ...(percent ? { percent: true } : {}) });
    });
    // Not blank to Excel: a value looked for right of its label is this cell, not the unit beside it.
    for (const index of formulaColumns ?? [])
      add({ row: rowNumber, col: index + 1, column: columnLetter(index), value: null, text: '', raw: '', formula: true });
  }
  const grid: Grid = {
    cells,
    find: (label) => {
      // Normalised once per search, not once per cell.
      const l = headerKey(label);
      return cells.find((c) => matchesLabel(c.text, l));
    },
    at: (row, col) => byPlace.get(`${row}:${col}`),
    rightOf: (cell) => cells.filter((c) => c.row === cell.row && c.col > cell.col).sort((a, b) => a.col - b.col)[0],
    valueRightOf: (label) => {
      const l = grid.find(label);
      return l ? grid.rightOf(l) : undefined;
    },
  };
  return grid;
}

/** The label itself, or the label followed by a bracketed unit (決済金額(千円)); both as headerKey gives them. */
function matchesLabel(text: string, l: string): boolean {
  return text === l || (text.startsWith(l) && /^\([^)]*\)$/.test(text.slice(l.length)));
}

/**
 * The exact sum: as a number while every part and every partial sum is a safe integer (counts and yen, the usual
 * case: exact, and far cheaper than a Decimal per part), else as the Decimal's text.
 */
function exactSum(parts: readonly number[]): number | string {
  let sum = 0;
  for (const part of parts) {
    sum += part;
    if (!Number.isSafeInteger(part) || !Number.isSafeInteger(sum)) return parts.reduce((a, b) => a.plus(String(b)), new Decimal(0)).toString();
  }
  return sum;
}

/**
 * The figure in the layout's unit, read as the report shows it: a number in a percent format (0.718 shown as 71.8%)
 * or a text with % (77.4%) is that many percent, whatever the layout says the cell holds; otherwise a layout's
 * `fraction` cell (0.774) is ×100. A figure shown as a percentage where the unit is not % is not read (null).
 */
function figureOf(cell: GridCell, spec: { unit: string; fraction: boolean }): number | null {
  const value = numberOf(cell.value);
  if (value === null) return null;
  const shownAsPercent = cell.percent === true || (typeof cell.value === 'string' && /[%％]\s*$/.test(cell.value));
  if (shownAsPercent) return headerKey(spec.unit) === '%' ? (cell.percent ? percentShown(value) : value) : null;
  return spec.fraction ? percentShown(value) : value;
}

/** A cell's value as the report shows it, for messages: a percent-formatted 0.718 is 71.8%. */
function shownText(cell: GridCell): string {
  return cell.percent && typeof cell.value === 'number' ? `${percentShown(cell.value)}%` : cellText(cell.value);
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return parseLooseNumber(value);
  return null;
}
