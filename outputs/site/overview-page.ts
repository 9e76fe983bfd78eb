// The front page: the composite index with its coverage and sensitivity, the progress table's grade counts, the vision
// counts, the action plan's progress — each only when the plan has it.
import type { CatalogProgress } from '../../config/resolve-progress.ts';
import { formatFiscalYear } from '../../lib/fiscal-year.ts';
import { actionPlanIndicatorWord } from '../../lib/with-plan-words.ts';
import { progressGradeCounts } from '../../transforms/progress-grade-counts.ts';
import { formatFigure, NO_VALUE } from './format-figure.ts';
import { PROGRESS_PAGE, type SiteContext, type SiteSummary } from './site-context.ts';
import { html, sitePage, type SafeHtml } from './site-page.ts';
import { visionCountsTable } from './vision-counts-table.ts';

const PATH = 'index.html';

export function overviewPage(ctx: SiteContext, summary: SiteSummary): { path: string; content: string } {
  const { catalog } = ctx;
  // A section the plan does not have (no composite, no progress table, no logic model, no action plan) is left out.
  const visions = ctx.tables.length > 0;
  const lines = catalog.lines.length > 0;
  // One part a line, as the page was before the parts became optional: a plan's page keeps its bytes.
  // prettier-ignore
  const body = html`<h1>概要　${formatFiscalYear(ctx.input.fiscalYear)}</h1>
    ${composite(ctx, summary)}${catalog.progress ? progressGrades(ctx, catalog.progress) : ''}
    ${visions ? html`<h2 id="visions">${catalog.plan.terms.indicators}</h2>` : ''}
    ${visions ? visionCountsTable(ctx, PATH) : ''}
    ${lines ? html`<h2 id="action-plan">${catalog.plan.terms.actionPlan}の進捗</h2>` : ''}
    ${lines ? actionPlan(ctx) : ''}`;
  return {
    path: PATH,
    content: sitePage({ path: PATH, title: '概要', siteTitle: ctx.siteTitle, nav: ctx.nav, section: 'overview', runLine: ctx.runLine, body }),
  };
}

const COMPOSITE_STATUS: Record<string, string> = {
  published: '公表',
  'below-coverage': '入力の被覆率が基準未満のため公表しない',
  'no-inputs': '入力なし',
};

function composite(ctx: SiteContext, summary: SiteSummary): SafeHtml {
  const { fiscalYear } = ctx.input;
  const config = ctx.catalog.composite;
  if (!config) return html``;
  const rows = summary.compositeIndex.filter((c) => c.fiscal_year === fiscalYear);
  const primary = rows.find((c) => c.is_primary);
  const referenceYear = config.referenceFiscalYear ?? ctx.catalog.plan.baselineFiscalYear;
  const heading = html`<h2 id="composite">${config.nameJa}（${config.unitJa}、${formatFiscalYear(referenceYear)} = 100）</h2>`;
  if (!primary)
    return html`${heading}
      <p>${formatFiscalYear(fiscalYear)}の値はありません。</p>`;
  const pct = (v: number) => `${formatFigure(v, 1)}%`;
  return html`${heading}
    <div class="stats">
      <p class="stat">
        <span class="big composite-value">${primary.value === null ? NO_VALUE : formatFigure(primary.value, 2)}</span
        >${formatFiscalYear(fiscalYear)}（${COMPOSITE_STATUS[primary.status] ?? primary.status}）${
          primary.value === null && primary.provisional_value !== null
            ? html`<br />参考値 ${formatFigure(primary.provisional_value, 2)}（そろった入力だけで計算。公表値ではない）`
            : ''
        }
      </p>
      <p class="stat">
        <span class="big">${pct(primary.coverage_rate)}</span>入力の被覆率: ${primary.inputs_total} 指標のうち ${primary.inputs_present}
        指標に値あり（公表に必要 ${pct(primary.min_coverage_rate)}）
      </p>
      ${primary.leave_one_out_low !== null && primary.leave_one_out_high !== null ? html`<p class="stat"><span class="big">${formatFigure(primary.leave_one_out_low, 2)}〜${formatFigure(primary.leave_one_out_high, 2)}</span>1指標を除いたときの幅</p>` : ''}
      ${config.targets.map((t) => html`<p class="stat"><span class="big">${formatFigure(t.value, 2)}</span>${t.labelJa ?? `目標値（${formatFiscalYear(t.fiscalYear)}）`}</p>`)}
    </div>
    <p class="note">算出方法: ${primary.method_label_ja}</p>
    <table>
      <caption>
        感応度分析（算出方法を変えたときの値）
      </caption>
      <thead>
        <tr>
          <th scope="col">算出方法</th>
          <th scope="col">値</th>
          <th scope="col">状態</th>
          <th scope="col">被覆率</th>
          <th scope="col">参考値</th>
          <th scope="col">1指標を除いた幅</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (c) =>
            html`<tr>
              <th scope="row">${c.method_label_ja}${c.is_primary ? '（公表値）' : ''}</th>
              <td class="num">${formatFigure(c.value, 2)}</td>
              <td>${COMPOSITE_STATUS[c.status] ?? c.status}</td>
              <td class="num">${pct(c.coverage_rate)}</td>
              <td class="num">${c.value === null ? formatFigure(c.provisional_value, 2) : NO_VALUE}</td>
              <td class="num">
                ${
                  c.leave_one_out_low === null || c.leave_one_out_high === null
                    ? NO_VALUE
                    : `${formatFigure(c.leave_one_out_low, 2)}〜${formatFigure(c.leave_one_out_high, 2)}`
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function actionPlan(ctx: SiteContext): SafeHtml {
  const { fiscalYear } = ctx.input;
  const rows = ctx.input.actionPlanProgress.filter((r) => r.fiscal_year === fiscalYear);
  const rates = rows.map((r) => r.achievement_rate).filter((r): r is number => r !== null);
  const count = (f: (r: number) => boolean) => rates.filter(f).length;
  const short = formatFiscalYear(fiscalYear, 'short');
  const word = actionPlanIndicatorWord(ctx.catalog.plan);
  const reprints = rows.filter((r) => r.reprint_of !== null).length;
  return html`<div class="stats">
      <p class="stat"><span class="big">${rows.length}</span>${word}の行（うち【再掲】${reprints} 行）</p>
      <p class="stat"><span class="big">${rows.filter((r) => r.actual !== null).length}</span>${short}年度実績あり</p>
      <p class="stat"><span class="big">${rates.length}</span>達成率あり</p>
      <p class="stat"><span class="big">${count((r) => r >= 100)}</span>達成率100%以上</p>
      <p class="stat"><span class="big">${count((r) => r >= 50 && r < 100)}</span>達成率50%以上100%未満</p>
      <p class="stat"><span class="big">${count((r) => r < 50)}</span>達成率50%未満</p>
    </div>
    <p><a href="action-plan.html">${ctx.catalog.plan.terms.actionPlan}の各行（実績・目標・達成率）</a></p>`;
}

/** The progress table's indicators per grade, with the rule of each grade (as the committee workbook's summary counts them). */
function progressGrades(ctx: SiteContext, progress: CatalogProgress): SafeHtml {
  const { terms } = ctx.catalog.plan;
  const { labelJa } = progress.grading;
  const counts = progressGradeCounts(ctx.catalog, ctx.input.indicatorProgress);
  return html`<h2 id="progress">${terms.progressTable}（${labelJa}の集計）</h2>
    <table class="grade-counts">
      <caption>
        ${labelJa}ごとの指標数（各指標の最新の実績年度の${labelJa}）
      </caption>
      <thead>
        <tr>
          <th scope="col">${labelJa}</th>
          <th scope="col">規則</th>
          <th scope="col">指標数</th>
        </tr>
      </thead>
      <tbody>
        ${counts.map(
          (g) =>
            html`<tr data-grade="${g.grade}">
              <th scope="row"><span class="mark">${g.grade}</span></th>
              <td>${g.ruleJa}</td>
              <td class="num">${g.count}</td>
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">計</th>
          <td></td>
          <td class="num">${counts.reduce((n, g) => n + g.count, 0)}</td>
        </tr>
      </tfoot>
    </table>
    <p><a href="${PROGRESS_PAGE}">${terms.progressTable}の各指標（年度ごとの値・目標・達成率・${labelJa}）</a></p> `;
}
