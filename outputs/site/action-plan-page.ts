// The action plan: each line's actual against its targets and its 達成率, grouped by vision and 方針; a 【再掲】 line
// links to the line it reprints.
import type { CatalogLine } from '../../config/load-catalog.ts';
import type { ActionPlanProgressRow } from '../../lib/datasets/indicator-tables.ts';
import { formatFiscalYear } from '../../lib/fiscal-year.ts';
import { actionPlanIndicatorWord } from '../../lib/with-plan-words.ts';
import { decimalsOf, formatFigure, NO_VALUE } from './format-figure.ts';
import { indicatorPagePath, type SiteContext } from './site-context.ts';
import { html, sitePage, type SafeHtml } from './site-page.ts';

const PATH = 'action-plan.html';

export function actionPlanPage(ctx: SiteContext): { path: string; content: string } {
  const { catalog, input } = ctx;
  const { start, end } = catalog.plan.period;
  const years = Array.from({ length: end - start + 1 }, (_, i) => start + i);
  const short = (y: number) => formatFiscalYear(y, 'short');
  const rowsOf = new Map<string, Map<number, ActionPlanProgressRow>>();
  for (const r of input.actionPlanProgress) rowsOf.set(r.line_id, (rowsOf.get(r.line_id) ?? new Map<number, ActionPlanProgressRow>()).set(r.fiscal_year, r));
  const printedMeasures = new Set(ctx.measureIds);
  const sectionOrder = (id: string) => {
    const i = catalog.sections.findIndex((s) => s.id === id);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const lines = [...catalog.lines].sort((a, b) => a.vision - b.vision || sectionOrder(a.section) - sectionOrder(b.section));
  const visions = [...new Set(lines.map((l) => l.vision))];

  const row = (line: CatalogLine): SafeHtml => {
    const byYear = rowsOf.get(line.id);
    const current = byYear?.get(input.fiscalYear);
    const targets = years.map((y) => byYear?.get(y));
    const total = current?.target_total ?? targets.find((t) => t !== undefined)?.target_total ?? null;
    const d = Math.max(0, ...[total, ...targets.map((t) => t?.target_year ?? null)].map(decimalsOf));
    const name = printedMeasures.has(line.measure) ? html`<a href="${indicatorPagePath(line.measure)}">${line.indicatorJa}</a>` : line.indicatorJa;
    return html`<tr id="${line.id}" class="${line.reprintOf ? 'reprint' : ''}" data-line="${line.id}">
      <td>${line.measureNameJa}</td>
      <td>${name}</td>
      <td>${line.reprintOf ? html`<a href="#${line.reprintOf}">【再掲】元の行</a>` : ''}</td>
      <td class="num">${formatFigure(total, d)}</td>
      ${targets.map((t) => {
        const revised = t && t.target_year_original !== null && t.target_year_original !== t.target_year;
        return html`<td class="num">
          ${formatFigure(t?.target_year, d)}${revised ? html`<br /><span class="note">当初 ${formatFigure(t.target_year_original, d)}</span>` : ''}
        </td>`;
      })}
      <td>${current?.unit ?? line.unitJa ?? ''}</td>
      <td class="num actual">${formatFigure(current?.actual, line.actualDecimals ?? Math.max(0, decimalsOf(current?.actual)))}</td>
      <td class="num rate">
        ${current?.achievement_rate === null || current?.achievement_rate === undefined ? NO_VALUE : `${formatFigure(current.achievement_rate, 1)}%`}
      </td>
    </tr>`;
  };

  const { terms } = catalog.plan;
  const body = html`<h1>${terms.actionPlan}　${formatFiscalYear(input.fiscalYear)}実績</h1>
    <p>
      達成率 = ${short(input.fiscalYear)}年度実績 ÷ 合計（${short(start)}-${short(end)}）×
      100（合計が各年度目標の和の行は計画初年度からの累計実績で計算、小数第1位で四捨五入）。
      目標が改定された年度は改定後の値と当初の値を示します。【再掲】の行は元の行へのリンクです。${NO_VALUE} = 値なし（目標の設定なし・実績の未集計）。
    </p>
    ${visions.map((v) => {
      const sections = [...new Set(lines.filter((l) => l.vision === v).map((l) => l.section))];
      return html`<h2 id="vision-${v}">${terms.pillar}${v}　${catalog.plan.visions.find((x) => x.number === v)?.titleJa ?? ''}</h2>
        ${sections.map(
          (s) =>
            html`<table>
              <caption>
                ${terms.section} ${s}　${catalog.sections.find((x) => x.id === s)?.nameJa ?? ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">施策</th>
                  <th scope="col">${actionPlanIndicatorWord(catalog.plan)}</th>
                  <th scope="col">再掲</th>
                  <th scope="col">合計（${short(start)}-${short(end)}）</th>
                  ${years.map((y) => html`<th scope="col">${short(y)}年度目標</th>`)}
                  <th scope="col">単位</th>
                  <th scope="col">${short(input.fiscalYear)}年度実績</th>
                  <th scope="col">達成率</th>
                </tr>
              </thead>
              <tbody>
                ${lines.filter((l) => l.vision === v && l.section === s).map(row)}
              </tbody>
            </table>`,
        )}`;
    })}`;
  return {
    path: PATH,
    content: sitePage({
      path: PATH,
      title: terms.actionPlan,
      siteTitle: ctx.siteTitle,
      nav: ctx.nav,
      section: 'action-plan',
      runLine: ctx.runLine,
      body,
    }),
  };
}
