// For each vision table: how many indicators went ↑ → ↓, how many have no index, how many are withheld.
import { formatFiscalYear } from '../../lib/fiscal-year.ts';
import { visionTableName } from '../../transforms/vision-tables.ts';
import { slotFigures, visionPagePath, WITHHELD, type SiteContext } from './site-context.ts';
import { href, html, type SafeHtml } from './site-page.ts';

export function visionCountsTable(ctx: SiteContext, from: string): SafeHtml {
  const rows = ctx.tables.map((t) => {
    const figures = t.slots.map((s) => slotFigures(ctx, s).row);
    const count = (f: (r: (typeof figures)[number]) => boolean) => figures.filter(f).length;
    return {
      table: t,
      title: t.visions.map((v) => ctx.catalog.plan.visions.find((x) => x.number === v)?.titleJa ?? '').join('／'),
      counts: [
        t.slots.length,
        count((r) => r?.trend === '↑'),
        count((r) => r?.trend === '→'),
        count((r) => r?.trend === '↓'),
        count((r) => r?.assessment === 'improved'),
        count((r) => r?.assessment === 'worsened'),
        count((r) => r?.index === null || r?.index === undefined),
        count((r) => WITHHELD.has(r?.value_status ?? '')),
      ],
    };
  });
  const totals = rows[0]?.counts.map((_, i) => rows.reduce((s, r) => s + r.counts[i]!, 0)) ?? [];
  return html`<table class="vision-counts">
      <caption>
        ${ctx.catalog.plan.terms.pillar}ごとの指標（${formatFiscalYear(ctx.input.fiscalYear)}）
      </caption>
      <thead>
        <tr>
          <th scope="col">${ctx.catalog.plan.terms.pillar}</th>
          <th scope="col">名称</th>
          <th scope="col">指標数</th>
          <th scope="col">↑</th>
          <th scope="col">→</th>
          <th scope="col">↓</th>
          <th scope="col">うち改善</th>
          <th scope="col">うち悪化</th>
          <th scope="col">指数なし</th>
          <th scope="col">不公表</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr data-visions="${r.table.visions.join('-')}">
              <th scope="row"><a href="${href(from, visionPagePath(r.table.visions))}">${visionTableName(ctx.catalog, r.table.visions)}</a></th>
              <td>${r.title}</td>
              ${r.counts.map((c) => html`<td class="num">${c}</td>`)}
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">計</th>
          <td></td>
          ${totals.map((c) => html`<td class="num">${c}</td>`)}
        </tr>
      </tfoot>
    </table>
    <p class="note">
      ↑→↓ は指数と100の比較。改善・悪化は方向を考慮した読み（低いほど良い指標の↑は悪化）。不公表 =
      入力はあるが矛盾・不足・検査不合格のため公表しない値（理由は各カード）。
    </p>`;
}
