// A ward's progress table (柱 → 施策 → 指標, progress.yaml): the plan's year-role columns, targets (original and
// revised), rates, grade and the rule that gave it.
import type ExcelJS from 'exceljs';
import type { Catalog } from '../../config/load-catalog.ts';
import type { IndicatorProgressRow } from '../../lib/datasets/indicator-tables.ts';
import { formatFiscalYear } from '../../lib/fiscal-year.ts';
import { ownerNames } from '../../config/resolve-progress.ts';
import { indicatorGrade, progressGradeCounts, type GradeCount } from '../../transforms/progress-grade-counts.ts';
import {
  NO_VALUE,
  WITHHELD,
  HEADER_ROW,
  CENTERED,
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
  decimalsOf,
  fitRowHeight,
} from './sheet-layout.ts';

export type { GradeCount };

/** One row per indicator: the plan's year-role columns, targets (original and revised), rates, grade and rule. */
export function writeProgressTableSheet(workbook: ExcelJS.Workbook, catalog: Catalog, rows: readonly IndicatorProgressRow[]): GradeCount[] {
  const progress = catalog.progress!;
  const { terms } = catalog.plan;
  const byIndicator = new Map<string, IndicatorProgressRow[]>();
  for (const row of rows) byIndicator.set(row.indicator_id, [...(byIndicator.get(row.indicator_id) ?? []), row]);
  const latestOf = (id: string) => byIndicator.get(id)?.find((row) => row.is_latest);
  const latestYear = Math.max(0, ...rows.filter((row) => row.is_latest).map((row) => row.fiscal_year));
  const roleYear = (role: (typeof progress.yearRoles)[number]) => role.fiscalYear ?? (latestYear > 0 ? latestYear : undefined);
  // Owners as a list from the catalog, one per line: a department's own name may hold ・ (工業・雇用促進課).
  const ownersOf = (indicator: (typeof progress.indicators)[number]) => ownerNames(indicator.owners ?? catalog.plan.owners ?? []);
  const hasRelated = progress.indicators.some((indicator) => indicator.relatedOwners);
  // A target stated in words goes under the plan's target-year column; a plan without one prints it as the original target.
  const hasTargetRole = progress.yearRoles.some((role) => role.kind === 'target');
  const inWords = progress.indicators.some((indicator) => indicator.baselineText !== undefined || (indicator.target && 'text' in indicator.target));
  const columns: ColumnDef[] = [
    { header: '番号', width: 8 },
    { header: '指標名', width: 30 },
    { header: terms.tier, width: 10 },
    { header: terms.owner, width: 16 },
    ...(hasRelated ? [{ header: terms.relatedOwner, width: 16 }] : []),
    { header: '単位', width: 7 },
    ...progress.yearRoles.map((role) => {
      const fy = roleYear(role);
      return { header: `${role.labelJa}${fy === undefined ? '' : `\n（${formatFiscalYear(fy)}）`}`, width: inWords ? 24 : 12 };
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
    const grade = indicatorGrade(progress, latest);
    const excelRow = sheet.getRow(r);
    let c = 1;
    setText(excelRow.getCell(c++), indicator.code);
    setText(excelRow.getCell(c++), indicator.nameJa);
    setText(excelRow.getCell(c++), indicator.tierLabelJa);
    setText(excelRow.getCell(c++), ownersOf(indicator).join('\n'));
    if (hasRelated) setText(excelRow.getCell(c++), ownerNames(indicator.relatedOwners ?? []).join('\n'));
    setText(excelRow.getCell(c++), indicator.unit);
    const roleNotes: string[] = [];
    for (const role of progress.yearRoles) {
      const cell = excelRow.getCell(c++);
      if (role.kind === 'target') {
        const stated = any?.target_status ?? any?.target_text ?? null;
        if (stated !== null) setText(cell, stated);
        else setNumber(cell, latest?.target_in_force ?? any?.target_in_force ?? null, Math.max(0, decimalsOf(latest?.target_in_force ?? null)));
        continue;
      }
      const fy = roleYear(role);
      const row = role.latest ? latest : own.find((x) => x.fiscal_year === fy);
      const yearNote = role.latest && row && row.fiscal_year !== latestYear ? `\n（${formatFiscalYear(row.fiscal_year)}）` : '';
      if (row?.withheld_reason) {
        setText(cell, WITHHELD);
        roleNotes.push(`${formatFiscalYear(row.fiscal_year)}は${WITHHELD}: ${row.withheld_reason}（issues.csv を参照）`);
      } else if (row?.value !== null && row?.value !== undefined && row.status_value === null && row.secondary_value === null && !yearNote)
        setNumber(cell, row.value, indicator.decimals);
      else setText(cell, row?.value_text ? `${row.value_text}${yearNote}` : NO_VALUE);
      // A declared cell's note (seed 003: 71 経営体, 平成25年度末見込み) is printed with it.
      if (row?.value_status === 'declared' && row.comment) roleNotes.push(`${role.labelJa}: ${row.comment}`);
    }
    const originalCell = excelRow.getCell(c++);
    if (!hasTargetRole && any?.target_text) setText(originalCell, any.target_text);
    else setNumber(originalCell, any?.target_original ?? null, Math.max(0, decimalsOf(any?.target_original ?? null)));
    setText(excelRow.getCell(c++), any?.target_revisions ?? '');
    setNumber(excelRow.getCell(c++), latest?.achievement_rate ?? null, 1, '"%"');
    setNumber(excelRow.getCell(c++), latest?.achievement_rate_original ?? null, 1, '"%"');
    setText(excelRow.getCell(c++), grade.grade);
    setText(excelRow.getCell(c++), grade.ruleJa);
    setText(excelRow.getCell(c++), [...progressRemarks(indicator.direction, latest), ...roleNotes].join('\n'));
    setText(excelRow.getCell(c++), indicator.id);
    styleBody(excelRow, columns);
    excelRow.getCell(1).alignment = CENTERED;
    fitRowHeight(excelRow, columns);
    r++;
  }
  widenForNumbers(sheet);
  return progressGradeCounts(catalog, rows);
}

/** The remarks column: direction, a state target met or not, a changed definition, a rejected value, the comment. */
export function progressRemarks(direction: string, latest: IndicatorProgressRow | undefined): string[] {
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

export function progressLegend(catalog: Catalog): [string, string][] {
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
