// The two index pages: the vision tables (with their counts) and every indicator by vision table and tier.
import { formatFigure } from './format-figure.ts';
import { indicatorPagePath, slotFigures, tierLabel, visionTitle, type SiteContext } from './site-context.ts';
import { href, html, sitePage } from './site-page.ts';
import { visionCountsTable } from './vision-counts-table.ts';

export function listPages(ctx: SiteContext): { path: string; content: string }[] {
  const frame = { siteTitle: ctx.siteTitle, runLine: ctx.runLine, nav: ctx.nav };
  const visionsPath = 'visions/index.html';
  const indicatorsPath = 'indicators/index.html';
  const indicators = html`<h1>指標一覧</h1>
    ${ctx.tables.map(
      (t) =>
        html`<h2>${visionTitle(ctx.catalog, t.visions)}</h2>
          <ul>
            ${t.slots.map((s) => {
              const row = slotFigures(ctx, s).row;
              return html`<li>
                <a href="${href(indicatorsPath, indicatorPagePath(s.measure))}">${s.nameJa}</a>（${tierLabel(ctx.catalog, s.tier)} ${s.position}）指数
                ${formatFigure(row?.index, 2)} ${row?.trend ?? ''}
              </li>`;
            })}
          </ul>`,
    )}`;
  return [
    {
      path: visionsPath,
      content: sitePage({
        ...frame,
        path: visionsPath,
        title: ctx.catalog.plan.terms.pillar,
        section: 'visions',
        body: html`<h1>${ctx.catalog.plan.terms.pillar}</h1>
          ${visionCountsTable(ctx, visionsPath)}`,
      }),
    },
    { path: indicatorsPath, content: sitePage({ ...frame, path: indicatorsPath, title: '指標一覧', section: 'indicators', body: indicators }) },
  ];
}
