// せたがやPay: monthly reports → fiscal-year values per measure (flow: sum April–March; stock: end of March;
// rate: March or the 12-month mean, as configured), after the continuity checks: a missing month, a month
// reported twice, a cumulative figure that goes down, a report outside its stated fiscal year. A fiscal year
// with a missing month is marked incomplete, never summed over the gap.
import { Decimal } from 'decimal.js';
import type { Catalog } from '../config/load-catalog.ts';
import { convertUnit } from '../lib/convert-unit.ts';
import { fiscalYearOf, formatFiscalYear } from '../lib/fiscal-year.ts';
import { issueOf } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import type { Gap, Observation, Provenance } from '../lib/observation.ts';
import { yearMonthJa, yearMonthKey, type YearMonth } from '../lib/parse-year-month.ts';
import { payMetrics, type PayMetric } from '../lib/pay-metrics.ts';
import type { SetagayaPayConfig } from '../sources/setagaya-pay-report-config.ts';
import type { PayFigure, PayMonthlyReport } from '../sources/setagaya-pay-report.ts';
import { aggregateMonthly, type MonthlyPoint } from './aggregate-fiscal-year.ts';

const Exact = Decimal.clone({ precision: 60 });
const CUMULATIVE: readonly PayMetric[] = ['cumulativePayers', 'cumulativeAmount'];

export function payFiscalYearValues(
  reports: readonly PayMonthlyReport[],
  catalog: Catalog,
  config: SetagayaPayConfig,
): { observations: Observation[]; gaps: Gap[]; issues: Issue[] } {
  const issues: Issue[] = [];

  // A report whose month lies outside the fiscal year it states is not used: one of the two is wrong.
  const usable = reports.filter((r) => {
    const fy = fiscalYearOf(r.month.year, r.month.month);
    if (r.statedFiscalYear === undefined || r.statedFiscalYear === fy) return true;
    issues.push(
      issueOf(
        'pay-month-outside-fiscal-year',
        { month: yearMonthJa(r.month), statedFiscalYear: formatFiscalYear(r.statedFiscalYear) },
        { file: r.file, sheet: r.sheet },
        yearMonthJa(r.month),
      ),
    );
    return false;
  });

  // One report per month: identical copies count once; differing copies make the month unusable.
  const byMonth = new Map<string, PayMonthlyReport[]>();
  for (const r of [...usable].sort((a, b) => (a.file < b.file ? -1 : 1)))
    byMonth.set(yearMonthKey(r.month), [...(byMonth.get(yearMonthKey(r.month)) ?? []), r]);
  const monthly = new Map<string, PayMonthlyReport>();
  const conflicting = new Set<string>();
  for (const [key, list] of [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const first = list[0]!;
    if (list.length > 1) {
      const same = list.every((r) => sameFigures(r, first));
      const params = { month: yearMonthJa(first.month), count: list.length, files: list.map((r) => r.file).join('、') };
      const where = { file: list[1]!.file, sheet: list[1]!.sheet };
      const raw = list.map((r) => r.file).join(' / ');
      issues.push(same ? issueOf('pay-duplicate-month', params, where, raw) : issueOf('pay-conflicting-month', params, where, raw));
      if (!same) {
        conflicting.add(key);
        continue;
      }
    }
    monthly.set(key, first);
  }
  const months = [...monthly.values()].sort((a, b) => compareMonth(a.month, b.month));

  // Cumulative figures never go down; where one does, the fiscal years of both months are not published.
  const invalid = new Map<PayMetric, Map<number, string>>();
  for (const metric of CUMULATIVE) {
    let previous: PayMonthlyReport | undefined;
    for (const r of months) {
      const figure = r.figures[metric];
      if (!figure) continue;
      const before = previous?.figures[metric];
      if (previous && before && inBase(figure) < inBase(before)) {
        const reason = `${payMetrics[metric].labelJa}が ${yearMonthJa(previous.month)}（${before.value}${before.unit}）から ${yearMonthJa(r.month)}（${figure.value}${figure.unit}）に減っています`;
        issues.push(
          issueOf(
            'pay-cumulative-decreased',
            { decrease: reason },
            {
              file: r.file,
              sheet: r.sheet,
              row: figure.row,
              column: figure.column,
            },
            figure.value,
          ),
        );
        const years = invalid.get(metric) ?? new Map<number, string>();
        for (const m of [previous.month, r.month]) years.set(fiscalYearOf(m.year, m.month), reason);
        invalid.set(metric, years);
      }
      previous = r;
    }
  }
  // The cumulative amount should grow by the month's amount; a difference beyond rounding is worth a look.
  for (let i = 1; i < months.length; i += 1) {
    const [a, b] = [months[i - 1]!, months[i]!];
    if (!consecutive(a.month, b.month)) continue;
    const [ca, cb, amount] = [a.figures.cumulativeAmount, b.figures.cumulativeAmount, b.figures.paymentAmount];
    if (!ca || !cb || !amount) continue;
    const tolerance = Math.max(unitSize(ca), unitSize(cb), unitSize(amount));
    if (Math.abs(inBase(cb) - inBase(ca) - inBase(amount)) > tolerance) {
      issues.push(
        issueOf(
          'pay-cumulative-mismatch',
          { month: yearMonthJa(b.month), increase: new Exact(inBase(cb)).minus(inBase(ca)).toString(), amount: inBase(amount) },
          { file: b.file, sheet: b.sheet, row: cb.row, column: cb.column },
        ),
      );
    }
  }

  // Missing months: holes before the latest report are errors; months after it are simply not reported yet.
  const latest = months.at(-1)?.month;
  // Every fiscal year from the first report to the last, so a year with no report at all is reported too.
  const seenYears = [...months.map((r) => fiscalYearOf(r.month.year, r.month.month)), ...[...conflicting].map((k) => fiscalYearOfKey(k))];
  const fiscalYears =
    seenYears.length === 0 ? [] : Array.from({ length: Math.max(...seenYears) - Math.min(...seenYears) + 1 }, (_, i) => Math.min(...seenYears) + i);
  for (const fy of fiscalYears) {
    const missing = fiscalMonths(fy).filter((m) => !monthly.has(yearMonthKey(m)));
    const holes = missing.filter((m) => latest && compareMonth(m, latest) < 0);
    const pending = missing.filter((m) => !latest || compareMonth(m, latest) > 0);
    if (holes.length > 0) {
      issues.push(
        issueOf(
          'pay-missing-month',
          {
            fiscalYear: formatFiscalYear(fy),
            months: holes.map((m) => `${yearMonthJa(m)}${conflicting.has(yearMonthKey(m)) ? '（報告が食い違い）' : ''}`).join('、'),
          },
          {},
          holes.map(yearMonthKey).join(', '),
        ),
      );
    }
    if (pending.length > 0) {
      issues.push(issueOf('pay-fiscal-year-in-progress', { fiscalYear: formatFiscalYear(fy), latest: yearMonthJa(latest!), pending: pending.length }, {}));
    }
  }

  const observations: Observation[] = [];
  const gaps: Gap[] = [];
  for (const measure of catalog.measures.values()) {
    if (measure.source.kind !== 'setagayaPay') continue;
    const metric = measure.source.metric as PayMetric;
    if (!(metric in payMetrics)) continue; // a config error, reported before any input is read
    const storeClass = measure.source.storeClass;
    const points: (MonthlyPoint & { report: PayMonthlyReport; figure?: PayFigure })[] = months.map((report) => {
      const figure = storeClass === undefined ? report.figures[metric] : report.storeClasses.get(storeClass.normalize('NFKC').trim())?.[metric];
      const value = figure ? convertUnit(figure.value, figure.unit, measure.unit) : null;
      return { year: report.month.year, month: report.month.month, value, report, ...(figure ? { figure } : {}) };
    });
    const nature = payMetrics[metric].nature;
    for (const fy of fiscalYears) {
      const inYear = points.filter((p) => fiscalYearOf(p.year, p.month) === fy);
      const march = inYear.find((p) => p.month === 3);
      const main = march ?? inYear.at(-1);
      const provenance: Provenance | undefined = main
        ? {
            file: main.report.file,
            sha256: main.report.sha256,
            sheet: main.report.sheet,
            ...(main.figure ? { rows: String(main.figure.row) } : {}),
            rule: ruleText(metric, nature, config, storeClass, main.figure?.unit, measure.unit),
            ...(inYear.length > 1
              ? {
                  otherInputs: inYear
                    .filter((p) => p !== main)
                    .map((p) => ({ file: p.report.file, sha256: p.report.sha256, ...(p.figure ? { rows: String(p.figure.row) } : {}) })),
                }
              : {}),
          }
        : undefined;
      const broken = invalid.get(metric)?.get(fy);
      if (broken) {
        gaps.push({
          measureId: measure.id,
          fiscalYear: fy,
          sourceKind: 'setagayaPay',
          status: 'invalid',
          reasonJa: broken,
          code: 'pay-cumulative-decreased',
          ...(provenance ? { provenance } : {}),
        });
        continue;
      }
      const aggregate =
        nature === 'rate' && config.rateAggregation === 'mean' ? meanOfYear(inYear, fy) : aggregateMonthly(inYear, nature === 'rate' ? 'rate' : nature, fy);
      if (!aggregate.complete || aggregate.value === null) {
        const lacking = nature === 'flow' || (nature === 'rate' && config.rateAggregation === 'mean') ? aggregate.missingMonths : [`${fy + 1}-03`];
        const reasonJa =
          lacking.length > 0
            ? `${formatFiscalYear(fy)}の月次報告に ${lacking.map((k) => yearMonthJa(parseKey(k))).join('、')} の${payMetrics[metric].labelJa}がないため、年度の値を作れません`
            : `${formatFiscalYear(fy)}の${payMetrics[metric].labelJa}を作れません`;
        gaps.push({
          measureId: measure.id,
          fiscalYear: fy,
          sourceKind: 'setagayaPay',
          status: 'incomplete',
          reasonJa,
          code: latest && lacking.every((k) => k > yearMonthKey(latest)) ? 'pay-fiscal-year-in-progress' : 'pay-missing-month',
          ...(provenance ? { provenance } : {}),
        });
        continue;
      }
      // A March-only figure is distorted only by a campaign running in that March.
      const campaigns = nature === 'stock' ? [] : campaignsIn(config, fy, nature === 'rate' && config.rateAggregation === 'march');
      observations.push({
        measureId: measure.id,
        fiscalYear: fy,
        value: aggregate.value,
        sourceKind: 'setagayaPay',
        provenance: provenance!,
        ...(campaigns.length > 0 ? { comment: `ポイント還元キャンペーンの月を含む: ${campaigns.join('、')}` } : {}),
      });
    }
  }
  return { observations, gaps, issues };
}

function ruleText(metric: PayMetric, nature: string, config: SetagayaPayConfig, storeClass: string | undefined, from: string | undefined, to: string): string {
  const what = `${payMetrics[metric].labelJa}${storeClass ? `（店舗区分 ${storeClass}）` : ''}`;
  const how =
    nature === 'flow'
      ? '4月〜3月の月次報告の合計'
      : nature === 'stock'
        ? '3月の月次報告の値（年度末）'
        : config.rateAggregation === 'mean'
          ? '4月〜3月の月次報告の平均'
          : '3月の月次報告の値';
  return `せたがやPay 月次報告: ${what}の${how}${from && from !== to ? `（${from}→${to}）` : ''}`;
}

function meanOfYear(points: readonly MonthlyPoint[], fy: number): { complete: boolean; value: number | null; missingMonths: string[] } {
  const sum = aggregateMonthly(points, 'flow', fy);
  return { complete: sum.complete, value: sum.value === null ? null : new Exact(String(sum.value)).dividedBy(12).toNumber(), missingMonths: sum.missingMonths };
}

function campaignsIn(config: SetagayaPayConfig, fy: number, marchOnly: boolean): string[] {
  const from = marchOnly ? `${fy + 1}-03` : `${fy}-04`;
  const to = `${fy + 1}-03`;
  return config.campaigns
    .filter((c) => c.from <= to && c.to >= from)
    .map((c) => `${c.nameJa}（${yearMonthJa(parseKey(c.from))}〜${yearMonthJa(parseKey(c.to))}）`);
}

function sameFigures(a: PayMonthlyReport, b: PayMonthlyReport): boolean {
  const keys = new Set([...Object.keys(a.figures), ...Object.keys(b.figures)]) as Set<PayMetric>;
  for (const k of keys) {
    const fa = a.figures[k];
    const fb = b.figures[k];
    if (!fa || !fb || inBase(fa) !== inBase(fb)) return false;
  }
  return true;
}

// Figures compared across layouts are brought to their smallest unit (円, 件) first.
function inBase(figure: PayFigure): number {
  for (const base of ['円', '件', '人', '店', '%']) {
    const v = convertUnit(figure.value, figure.unit, base);
    if (v !== null) return v;
  }
  return figure.value;
}

function unitSize(figure: PayFigure): number {
  return inBase({ ...figure, value: 1 });
}

function compareMonth(a: YearMonth, b: YearMonth): number {
  return a.year * 12 + a.month - (b.year * 12 + b.month);
}

function consecutive(a: YearMonth, b: YearMonth): boolean {
  return compareMonth(b, a) === 1;
}

function fiscalMonths(fy: number): YearMonth[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1;
    return { year: month >= 4 ? fy : fy + 1, month };
  });
}

function parseKey(key: string): YearMonth {
  const [y, m] = key.split('-');
  return { year: Number(y), month: Number(m) };
}

function fiscalYearOfKey(key: string): number {
  const { year, month } = parseKey(key);
  return fiscalYearOf(year, month);
}
