// One page per vision table: the logic model as printed (行動 → 短期 → 中長期 → 参考), each indicator a card with the
// same figures, marks and order as the committee workbook's vision sheet.
import type { CatalogSlot } from '../../config/load-catalog.ts';
import { formatFiscalYear } from '../../lib/fiscal-year.ts';
import type { VisionTable } from '../../transforms/vision-tables.ts';
import { decimalsOf, formatFigure, NO_VALUE } from './format-figure.ts';
import {
  ASSESSMENT_JA,
  DIRECTION_JA,
  indicatorPagePath,
  slotFigures,
  STATUS_JA,
  visionPagePath,
  visionTitle,
  WITHHELD,
  type SiteContext,
} from './site-context.ts';
import { href, html, sitePage, type SafeHtml } from './site-page.ts';

export function visionPage(ctx: SiteContext, table: VisionTable): { path: string; content: string } {
  const path = visionPagePath(table.visions);
  const title = visionTitle(ctx.catalog, table.visions);
  const { fiscalYear } = ctx.input;
  const body = html`<h1>${title}</h1>
    <p>
      ${ctx.catalog.plan.terms.indicators}　${formatFiscalYear(fiscalYear)}実数（基準値: ${formatFiscalYear(ctx.catalog.plan.baselineFiscalYear)}）。指数 = 実数
      ÷ 基準値 × 100。 ↑ は指数が100を上回る、→ は100、↓ は下回る。良し悪し（改善・悪化）は指標の方向による。${NO_VALUE} = 値なし。
    </p>
    <div class="model">
      ${ctx.catalog.plan.tiers.map(({ id: tier, labelJa }) => {
        const slots = table.slots.filter((s) => s.tier === tier);
        if (slots.length === 0) return '';
        return html`<section class="tier" aria-labelledby="tier-${tier}">
          <h2 id="tier-${tier}">${labelJa}</h2>
          <ol class="cards">
            ${slots.map((s) => card(ctx, path, s))}
          </ol>
        </section>`;
      })}
    </div>`;
  return { path, content: sitePage({ path, title, siteTitle: ctx.siteTitle, nav: ctx.nav, section: 'visions', runLine: ctx.runLine, body }) };
}

function card(ctx: SiteContext, from: string, slot: CatalogSlot): SafeHtml {
  const measure = ctx.catalog.measures.get(slot.measure)!;
  const { row, baseline } = slotFigures(ctx, slot);
  const decimals = measure.decimals;
  const unit = row?.unit ?? slot.unitJa ?? measure.unit;
  const assessment = row?.assessment ?? null;
  const baselineYear = row?.baseline_fiscal_year ?? ctx.catalog.plan.baselineFiscalYear;
  const status = row?.value_status ?? 'missing';
  const interval =
    row?.n !== null && row?.n !== undefined
      ? html`<dt>回答数</dt>
          <dd>
            n =
            ${row.n.toLocaleString('en-US')}${
              row.ci_low !== null && row.ci_high !== null
                ? html`（95%信頼区間 ${formatFigure(row.ci_low, decimals)}〜${formatFigure(row.ci_high, decimals)}）`
                : ''
            }
          </dd>`
      : '';
  return html`<li class="card ${assessment ?? 'none'}" data-slot="${slot.id}">
    <h3>
      <span class="pos">${slot.position}.</span>
      <a href="${href(from, indicatorPagePath(slot.measure))}">${slot.nameJa}</a>${slot.marked ? html` <abbr title="横断的指標">○</abbr>` : ''}
    </h3>
    ${slot.previousNameJa ? html`<p class="note">旧名: ${slot.previousNameJa}</p>` : ''}
    <dl>
      <dt>実数</dt>
      <dd><span class="value">${formatFigure(row?.value, decimals)}</span> ${unit}</dd>
      <dt>基準値</dt>
      <dd><span class="baseline">${formatFigure(baseline, Math.max(decimals, decimalsOf(baseline)))}</span>（${formatFiscalYear(baselineYear)}）</dd>
      <dt>指数</dt>
      <dd>
        <span class="index">${formatFigure(row?.index, 2)}</span>
        <span class="mark ${assessment ?? ''}">${row?.trend ?? ''}${assessment ? html`（${ASSESSMENT_JA[assessment] ?? assessment}）` : ''}</span>
      </dd>
      <dt>方向</dt>
      <dd>${DIRECTION_JA[measure.direction] ?? measure.direction}</dd>
      ${interval}
      ${
        status !== 'observed'
          ? html`<dt>状態</dt>
              <dd class="${WITHHELD.has(status) ? 'withheld' : ''}">${STATUS_JA[status] ?? status}${row?.comment ? html`: ${row.comment}` : ''}</dd>`
          : row?.comment
            ? html`<dt>備考</dt>
                <dd>${row.comment}</dd>`
            : ''
      }
      ${
        baseline === 0
          ? html`<dt>備考</dt>
              <dd>基準値が0のため指数なし</dd>`
          : ''
      }
    </dl>
  </li>`;
}
