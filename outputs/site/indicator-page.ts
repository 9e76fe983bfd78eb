// One page per indicator (measure printed in the logic model): its time series over every fiscal year with the
// baseline, the targets (original and revised) and the survey interval, the breakdowns by industry and size
// (suppressed cells as 秘匿, their figures nowhere in the page), and its lineage — what `lei explain` prints.
import type { Measure, Target } from '../../config/catalog-schema.ts';
import type { IndicatorValueRow } from '../../lib/datasets/indicator-tables.ts';
import { formatFiscalYear } from '../../lib/fiscal-year.ts';
import { actionPlanIndicatorWord } from '../../lib/with-plan-words.ts';
import { visionTableName } from '../../transforms/vision-tables.ts';
import { decimalsOf, formatFigure, NO_VALUE } from './format-figure.ts';
import { renderTimeSeries, SERIES, type SeriesPoint } from './render-chart.ts';
import { ASSESSMENT_JA, DIRECTION_JA, indicatorPagePath, STATUS_JA, tierLabel, visionPagePath, WITHHELD, type SiteContext } from './site-context.ts';
import { href, html, raw, sitePage, type SafeHtml } from './site-page.ts';
import { breakdowns } from './indicator-breakdowns.ts';

export function indicatorPage(ctx: SiteContext, measureId: string): { path: string; content: string } {
  const path = indicatorPagePath(measureId);
  const measure = ctx.catalog.measures.get(measureId)!;
  const rows = ctx.valuesByMeasure.get(measureId) ?? [];
  const slotIds = [...new Set(rows.map((r) => r.slot_id))];
  const first = rows.find((r) => r.slot_id === slotIds[0]);
  const series = rows.filter((r) => r.slot_id === slotIds[0]).sort((a, b) => a.fiscal_year - b.fiscal_year);
  const title = first?.name_ja ?? measure.nameJa;
  const unit = first?.unit ?? measure.unit;
  const body = html`<article class="indicator">
    <h1>${title}</h1>
    ${printedIn(ctx, path, measureId)}
    <dl class="facts">
      <dt>単位</dt>
      <dd>${unit}</dd>
      <dt>方向</dt>
      <dd>${DIRECTION_JA[measure.direction] ?? measure.direction}</dd>
      ${
        measure.methodJa
          ? html`<dt>データの収集方法</dt>
              <dd>${measure.methodJa}</dd>`
          : ''
      }
    </dl>
    ${timeSeries(ctx, measure, series, unit)} ${breakdowns(ctx, measure)} ${lineage(ctx, measureId, series)} ${actionPlanLines(ctx, path, measureId)}
  </article>`;
  return {
    path,
    content: sitePage({ path, title, siteTitle: ctx.siteTitle, nav: ctx.nav, section: 'indicators', runLine: ctx.runLine, body }),
  };
}

function printedIn(ctx: SiteContext, from: string, measureId: string): SafeHtml {
  const places = ctx.tables.flatMap((t) => t.slots.filter((s) => s.measure === measureId).map((s) => ({ t, s })));
  return html`<p>
    掲載:
    ${places.map(
      ({ t, s }, i) =>
        html`${i > 0 ? '、' : ''}<a href="${href(from, visionPagePath(t.visions))}">${visionTableName(ctx.catalog, t.visions)}</a>
          ${tierLabel(ctx.catalog, s.tier)} ${s.position}`,
    )}
  </p>`;
}

interface TargetPoint {
  year: number;
  original: number | null;
  revised: number | null;
}

interface Targets {
  points: TargetPoint[];
  /** Where the targets are declared, for the note under the table. */
  sourceJa: string;
  revisionsJa: string;
}

/** The indicator's own targets (slots.yaml), else those of the action-plan line supplying it (reprints share them). */
function targets(ctx: SiteContext, measureId: string): Targets {
  const slot = ctx.catalog.slots.find((s) => s.measure === measureId && s.targets && Object.keys(s.targets).length > 0);
  if (slot?.targets) return { points: fromConfig(slot.targets), sourceJa: `指標枠 ${slot.id} の目標`, revisionsJa: revisions(slot.targets) };
  const line = ctx.catalog.lines.find((l) => l.measure === measureId && !l.reprintOf && Object.keys(l.targets).length > 0);
  if (!line) return { points: [], sourceJa: '', revisionsJa: '' };
  // Plan years come from action_plan_progress (the rows the CSV holds); milestones beyond the period from the plan.
  const progress = new Map((ctx.progressByLine.get(line.id) ?? []).map((p) => [p.fiscal_year, p]));
  const points = fromConfig(line.targets).map((t) => {
    const row = progress.get(t.year);
    return row ? { year: t.year, original: row.target_year_original, revised: row.target_year } : t;
  });
  return { points, sourceJa: `${ctx.catalog.plan.terms.actionPlan}の行 ${line.id}（${line.indicatorJa}）の目標`, revisionsJa: revisions(line.targets) };
}

function fromConfig(targets: Record<string, Target>): TargetPoint[] {
  return Object.entries(targets)
    .map(([key, t]) => {
      const year = Number(key);
      if (t === null || typeof t === 'number') return { year, original: t, revised: t };
      return { year, original: t.value, revised: t.revisions.at(-1)!.value };
    })
    .filter((t) => t.original !== null || t.revised !== null)
    .sort((a, b) => a.year - b.year);
}

function revisions(targets: Record<string, Target>): string {
  return Object.entries(targets)
    .flatMap(([year, t]) =>
      t !== null && typeof t === 'object'
        ? t.revisions.map(
            (r) =>
              `${formatFiscalYear(Number(year))}の目標を${formatFiscalYear(r.revisedInFiscalYear)}に ${t.value ?? NO_VALUE} から ${r.value} に改定（${r.reasonJa}）。`,
          )
        : [],
    )
    .join('');
}

function timeSeries(ctx: SiteContext, measure: Measure, series: readonly IndicatorValueRow[], unit: string): SafeHtml {
  const decimals = measure.decimals;
  const goalSet = targets(ctx, measure.id);
  const goals = goalSet.points;
  const known = [...series.map((r) => r.fiscal_year), ...goals.map((t) => t.year)];
  const years = known.length === 0 ? [] : range(Math.min(...known), Math.max(...known));
  const byYear = new Map(series.map((r) => [r.fiscal_year, r]));
  const values: SeriesPoint[] = series.filter((r) => r.value !== null).map((r) => ({ year: r.fiscal_year, value: r.value! }));
  const band = series.filter((r) => r.ci_low !== null && r.ci_high !== null).map((r) => ({ year: r.fiscal_year, low: r.ci_low!, high: r.ci_high! }));
  const baseline = series.find((r) => r.baseline_value !== null)?.baseline_value ?? null;
  const baselineYear = series.find((r) => r.baseline_fiscal_year !== null)?.baseline_fiscal_year ?? null;
  const original = goals.filter((t) => t.original !== null).map((t) => ({ year: t.year, value: t.original! }));
  const revisedDiffers = goals.some((t) => t.revised !== t.original);
  const revised = revisedDiffers ? goals.filter((t) => t.revised !== null).map((t) => ({ year: t.year, value: t.revised! })) : [];
  const svg =
    values.length === 0 && goals.length === 0
      ? ''
      : renderTimeSeries({
          years,
          yearLabel: (y) => formatFiscalYear(y),
          unit,
          values,
          band,
          baseline,
          targetsOriginal: original,
          targetsRevised: revised,
          ariaLabel: `${measure.nameJa}の年度ごとの推移（下の表と同じ内容）`,
        });
  const legend: [keyof typeof SERIES, string, boolean][] = [
    ['value', '実績', values.length > 0],
    ['band', '95%信頼区間（調査）', band.length > 0],
    ['baseline', `基準値${baselineYear === null ? '' : `（${formatFiscalYear(baselineYear)}）`}`, baseline !== null],
    ['targetOriginal', revisedDiffers ? '目標（当初）' : '目標', original.length > 0],
    ['targetRevised', '目標（改定後）', revised.length > 0],
  ];
  const cell = (v: number | null | undefined, d = decimals) => html`<td class="num">${formatFigure(v, d)}</td>`;
  return html`<h2>年度ごとの推移</h2>
    ${
      svg === ''
        ? html`<p>この実行には値も目標もありません。</p>`
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
        グラフの値（表）
      </caption>
      <thead>
        <tr>
          <th scope="col">年度</th>
          <th scope="col">実績（${unit}）</th>
          <th scope="col">95%信頼区間</th>
          <th scope="col">n</th>
          <th scope="col">指数</th>
          <th scope="col">状態</th>
          <th scope="col">${revisedDiffers ? '目標（当初）' : '目標'}</th>
          ${revisedDiffers ? html`<th scope="col">目標（改定後）</th>` : ''}
        </tr>
      </thead>
      <tbody>
        ${years.map((y) => {
          const r = byYear.get(y);
          const goal = goals.find((t) => t.year === y);
          const status = r?.value_status;
          return html`<tr data-year="${y}"><th scope="row">${formatFiscalYear(y)}</th>${cell(r?.value)}<td class="num">${
            r && r.ci_low !== null && r.ci_high !== null ? `${formatFigure(r.ci_low, decimals)}〜${formatFigure(r.ci_high, decimals)}` : NO_VALUE
          }</td><td class="num">${r?.n === null || r?.n === undefined ? NO_VALUE : r.n.toLocaleString('en-US')}</td><td class="num">${formatFigure(r?.index, 2)} ${r?.trend ?? ''}${
            r?.assessment ? `（${ASSESSMENT_JA[r.assessment] ?? r.assessment}）` : ''
          }</td><td${status && WITHHELD.has(status) ? raw(' class="withheld"') : ''}>${status ? (STATUS_JA[status] ?? status) : NO_VALUE}${r?.comment ? `: ${r.comment}` : ''}</td>${cell(goal?.original, Math.max(decimals, decimalsOf(goal?.original)))}${
            revisedDiffers ? cell(goal?.revised, Math.max(decimals, decimalsOf(goal?.revised))) : ''
          }</tr>`;
        })}
      </tbody>
    </table>
    ${baseline !== null ? html`<p>基準値: ${formatFigure(baseline, Math.max(decimals, decimalsOf(baseline)))} ${unit}（${baselineYear === null ? NO_VALUE : formatFiscalYear(baselineYear)}、丸める前の値）</p>` : ''}
    ${goals.length > 0 ? html`<p class="note">目標: ${goalSet.sourceJa}。${goalSet.revisionsJa}</p>` : ''}`;
}

/** A small legend key drawn like the series: the same colour, dash and symbol. */
export function swatch(key: keyof typeof SERIES): SafeHtml {
  const s = SERIES[key];
  if (key === 'band') return html`<svg width="28" height="12" aria-hidden="true"><rect width="28" height="12" fill="${s.colour}" /></svg>`;
  const symbol =
    s.symbol === 'circle'
      ? html`<circle cx="14" cy="6" r="4" fill="${s.colour}" />`
      : s.symbol === 'triangle'
        ? html`<path d="M14 1 L19 10 L9 10 Z" fill="${s.colour}" />`
        : s.symbol === 'square'
          ? html`<rect x="10" y="2" width="8" height="8" fill="${s.colour}" />`
          : '';
  return html`<svg width="28" height="12" aria-hidden="true">
    <line x1="0" y1="6" x2="28" y2="6" stroke="${s.colour}" stroke-width="2" stroke-dasharray="${s.dash}" />
    ${symbol}
  </svg>`;
}

function lineage(ctx: SiteContext, measureId: string, series: readonly IndicatorValueRow[]): SafeHtml {
  const observations = [...(ctx.observationsByMeasure.get(measureId) ?? [])].sort((a, b) => a.fiscal_year - b.fiscal_year || a.seq - b.seq);
  const slot = series[0]?.slot_id ?? measureId;
  return html`<h2>来歴（値の出所）</h2>
    <p>
      実行ID <code>${ctx.input.runId}</code> が公開した値です。端末では
      <code>lei explain ${slot} --year ${formatFiscalYear(ctx.input.fiscalYear, 'short')}</code> で同じ内容を表示できます。
    </p>
    ${
      observations.length === 0
        ? html`<p>この実行の入力にはこの指標の値がありません（設定の宣言値か欠測）。</p>`
        : html`<table class="lineage">
            <caption>
              入力値と出所
            </caption>
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">採否</th>
                <th scope="col">値</th>
                <th scope="col">ファイル</th>
                <th scope="col">sha256</th>
                <th scope="col">シート</th>
                <th scope="col">行</th>
                <th scope="col">規則</th>
                <th scope="col">n</th>
              </tr>
            </thead>
            <tbody>
              ${observations.map(
                (o) =>
                  html`<tr>
                    <th scope="row">${formatFiscalYear(o.fiscal_year)}</th>
                    <td>${o.status === 'used' ? '採用' : '不採用（食い違い）'}</td>
                    <td class="num">${String(o.value)}</td>
                    <td>${o.file}${o.other_files ? html`<br /><span class="note">ほか: ${o.other_files}</span>` : ''}</td>
                    <td><code title="${o.sha256}">${o.sha256.slice(0, 16)}…</code></td>
                    <td>${o.sheet ?? NO_VALUE}</td>
                    <td>${o.rows ?? NO_VALUE}</td>
                    <td>${o.rule}${o.comment ? html`<br />コメント: ${o.comment}` : ''}</td>
                    <td class="num">${o.n === null ? NO_VALUE : o.n.toLocaleString('en-US')}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
}

/** The action-plan lines this measure supplies, with their 達成率 as `lei explain` lists them. */
function actionPlanLines(ctx: SiteContext, from: string, measureId: string): SafeHtml {
  const rows = (ctx.progressByMeasure.get(measureId) ?? []).filter((p) => p.fiscal_year === ctx.input.fiscalYear);
  if (rows.length === 0) return html``;
  return html`<table class="lines">
    <caption>
      ${ctx.catalog.plan.terms.actionPlan}での実績と達成率（${formatFiscalYear(ctx.input.fiscalYear)}）
    </caption>
    <thead>
      <tr>
        <th scope="col">行</th>
        <th scope="col">${actionPlanIndicatorWord(ctx.catalog.plan)}</th>
        <th scope="col">実績</th>
        <th scope="col">合計</th>
        <th scope="col">達成率</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr>
            <th scope="row"><a href="${href(from, `action-plan.html#${r.line_id}`)}">${r.line_id}</a>${r.reprint_of ? '【再掲】' : ''}</th>
            <td>${r.indicator_ja}</td>
            <td class="num">${formatFigure(r.actual, decimalsOf(r.actual))}</td>
            <td class="num">${formatFigure(r.target_total, decimalsOf(r.target_total))}</td>
            <td class="num">${r.achievement_rate === null ? NO_VALUE : `${formatFigure(r.achievement_rate, 1)}%`}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
