// The breakdowns of an indicator's page: its latest survey year by industry and by size, as a chart and a table, with
// suppressed cells as 秘匿 (their figures nowhere in the page) and each share's interval.
import type { Measure } from '../../config/catalog-schema.ts';
import type { PublishedTable } from '../../lib/dataset-spec.ts';
import { formatFiscalYear } from '../../lib/fiscal-year.ts';
import { formatFigure, NO_VALUE } from './format-figure.ts';
import { renderBreakdown, type BreakdownBar } from './render-chart.ts';
import type { SiteContext } from './site-context.ts';
import { html, raw, type SafeHtml } from './site-page.ts';

const SUPPRESSED = '秘匿';
const SUPPRESSION_JA: Record<string, string> = { 'min-n': '回答者が最小数未満', complementary: '二次秘匿' };

interface BreakdownCell {
  dimension: string;
  dimensionJa: string;
  label: string;
  n: number | null;
  share: number | null;
  low: number | null;
  high: number | null;
  suppressed: boolean;
  reason: string | null;
}

// survey_breakdowns rows by measure and year, indexed once per build (adapter tables are untyped: read field by field,
// each checked for its type where it is read; a Map made of each row's entries cost ~10 ms for the sample's 513 rows).
type UntypedRow = Readonly<Record<string, unknown>>;
const breakdownIndexes = new WeakMap<readonly PublishedTable[], Map<string, UntypedRow[]>>();

function breakdownRows(tables: readonly PublishedTable[], measureId: string, fiscalYear: number): UntypedRow[] {
  let index = breakdownIndexes.get(tables);
  if (!index) {
    index = new Map();
    for (const row of tables.find((t) => t.spec.name === 'survey_breakdowns')?.rows ?? []) {
      const f = row as UntypedRow;
      const key = `${String(f.measure_id)}|${String(f.fiscal_year)}`;
      const rows = index.get(key);
      if (rows) rows.push(f);
      else index.set(key, [f]);
    }
    breakdownIndexes.set(tables, index);
  }
  return index.get(`${measureId}|${fiscalYear}`) ?? [];
}

/** The breakdown cells of this measure and the report year (the total is the series above). */
function breakdownCells(tables: readonly PublishedTable[], measure: Measure, fiscalYear: number): BreakdownCell[] {
  const weighted = measure.source.kind === 'industrySurvey' && measure.source.estimate === 'weighted';
  const cells: BreakdownCell[] = [];
  for (const f of breakdownRows(tables, measure.id, fiscalYear)) {
    const num = (k: string) => {
      const v = f[k];
      return typeof v === 'number' ? v : null;
    };
    const text = (k: string) => {
      const v = f[k];
      return typeof v === 'string' ? v : '';
    };
    if (text('dimension') === 'total') continue;
    const suppressed = f.suppressed === true;
    cells.push({
      dimension: text('dimension'),
      dimensionJa: text('dimension_ja'),
      label: text('group_label'),
      // A suppressed cell keeps nothing but its label: no share, no interval, no n.
      n: suppressed ? null : num('n'),
      share: suppressed ? null : num(weighted ? 'weighted_share' : 'share'),
      low: suppressed ? null : num(weighted ? 'weighted_ci_low' : 'ci_low'),
      high: suppressed ? null : num(weighted ? 'weighted_ci_high' : 'ci_high'),
      suppressed,
      reason: suppressed ? text('suppression_reason') : null,
    });
  }
  return cells;
}

export function breakdowns(ctx: SiteContext, measure: Measure): SafeHtml {
  const { fiscalYear } = ctx.input;
  const cells = breakdownCells(ctx.input.sourceTables, measure, fiscalYear);
  if (cells.length === 0) return html``;
  const dimensions = [...new Set(cells.map((c) => c.dimension))];
  const d = measure.decimals;
  return html`<h2>内訳（${formatFiscalYear(fiscalYear)}）</h2>
    <p class="note">${SUPPRESSED} = 回答者が少ないため値を公表しないグループ（0 ではない）。横線は95%信頼区間。</p>
    <div class="breakdowns">
      ${dimensions.map((dim) => {
        const group = cells.filter((c) => c.dimension === dim);
        const name = group[0]!.dimensionJa;
        const bars: BreakdownBar[] = group.map((c) => ({ label: c.label, value: c.share, low: c.low, high: c.high }));
        return html`<section>
          <h3>${name}別</h3>
          <figure class="chart breakdown-chart">
            ${raw(renderBreakdown(bars, '%', `${measure.nameJa}の${name}別の割合（下の表と同じ内容）`, SUPPRESSED))}
          </figure>
          <table class="breakdown" data-dimension="${dim}">
            <caption>
              ${name}別の割合（表）
            </caption>
            <thead>
              <tr>
                <th scope="col">${name}</th>
                <th scope="col">n</th>
                <th scope="col">割合（%）</th>
                <th scope="col">95%信頼区間</th>
              </tr>
            </thead>
            <tbody>
              ${group.map((c) =>
                c.suppressed
                  ? html`<tr class="suppressed">
                      <th scope="row">${c.label}</th>
                      <td colspan="3" class="secret">${SUPPRESSED}（${SUPPRESSION_JA[c.reason ?? ''] ?? c.reason}）</td>
                    </tr>`
                  : html`<tr>
                      <th scope="row">${c.label}</th>
                      <td class="num">${c.n === null ? NO_VALUE : c.n.toLocaleString('en-US')}</td>
                      <td class="num">${formatFigure(c.share, d)}</td>
                      <td class="num">${c.low === null || c.high === null ? NO_VALUE : `${formatFigure(c.low, d)}〜${formatFigure(c.high, d)}`}</td>
                    </tr>`,
              )}
            </tbody>
          </table>
        </section>`;
      })}
    </div>`;
}

/** The inputs behind each year's value (observations.csv): file, sha256, sheet, rows, rule — `lei explain` as a page. */
