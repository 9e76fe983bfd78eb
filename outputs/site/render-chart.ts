// Charts drawn at build time as inline SVG with Observable Plot on a server-side DOM (linkedom): no script runs in
// the page. Chosen over Vega-Lite (vega View.toSVG) and ECharts' SSR renderer for speed and size; measured in
// docs/dashboard.md. Series differ by dash and symbol as well as colour, so they survive greyscale and print.
import { parseHTML, Plot } from './chart-runtime.ts';

// One document serves every chart of a build: Plot only creates detached elements in it.
let shared: Document | undefined;
function chartDocument(): Document {
  shared ??= parseHTML('<!DOCTYPE html><html><body></body></html>').document;
  return shared;
}

/** Okabe–Ito colours: distinct for the common colour-vision deficiencies and in greyscale lightness. */
export const SERIES = {
  value: { colour: '#0072B2', dash: '', symbol: 'circle' },
  baseline: { colour: '#555555', dash: '2 3', symbol: '' },
  targetOriginal: { colour: '#D55E00', dash: '6 3', symbol: 'triangle' },
  targetRevised: { colour: '#009E73', dash: '10 3 2 3', symbol: 'square' },
  band: { colour: '#b9d3ea', dash: '', symbol: '' },
} as const;

export interface SeriesPoint {
  year: number;
  value: number;
}

export interface TimeSeriesChart {
  years: readonly number[];
  yearLabel: (year: number) => string;
  unit: string;
  values: readonly SeriesPoint[];
  band: readonly { year: number; low: number; high: number }[];
  baseline: number | null;
  targetsOriginal: readonly SeriesPoint[];
  targetsRevised: readonly SeriesPoint[];
  ariaLabel: string;
  /** Room for the y-axis labels, in px (64 unless given: wider for values with many digits). */
  marginLeft?: number;
}

export function renderTimeSeries(c: TimeSeriesChart): string {
  const marks: Plot.Markish[] = [Plot.gridY({ stroke: '#999', strokeOpacity: 0.35 })];
  if (c.band.length > 0) marks.push(Plot.areaY(c.band, { x: 'year', y1: 'low', y2: 'high', fill: SERIES.band.colour, fillOpacity: 0.8, curve: 'linear' }));
  if (c.baseline !== null) marks.push(Plot.ruleY([c.baseline], { stroke: SERIES.baseline.colour, strokeDasharray: SERIES.baseline.dash, strokeWidth: 1.5 }));
  const series = (points: readonly SeriesPoint[], s: (typeof SERIES)['targetOriginal' | 'targetRevised' | 'value'], width: number) => {
    if (points.length === 0) return;
    marks.push(Plot.line(points, { x: 'year', y: 'value', stroke: s.colour, strokeDasharray: s.dash, strokeWidth: width }));
    marks.push(Plot.dot(points, { x: 'year', y: 'value', stroke: s.colour, fill: s.colour, symbol: s.symbol, r: 4.5 }));
  };
  series(c.targetsOriginal, SERIES.targetOriginal, 1.5);
  series(c.targetsRevised, SERIES.targetRevised, 1.5);
  series(c.values, SERIES.value, 2.5);
  const all = [
    ...c.values.map((p) => p.value),
    ...c.band.flatMap((b) => [b.low, b.high]),
    ...c.targetsOriginal.map((p) => p.value),
    ...c.targetsRevised.map((p) => p.value),
  ];
  if (c.baseline !== null) all.push(c.baseline);
  const svg = Plot.plot({
    document: chartDocument(),
    width: 720,
    height: 300,
    marginLeft: c.marginLeft ?? 64,
    marginBottom: 40,
    ariaLabel: c.ariaLabel,
    style: { fontSize: '12px', fontFamily: 'inherit', background: 'transparent' },
    x: { type: 'point', domain: [...c.years], tickFormat: (y: number) => c.yearLabel(y), label: null, padding: 0.3 },
    y: { label: c.unit, domain: yDomain(all), nice: true },
    marks,
  });
  return outerSvg(svg);
}

export interface BreakdownBar {
  label: string;
  /** null when suppressed: no bar and no number, only the word. */
  value: number | null;
  low: number | null;
  high: number | null;
}

export function renderBreakdown(bars: readonly BreakdownBar[], unit: string, ariaLabel: string, suppressedLabel: string): string {
  const shown = bars.filter((b) => b.value !== null);
  const hidden = bars.filter((b) => b.value === null);
  const svg = Plot.plot({
    document: chartDocument(),
    width: 720,
    height: 36 + bars.length * 28,
    marginLeft: 200,
    marginRight: 40,
    ariaLabel,
    style: { fontSize: '12px', fontFamily: 'inherit', background: 'transparent' },
    x: { label: unit, domain: [0, Math.max(1, ...shown.map((b) => b.high ?? b.value ?? 0))], nice: true, grid: true },
    y: { domain: bars.map((b) => b.label), label: null },
    marks: [
      Plot.barX(shown, { x: 'value', y: 'label', fill: SERIES.value.colour, fillOpacity: 0.85 }),
      Plot.ruleY(
        shown.filter((b) => b.low !== null && b.high !== null),
        { x1: 'low', x2: 'high', y: 'label', stroke: '#1a1a1a', strokeWidth: 1.5 },
      ),
      Plot.text(hidden, { x: 0, y: 'label', text: () => suppressedLabel, textAnchor: 'start', dx: 4, fill: '#1a1a1a', fontWeight: 700 }),
    ],
  });
  return outerSvg(svg);
}

/** Room above and below the data, the axis from 0 for counts that start near it. */
function yDomain(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.15;
  return [lo >= 0 && lo - pad < 0 ? 0 : lo - pad, hi + pad];
}

/** One accessible image: the label sits on the <svg>; Plot's labels on its inner groups are not allowed there (axe). */
function outerSvg(node: Element | SVGSVGElement | HTMLElement): string {
  // A walk by siblings, not querySelectorAll (linkedom compiles the selector on every call) nor .children (a new list each).
  const walk = (parent: Element) => {
    for (let e = parent.firstElementChild; e; e = e.nextElementSibling) {
      e.removeAttribute('aria-label');
      e.removeAttribute('aria-description');
      walk(e);
    }
  };
  walk(node);
  node.setAttribute('role', 'img');
  node.setAttribute('focusable', 'false');
  return node.outerHTML;
}
