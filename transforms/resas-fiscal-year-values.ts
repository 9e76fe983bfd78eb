// RESAS 地域経済循環 values exist only for benchmark years, and each new vintage (版) revises the past ones.
// Every vintage read is kept; for each series and benchmark year the newest vintage is used, and its value is
// published as the fiscal year the config assigns to that benchmark year — with the benchmark year and the
// vintage beside it, because it is not that fiscal year's own figure.
import type { Catalog } from '../config/load-catalog.ts';
import { convertUnit } from '../lib/convert-unit.ts';
import { formatFiscalYear } from '../lib/fiscal-year.ts';
import { issueOf } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import type { Gap, Observation } from '../lib/observation.ts';
import type { ResasExportConfig } from '../sources/resas-export-config.ts';
import type { ResasBlocked, ResasExportRead, ResasSeriesValue } from '../sources/resas-export.ts';

interface Candidate {
  read: ResasExportRead;
  value: ResasSeriesValue;
}

export function resasFiscalYearValues(
  reads: readonly ResasExportRead[],
  catalog: Catalog,
  config: ResasExportConfig,
): { observations: Observation[]; gaps: Gap[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const bySeriesYear = new Map<string, Candidate[]>();
  for (const read of reads) {
    for (const value of read.values) {
      const key = `${value.series}\u0000${value.year}`;
      bySeriesYear.set(key, [...(bySeriesYear.get(key) ?? []), { read, value }]);
    }
  }

  // Series and benchmark years that some measure publishes: revisions of these are worth telling.
  const published = new Set<string>();
  for (const measure of catalog.measures.values()) {
    if (measure.source.kind !== 'resas') continue;
    for (const a of config.fiscalYears)
      if (!a.series || a.series.includes(measure.source.series)) published.add(`${measure.source.series}\u0000${a.benchmarkYear}`);
  }

  // The newest vintage per series and year; equal newest vintages must agree.
  const chosen = new Map<string, Candidate | 'conflict'>();
  for (const [key, candidates] of bySeriesYear) {
    const sorted = [...candidates].sort((a, b) => compareVintage(b.read.vintageOrder, a.read.vintageOrder) || (a.read.file < b.read.file ? -1 : 1));
    const newest = sorted[0]!;
    const sameVintage = sorted.filter((c) => compareVintage(c.read.vintageOrder, newest.read.vintageOrder) === 0);
    const label = config.series[newest.value.series]?.labelJa ?? newest.value.series;
    if (sameVintage.some((c) => !sameAmount(c.value, newest.value))) {
      issues.push(
        issueOf(
          'resas-conflicting-vintage',
          {
            series: label,
            year: newest.value.year,
            vintage: newest.read.vintage,
            values: sameVintage.map((c) => `${c.read.file}: ${c.value.value}${c.value.unit}`).join(' / '),
          },
          { file: newest.read.file },
        ),
      );
      chosen.set(key, 'conflict');
      continue;
    }
    chosen.set(key, newest);
    if (!published.has(key)) continue;
    const older = sorted.filter((c) => compareVintage(c.read.vintageOrder, newest.read.vintageOrder) < 0 && !sameAmount(c.value, newest.value));
    for (const o of older) {
      issues.push(
        issueOf(
          'resas-revised',
          {
            series: label,
            year: newest.value.year,
            oldVintage: o.read.vintage,
            oldFile: o.read.file,
            oldValue: `${o.value.value}${o.value.unit}`,
            newVintage: newest.read.vintage,
            newValue: `${newest.value.value}${newest.value.unit}`,
          },
          { file: newest.read.file },
        ),
      );
    }
  }

  const observations: Observation[] = [];
  const gaps: Gap[] = [];
  for (const measure of catalog.measures.values()) {
    if (measure.source.kind !== 'resas') continue;
    const seriesKey = measure.source.series;
    const series = config.series[seriesKey];
    if (!series) continue; // a config error, reported before any input is read
    for (const assignment of config.fiscalYears) {
      if (assignment.series && !assignment.series.includes(seriesKey)) continue;
      const { fiscalYear, benchmarkYear } = assignment;
      const found = chosen.get(`${seriesKey}\u0000${benchmarkYear}`);
      // A newer file that should hold the value but cannot (cut off, an item suppressed or missing): no older value stands in.
      const blocker = found === 'conflict' ? undefined : blockerOf(reads, seriesKey, series.export, benchmarkYear, found);
      if (blocker) {
        gaps.push({ measureId: measure.id, fiscalYear, sourceKind: 'resas', status: 'incomplete', reasonJa: blocker.reasonJa, code: blocker.code });
        continue;
      }
      if (found === undefined || found === 'conflict') {
        if (reads.length === 0) continue;
        gaps.push({
          measureId: measure.id,
          fiscalYear,
          sourceKind: 'resas',
          status: found === 'conflict' ? 'invalid' : 'incomplete',
          reasonJa:
            found === 'conflict'
              ? `RESAS の${series.labelJa}（${benchmarkYear}年）が同じ版のファイル間で食い違っています`
              : `RESAS の${series.labelJa}（${benchmarkYear}年）を含むファイルが受信箱にありません`,
        });
        continue;
      }
      const value = convertUnit(found.value.value, found.value.unit, measure.unit);
      if (value === null) continue; // unit families are checked with the config
      observations.push({
        measureId: measure.id,
        fiscalYear,
        value,
        sourceKind: 'resas',
        referencePeriod: `${benchmarkYear}年（基準年）`,
        sourceVintage: found.read.vintage,
        provenance: {
          file: found.read.file,
          sha256: found.read.sha256,
          rows: found.value.rows.join(','),
          rule: `RESAS ${series.labelJa}: ${benchmarkYear}年（基準年・暦年）の「${series.items.join('」「')}」の合計、${found.read.vintage}（${found.value.unit}→${measure.unit}）。${formatFiscalYear(fiscalYear)}の値として公表（その年度の値ではない）`,
        },
      });
    }
  }

  // A benchmark year the data have but no fiscal year takes: say so, so that a new vintage is not missed.
  for (const [key, found] of chosen) {
    if (found === 'conflict' || published.has(key)) continue;
    const [seriesKey] = key.split('\u0000');
    const bound = [...catalog.measures.values()].some((m) => m.source.kind === 'resas' && m.source.series === seriesKey);
    if (!bound) continue;
    const later = config.fiscalYears.every((a) => a.benchmarkYear < found.value.year);
    if (!later) continue;
    issues.push(
      issueOf(
        'resas-unassigned-benchmark-year',
        { series: config.series[seriesKey!]?.labelJa ?? String(seriesKey), year: found.value.year, vintage: found.read.vintage },
        { file: found.read.file },
      ),
    );
  }
  return { observations, gaps, issues };
}

/** The newest file whose values for the series and year are blocked, when it is newer than the value found. */
function blockerOf(
  reads: readonly ResasExportRead[],
  seriesKey: string,
  exportKey: string,
  year: number,
  found: Candidate | undefined,
): ResasBlocked | undefined {
  let newest: { read: ResasExportRead; blocked: ResasBlocked } | undefined;
  for (const read of reads) {
    if (found && compareVintage(read.vintageOrder, found.read.vintageOrder) <= 0) continue;
    for (const blocked of read.blocked) {
      const series = blocked.series === undefined ? read.exportKey === exportKey : blocked.series === seriesKey;
      if (!series || (blocked.year !== undefined && blocked.year !== year)) continue;
      if (!newest || compareVintage(read.vintageOrder, newest.read.vintageOrder) > 0) newest = { read, blocked };
    }
  }
  return newest?.blocked;
}

function compareVintage(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

function sameAmount(a: ResasSeriesValue, b: ResasSeriesValue): boolean {
  return convertUnit(a.value, a.unit, '円') === convertUnit(b.value, b.unit, '円');
}
