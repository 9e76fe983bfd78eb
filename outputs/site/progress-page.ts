// The progress table (progress.yaml): pillars → sections → indicators, each with the plan's year-role columns, its
// targets (original and revised), both rates, its grade with the rule that gave it, its owners and remarks: the same
// cells, in the same order, as the committee workbook's progress-table sheet, read from the run's indicator_progress rows.
import type { CatalogIndicator, CatalogProgress } from '../../config/resolve-progress.ts';
import { ownerNames } from '../../config/resolve-progress.ts';
import { formatFiscalYear } from '../../lib/fiscal-year.ts';
import { indicatorGrade } from '../../transforms/progress-grade-counts.ts';
import { progressLegend, progressRemarks } from '../committee-workbook/progress-table-sheet.ts';
import { decimalsOf, formatFigure, NO_VALUE } from './format-figure.ts';
import { progressIndicatorPath } from './progress-indicator-page.ts';
import { PROGRESS_PAGE, type SiteContext } from './site-context.ts';
import { html, sitePage, type HtmlPart, type SafeHtml } from './site-page.ts';

const WITHHELD = '不公表';

/**
 * The table is wide (a column per year role): it takes the page's width, its sections' tables share column widths, names
 * wrap, and it prints on A4 landscape.
 */
const PROGRESS_CSS = `
main{max-width:none}
table.progress{width:100%;table-layout:fixed;font-size:.88em}
table.progress tbody th{white-space:normal}
table.progress td,table.progress th{overflow-wrap:anywhere}
@media print{@page{size:A4 landscape}table.progress{font-size:.8em}}
`;

/** Relative widths of the columns, in the order of the header. */
const WIDTH = { code: 3, name: 13, tier: 5, owner: 9, unit: 4, role: 6.5, original: 6.5, revisions: 11, rate: 5.5, grade: 9, remarks: 10 };

type YearRole = CatalogProgress['yearRoles'][number];

export function progressPage(ctx: SiteContext, progress: CatalogProgress): { path: string; content: string } {
  const { catalog } = ctx;
  const { terms } = catalog.plan;
  const rows = ctx.input.indicatorProgress;
  const latestYear = Math.max(0, ...rows.filter((row) => row.is_latest).map((row) => row.fiscal_year));
  const roleYear = (role: YearRole) => role.fiscalYear ?? (latestYear > 0 ? latestYear : undefined);
  const hasRelated = progress.indicators.some((indicator) => indicator.relatedOwners);
  // A target stated in words goes under the plan's target-year column; a plan without one prints it as the original target.
  const hasTargetRole = progress.yearRoles.some((role) => role.kind === 'target');
  const { grading } = progress;

  const cells = (indicator: CatalogIndicator): SafeHtml => {
    const own = ctx.progressByIndicator.get(indicator.id) ?? [];
    const latest = own.find((row) => row.is_latest);
    const any = own[0];
    const grade = indicatorGrade(progress, latest);
    const roleNotes: string[] = [];
    const roleCells = progress.yearRoles.map((role) => {
      if (role.kind === 'target') {
        const stated = any?.target_status ?? any?.target_text ?? null;
        if (stated !== null) return html`<td>${stated}</td>`;
        const target = latest?.target_in_force ?? any?.target_in_force ?? null;
        return html`<td class="num">${formatFigure(target, Math.max(0, decimalsOf(target)))}</td>`;
      }
      const fy = roleYear(role);
      const row = role.latest ? latest : own.find((x) => x.fiscal_year === fy);
      const yearNote = role.latest && row && row.fiscal_year !== latestYear ? `（${formatFiscalYear(row.fiscal_year)}）` : '';
      if (row?.value_status === 'declared' && row.comment) roleNotes.push(`${role.labelJa}: ${row.comment}`);
      if (row?.withheld_reason) {
        roleNotes.push(`${formatFiscalYear(row.fiscal_year)}は${WITHHELD}: ${row.withheld_reason}（issues.csv を参照）`);
        return html`<td class="withheld">${WITHHELD}</td>`;
      }
      if (row?.value !== null && row?.value !== undefined && row.status_value === null && row.secondary_value === null && !yearNote)
        return html`<td class="num">${formatFigure(row.value, indicator.decimals)}</td>`;
      return row?.value_text
        ? html`<td>${row.value_text}${yearNote ? html`<br /><span class="note">${yearNote}</span>` : ''}</td>`
        : html`<td>${NO_VALUE}</td>`;
    });
    const original: HtmlPart =
      !hasTargetRole && any?.target_text
        ? html`<td>${any.target_text}</td>`
        : html`<td class="num">${formatFigure(any?.target_original, Math.max(0, decimalsOf(any?.target_original)))}</td>`;
    const rate = (value: number | null | undefined) =>
      html`<td class="num">${value === null || value === undefined ? NO_VALUE : `${formatFigure(value, 1)}%`}</td>`;
    const lines = (texts: readonly string[]) => texts.map((t, i) => html`${i > 0 ? html`<br />` : ''}${t}`);
    return html`<tr data-indicator="${indicator.id}" data-grade="${grade.grade}">
      <td>${indicator.code}</td>
      <th scope="row"><a href="${progressIndicatorPath(indicator.id)}">${indicator.nameJa}</a></th>
      <td>${indicator.tierLabelJa}</td>
      <td>${lines(ownerNames(indicator.owners ?? catalog.plan.owners ?? []))}</td>
      ${hasRelated ? html`<td>${lines(ownerNames(indicator.relatedOwners ?? []))}</td>` : ''}
      <td>${indicator.unit}</td>
      ${roleCells}${original}
      <td>${any?.target_revisions ?? ''}</td>
      ${rate(latest?.achievement_rate)}${rate(latest?.achievement_rate_original)}
      <td class="grade"><span class="mark">${grade.grade}</span><br /><span class="note">${grade.ruleJa}</span></td>
      <td>${lines([...progressRemarks(indicator.direction, latest), ...roleNotes])}</td>
    </tr>`;
  };

  const widths = [
    WIDTH.code,
    WIDTH.name,
    WIDTH.tier,
    WIDTH.owner,
    ...(hasRelated ? [WIDTH.owner] : []),
    WIDTH.unit,
    ...progress.yearRoles.map(() => WIDTH.role),
    WIDTH.original,
    WIDTH.revisions,
    WIDTH.rate,
    WIDTH.rate,
    WIDTH.grade,
    WIDTH.remarks,
  ];
  const total = widths.reduce((a, b) => a + b, 0);
  const colgroup = html`<colgroup>
    ${widths.map((w) => html`<col style="width:${((100 * w) / total).toFixed(2)}%" />`)}
  </colgroup>`;
  const header = html`<thead>
    <tr>
      <th scope="col">番号</th>
      <th scope="col">指標名</th>
      <th scope="col">${terms.tier}</th>
      <th scope="col">${terms.owner}</th>
      ${hasRelated ? html`<th scope="col">${terms.relatedOwner}</th>` : ''}
      <th scope="col">単位</th>
      ${progress.yearRoles.map((role) => {
        const fy = roleYear(role);
        return html`<th scope="col">${role.labelJa}${fy === undefined ? '' : html`<br />（${formatFiscalYear(fy)}）`}</th>`;
      })}
      <th scope="col">当初目標</th>
      <th scope="col">目標の改定</th>
      <th scope="col">達成率<br />（改定後目標）</th>
      <th scope="col">達成率<br />（当初目標）</th>
      <th scope="col">${grading.labelJa}（規則）</th>
      <th scope="col">備考</th>
    </tr>
  </thead>`;

  const pillars = groupInOrder(progress.indicators, (indicator) => indicator.pillar.code);
  const body = html`<h1>${terms.progressTable}${latestYear > 0 ? `　${formatFiscalYear(latestYear)}実績` : ''}</h1>
    <p>
      達成率 = 実績 ÷ 目標 × 100（低いほど良い指標は 目標 ÷ 実績 ×
      100）。改定後目標はその年度に有効な目標（改定はその年度から適用）。値は実行のデータセット（indicator_progress.csv）と同じ行です。
    </p>
    <dl class="facts">
      ${[...grading.grades, grading.notEvaluable, ...(grading.definitionChanged ? [grading.definitionChanged] : [])].map(
        (g) =>
          html`<dt>${grading.labelJa} ${g.grade}</dt>
            <dd>${g.ruleJa}</dd>`,
      )}
      ${progressLegend(catalog).map(
        ([k, v]) =>
          html`<dt>${k}</dt>
            <dd>${v}</dd>`,
      )}
    </dl>
    ${pillars.map((indicators, i) => {
      const { pillar } = indicators[0]!;
      return html`<h2 id="pillar-${i + 1}">${terms.pillar} ${pillar.code}　${pillar.nameJa}</h2>
        ${groupInOrder(indicators, (indicator) => indicator.section.code).map(
          (section) =>
            html`<table class="progress">
              <caption>
                ${terms.section} ${section[0]!.section.code}　${section[0]!.section.nameJa}
              </caption>
              ${colgroup}${header}
              <tbody>
                ${section.map(cells)}
              </tbody>
            </table>`,
        )}`;
    })}`;
  return {
    path: PROGRESS_PAGE,
    content: sitePage({
      path: PROGRESS_PAGE,
      title: terms.progressTable,
      siteTitle: ctx.siteTitle,
      nav: ctx.nav,
      section: 'progress',
      runLine: ctx.runLine,
      body,
      css: PROGRESS_CSS,
    }),
  };
}

/** Consecutive runs of the same key, in the catalog's order (the workbook starts a band where the key changes). */
function groupInOrder<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups: T[][] = [];
  let last: string | undefined;
  for (const item of items) {
    if (groups.length === 0 || key(item) !== last) groups.push([]);
    groups[groups.length - 1]!.push(item);
    last = key(item);
  }
  return groups;
}
