// One indicator of the progress table: its years as indicator_progress holds them (value as printed, the target in
// force, both rates, the grade), charted when it has figures — values, baseline, original and revised target — with the
// same numbers in the table below the chart.
import type { CatalogIndicator, CatalogProgress } from '../../config/resolve-progress.ts';
import { ownerNames } from '../../config/resolve-progress.ts';
import type { IndicatorProgressRow } from '../../lib/datasets/indicator-tables.ts';
import { formatFiscalYear } from '../../lib/fiscal-year.ts';
import { indicatorGrade } from '../../transforms/progress-grade-counts.ts';
import { decimalsOf, formatFigure, NO_VALUE } from './format-figure.ts';
import { swatch } from './indicator-page.ts';
import { renderTimeSeries, type SeriesPoint } from './render-chart.ts';
import { DIRECTION_JA, PROGRESS_PAGE, type SiteContext } from './site-context.ts';
import { href, html, raw, sitePage, type SafeHtml } from './site-page.ts';

/** Ids may be printed codes (Ⅰ/1-②): characters a file name or a URL cannot hold become _. */
export const progressIndicatorPath = (id: string) => `progress/${id.replace(/[/\\?%*:|"<>#\s]/g, '_')}.html`;

export function progressIndicatorPage(ctx: SiteContext, progress: CatalogProgress, indicator: CatalogIndicator): { path: string; content: string } {
  const path = progressIndicatorPath(indicator.id);
  const { terms } = ctx.catalog.plan;
  const rows = ctx.progressByIndicator.get(indicator.id) ?? [];
  const latest = rows.find((r) => r.is_latest);
  const grade = indicatorGrade(progress, latest);
  const pillar = [...new Set(progress.indicators.map((i) => i.pillar.code))].indexOf(indicator.pillar.code) + 1;
  const body = html`<h1>${indicator.nameJa}</h1>
    <p><a href="${href(path, `${PROGRESS_PAGE}#pillar-${pillar}`)}">${terms.progressTable}</a>の指標です。</p>
    <dl class="facts">
      <dt>番号</dt>
      <dd>${indicator.code}</dd>
      <dt>${terms.pillar}</dt>
      <dd>${indicator.pillar.code}　${indicator.pillar.nameJa}</dd>
      <dt>${terms.section}</dt>
      <dd>${indicator.section.code}　${indicator.section.nameJa}</dd>
      <dt>${terms.tier}</dt>
      <dd>${indicator.tierLabelJa}</dd>
      <dt>${terms.owner}</dt>
      <dd>${ownerNames(indicator.owners ?? ctx.catalog.plan.owners ?? []).join('、')}</dd>
      <dt>単位</dt>
      <dd>${indicator.unit}</dd>
      <dt>方向</dt>
      <dd>${DIRECTION_JA[indicator.direction] ?? indicator.direction}</dd>
      <dt>${progress.grading.labelJa}</dt>
      <dd><span class="mark">${grade.grade}</span>（${grade.ruleJa}）</dd>
    </dl>
    ${series(indicator, rows, progress.grading.labelJa)}`;
  return {
    path,
    content: sitePage({ path, title: indicator.nameJa, siteTitle: ctx.siteTitle, nav: ctx.nav, section: 'progress', runLine: ctx.runLine, body }),
  };
}

function series(indicator: CatalogIndicator, rows: readonly IndicatorProgressRow[], gradeLabel: string): SafeHtml {
  const numeric = (r: IndicatorProgressRow) => r.value !== null && r.status_value === null;
  const values: SeriesPoint[] = rows.filter(numeric).map((r) => ({ year: r.fiscal_year, value: r.value! }));
  const baseline = rows.find((r) => r.baseline_value !== null);
  // The target is charted at its own year: the original, and the one in force that year when a revision changed it.
  const targetRow = rows.find((r) => r.target_fiscal_year !== null && r.target_original !== null);
  const latest = rows.find((r) => r.is_latest) ?? rows.at(-1);
  const original: SeriesPoint[] = targetRow ? [{ year: targetRow.target_fiscal_year!, value: targetRow.target_original! }] : [];
  const inForce = (targetRow && rows.find((r) => r.fiscal_year === targetRow.target_fiscal_year)?.target_in_force) ?? latest?.target_in_force ?? null;
  const revised: SeriesPoint[] =
    targetRow && inForce !== null && inForce !== targetRow.target_original ? [{ year: targetRow.target_fiscal_year!, value: inForce }] : [];
  const chartValues = [...values, ...original, ...revised].map((p) => p.value).concat(baseline?.baseline_value ?? []);
  const years = [...new Set([...rows.map((r) => r.fiscal_year), ...original.map((p) => p.year)])].sort((a, b) => a - b);
  const svg =
    values.length === 0
      ? ''
      : renderTimeSeries({
          years,
          yearLabel: (y) => formatFiscalYear(y),
          unit: indicator.unit,
          values,
          band: [],
          baseline: baseline?.baseline_value ?? null,
          targetsOriginal: original,
          targetsRevised: revised,
          ariaLabel: `${indicator.nameJa}の年度ごとの推移（下の表と同じ内容）`,
          // The axis labels of large figures (1,500,000) need more room than the default.
          marginLeft: Math.max(64, 8 * formatFigure(Math.max(...chartValues.map(Math.abs)), 0).length + 16),
        });
  const legend: [Parameters<typeof swatch>[0], string, boolean][] = [
    ['value', '実績', true],
    ['baseline', `基準値${baseline?.baseline_fiscal_year ? `（${formatFiscalYear(baseline.baseline_fiscal_year)}）` : ''}`, baseline !== undefined],
    ['targetOriginal', revised.length > 0 ? '目標（当初）' : '目標', original.length > 0],
    ['targetRevised', '目標（改定後）', revised.length > 0],
  ];
  const rate = (v: number | null) => (v === null ? NO_VALUE : `${formatFigure(v, 1)}%`);
  return html`<h2>年度ごとの推移</h2>
    ${
      svg === ''
        ? ''
        : html`<figure class="chart" aria-describedby="series-table">
            ${raw(svg)}
            <figcaption>
              <ul class="legend">
                ${legend.filter(([, , on]) => on).map(([key, label]) => html`<li>${swatch(key)}${label}</li>`)}
              </ul>
            </figcaption>
          </figure>`
    }
    <table id="series-table">
      <caption>
        年度ごとの値（indicator_progress.csv と同じ行）
      </caption>
      <thead>
        <tr>
          <th scope="col">年度</th>
          <th scope="col">役割</th>
          <th scope="col">値（${indicator.unit}）</th>
          <th scope="col">有効な目標</th>
          <th scope="col">達成率（改定後目標）</th>
          <th scope="col">達成率（当初目標）</th>
          <th scope="col">${gradeLabel}</th>
          <th scope="col">備考</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr data-year="${r.fiscal_year}">
              <th scope="row">${r.fiscal_year_label}</th>
              <td>${r.year_role ?? ''}</td>
              ${
                r.withheld_reason
                  ? html`<td class="withheld">不公表</td>`
                  : numeric(r) && r.secondary_value === null
                    ? html`<td class="num">${formatFigure(r.value, indicator.decimals)}</td>`
                    : html`<td>${r.value_text ?? NO_VALUE}</td>`
              }
              <td class="num">${r.target_status ?? r.target_text ?? formatFigure(r.target_in_force, Math.max(0, decimalsOf(r.target_in_force)))}</td>
              <td class="num">${rate(r.achievement_rate)}</td>
              <td class="num">${rate(r.achievement_rate_original)}</td>
              <td><span class="mark">${r.grade}</span></td>
              <td>${[r.withheld_reason, r.definition_change, r.comment].filter((x) => x).join('　')}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${rows.find((r) => r.target_revisions)?.target_revisions ? html`<p class="note">目標の改定: ${rows.find((r) => r.target_revisions)!.target_revisions}</p>` : ''}`;
}
