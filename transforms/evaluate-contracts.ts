// The data contracts (config/contract-rules.ts) over what the sources read: a value that breaks an `error` rule is
// withheld (a gap with the rule's code and reason), one that breaks a `warning` rule is published and reported.
// Never a different figure with no word said.
import type { Catalog } from '../config/load-catalog.ts';
import type { Measure } from '../config/catalog-schema.ts';
import { contractRules, type ContractRuleKind } from '../config/contract-rules.ts';
import type { ContractEntry } from '../config/contracts-schema.ts';
import { contractFor } from '../config/load-contracts.ts';
import type { AsOf } from '../lib/as-of.ts';
import type { ContractFacts } from '../lib/contract-facts.ts';
import { fiscalYearOf, formatFiscalYear } from '../lib/fiscal-year.ts';
import { contractIssue, type ContractFindingParams } from '../lib/issue-catalog.ts';
import type { Issue, IssueLocation } from '../lib/issues.ts';
import type { Gap, Observation } from '../lib/observation.ts';

/** The survey_waves rows the survey adapter reports (lib/datasets.ts SurveyWaveRow), as far as the contracts need them. */
export interface SurveyWaveFact {
  fiscal_year: number;
  instrument: string;
  instrument_name_ja: string;
  file: string;
  status: string;
  data_rows: number | null;
}

export interface ContractInput {
  catalog: Catalog;
  entries: readonly ContractEntry[];
  observations: readonly Observation[];
  facts: ContractFacts;
  surveyWaves: readonly SurveyWaveFact[];
  asOf: AsOf;
}

/** observations: those kept; withheld: those an `error` rule took out (still listed, as withheld, in observations.csv). */
export function evaluateContracts(input: ContractInput): { observations: Observation[]; withheld: Set<Observation>; gaps: Gap[]; issues: Issue[] } {
  const { catalog, entries, asOf } = input;
  const issues: Issue[] = [];
  const dropped = new Set<Observation>();
  const withheld = new Map<string, Gap>();
  const rule = (kind: ContractRuleKind, measure: Measure) => contractFor(entries, kind, measure);

  /** Reports a broken rule; on `error`, withholds the measure's value for those years (or just the observation). */
  const fire = <K extends ContractRuleKind>(
    kind: K,
    entry: ContractEntry,
    finding: ContractFindingParams<RuleCode<K>>,
    location: IssueLocation,
    raw: string | undefined,
    target: { observation: Observation } | { measureIds: string[]; fiscalYears: number[] },
  ) => {
    const spec = contractRules[kind];
    const error = entry.severity !== 'warning';
    const made = contractIssue<RuleCode<K>>(spec.code, finding, error ? 'error' : 'warning', location, raw);
    issues.push(made.issue);
    if (!error) return;
    const reasonJa = `${spec.titleJa}: ${made.findingJa}（${spec.code}）`;
    const gap = (measureId: string, fiscalYear: number): Gap => ({
      measureId,
      fiscalYear,
      sourceKind: catalog.measures.get(measureId)!.source.kind,
      status: spec.withheldAs,
      reasonJa,
      code: spec.code,
    });
    if ('observation' in target) {
      dropped.add(target.observation);
      const key = keyOf(target.observation.measureId, target.observation.fiscalYear);
      if (!withheld.has(key)) withheld.set(key, gap(target.observation.measureId, target.observation.fiscalYear));
      return;
    }
    for (const measureId of target.measureIds) {
      for (const fiscalYear of target.fiscalYears) {
        const key = keyOf(measureId, fiscalYear);
        if (!withheld.has(key)) withheld.set(key, gap(measureId, fiscalYear));
        for (const o of input.observations) if (o.measureId === measureId && o.fiscalYear === fiscalYear) dropped.add(o);
      }
    }
  };

  // Values, each where it was read: sign, integrality, range, a year not started yet.
  for (const o of input.observations) {
    const measure = catalog.measures.get(o.measureId);
    if (!measure) continue;
    const fiscalYear = formatFiscalYear(o.fiscalYear);
    const value = { measure: measure.nameJa, fiscalYear, value: o.value };
    // The first broken rule of these, in this order, is reported.
    const check = <K extends ContractRuleKind>(kind: K, finding: (e: ContractEntry) => ContractFindingParams<RuleCode<K>> | undefined): boolean => {
      const entry = rule(kind, measure);
      const broken = entry && finding(entry);
      if (entry && broken) fire(kind, entry, broken, locationOf(o), String(o.value), { observation: o });
      return Boolean(entry && broken);
    };
    if (check('future-year', () => (o.fiscalYear > asOf.fiscalYear ? { fiscalYear, asOf: asOf.yearMonth } : undefined))) continue;
    if (check('non-negative', () => (o.value < 0 ? { variant: 'value' as const, ...value } : undefined))) continue;
    if (check('integer', () => (!Number.isInteger(o.value) ? { ...value, unit: measure.unit } : undefined))) continue;
    check('range', (e) => (outside(o.value, e) ? { ...value, min: e.min ?? '', max: e.max ?? '' } : undefined));
  }

  // Figures before aggregation (a month's 決済回数): a negative one spoils the year's sum.
  for (const r of input.facts.readings ?? []) {
    const measures = r.measureIds.map((id) => catalog.measures.get(id)).filter((m): m is Measure => m !== undefined);
    const entry = measures.map((m) => rule('non-negative', m)).find((e) => e !== undefined);
    if (entry && r.value < 0) {
      fire(
        'non-negative',
        entry,
        { variant: 'reading', reading: r.labelJa, value: r.value, measures: measures.map((m) => m.nameJa).join('、') },
        r.location,
        r.raw,
        {
          measureIds: measures.filter((m) => rule('non-negative', m)).map((m) => m.id),
          fiscalYears: [r.fiscalYear],
        },
      );
    }
  }

  // A file named for one fiscal year holds only that year's rows.
  for (const f of input.facts.filePeriods ?? []) {
    for (const row of f.rows) {
      const measure = catalog.measures.get(row.measureId);
      const entry = measure && rule('file-period', measure);
      if (!entry || row.fiscalYear === f.fiscalYear) continue;
      const observation = input.observations.find(
        (o) =>
          o.measureId === row.measureId && o.fiscalYear === row.fiscalYear && o.provenance.file === f.file && o.provenance.rows === String(row.location.row),
      );
      const finding = { fileYear: formatFiscalYear(f.fiscalYear), rowYear: formatFiscalYear(row.fiscalYear), measure: measure.nameJa };
      if (observation) fire('file-period', entry, finding, row.location, row.raw, { observation });
    }
  }

  // A closed fiscal year has all twelve monthly reports.
  for (const series of input.facts.monthlySeries ?? []) {
    const present = new Set(series.months);
    const latest = [...present].sort().at(-1);
    if (!latest) continue;
    const years = [...new Set(series.months.map(fiscalYearOfMonth))];
    for (const fy of years) {
      if (fy >= asOf.fiscalYear) continue;
      // Holes before the latest report are pay-missing-month already; these are the months after it.
      const missing = fiscalMonths(fy).filter((m) => !present.has(m) && m > latest);
      const measures = series.measureIds.map((id) => catalog.measures.get(id)!).filter((m) => rule('months-complete', m));
      const entry = measures[0] && rule('months-complete', measures[0]);
      if (missing.length === 0 || !entry) continue;
      fire('months-complete', entry, { fiscalYear: formatFiscalYear(fy), series: series.labelJa, months: missing.join('、') }, {}, missing.join(', '), {
        measureIds: measures.map((m) => m.id),
        fiscalYears: [fy],
      });
    }
  }

  for (const exp of input.facts.recordExports ?? []) {
    const measures = exp.measureIds.map((id) => catalog.measures.get(id)!);
    const at: IssueLocation = { file: exp.file, ...(exp.sheet ? { sheet: exp.sheet } : {}) };
    // An export cut short: months of its stated period (up to now) at its start or end without any record.
    const coverage = measures.map((m) => rule('record-coverage', m)).find((e) => e !== undefined);
    if (coverage && exp.period && exp.months.length > 0) {
      const expected = monthsBetween(exp.period.from.slice(0, 7), min(exp.period.to.slice(0, 7), asOf.yearMonth));
      const present = new Set(exp.months);
      const first = expected.findIndex((m) => present.has(m));
      const last = expected.length - 1 - [...expected].reverse().findIndex((m) => present.has(m));
      const edge = first === -1 ? expected : [...expected.slice(0, first), ...expected.slice(last + 1)];
      if (edge.length > EMPTY_EDGE_MONTHS) {
        fire(
          'record-coverage',
          coverage,
          { export: exp.labelJa, from: exp.period.from, to: exp.period.to, firstEmpty: edge[0]!, lastEmpty: edge.at(-1)!, emptyMonths: edge.length },
          at,
          exp.period.raw,
          { measureIds: measures.filter((m) => rule('record-coverage', m)).map((m) => m.id), fiscalYears: [...new Set(edge.map(fiscalYearOfMonth))] },
        );
      }
    }
    // A record of a category nobody declared would silently drop out of every count.
    for (const entry of entries) {
      if (entry.rule !== 'allowed-categories' || entry.severity === 'off' || entry.recordType !== exp.recordType || !entry.values) continue;
      const column = exp.categories.find((c) => c.column === entry.column);
      if (!column) continue;
      const allowed = new Set(entry.values.map(normalize));
      const affected = measures.filter((m) => m.source.kind === 'kosha' && m.source.filter && entry.column! in m.source.filter).map((m) => m.id);
      for (const v of column.values) {
        if (allowed.has(normalize(v.value))) continue;
        fire(
          'allowed-categories',
          entry,
          { column: column.header, value: v.value, count: v.count, allowed: entry.values.join('・') },
          { ...at, row: v.row, column: column.letter },
          v.value,
          { measureIds: affected, fiscalYears: [...new Set(exp.months.map(fiscalYearOfMonth))] },
        );
      }
    }
  }

  // Survey waves: an instrument with only a header row, or missing from a year that has the others.
  const active = input.surveyWaves.filter((w) => w.status === 'active');
  const instruments = new Map(active.map((w) => [w.instrument, w.instrument_name_ja]));
  const surveyMeasures = (instrument: string, kind: ContractRuleKind) =>
    [...catalog.measures.values()].filter((m) => asks(m, instrument) && rule(kind, m) !== undefined);
  for (const w of active) {
    const measures = surveyMeasures(w.instrument, 'survey-instrument-rows');
    if (w.data_rows !== 0 || measures.length === 0) continue;
    fire(
      'survey-instrument-rows',
      rule('survey-instrument-rows', measures[0]!)!,
      { instrument: w.instrument_name_ja, fiscalYear: formatFiscalYear(w.fiscal_year) },
      { file: w.file },
      undefined,
      {
        measureIds: measures.map((m) => m.id),
        fiscalYears: [w.fiscal_year],
      },
    );
  }
  for (const fy of [...new Set(active.map((w) => w.fiscal_year))]) {
    for (const [instrument, nameJa] of instruments) {
      if (active.some((w) => w.fiscal_year === fy && w.instrument === instrument)) continue;
      const measures = surveyMeasures(instrument, 'survey-instruments-complete');
      if (measures.length === 0) continue;
      fire(
        'survey-instruments-complete',
        rule('survey-instruments-complete', measures[0]!)!,
        { fiscalYear: formatFiscalYear(fy), instrument: nameJa },
        {},
        instrument,
        {
          measureIds: measures.map((m) => m.id),
          fiscalYears: [fy],
        },
      );
    }
  }

  // Year over year, on what is left: a cumulative that goes down, a jump beyond the threshold.
  const kept = input.observations.filter((o) => !dropped.has(o));
  const byMeasure = new Map<string, Observation[]>();
  for (const o of kept) byMeasure.set(o.measureId, [...(byMeasure.get(o.measureId) ?? []), o]);
  for (const [measureId, list] of byMeasure) {
    const measure = catalog.measures.get(measureId);
    if (!measure) continue;
    const byYear = new Map(list.map((o) => [o.fiscalYear, o]));
    for (const o of [...byYear.values()].sort((a, b) => a.fiscalYear - b.fiscalYear)) {
      const previous = byYear.get(o.fiscalYear - 1);
      if (!previous) continue;
      const monotone = rule('monotone', measure);
      if (monotone && o.value < previous.value) {
        fire(
          'monotone',
          monotone,
          {
            measure: measure.nameJa,
            previousYear: formatFiscalYear(previous.fiscalYear),
            previous: previous.value,
            fiscalYear: formatFiscalYear(o.fiscalYear),
            value: o.value,
          },
          locationOf(o),
          String(o.value),
          {
            measureIds: [measureId],
            fiscalYears: [previous.fiscalYear, o.fiscalYear],
          },
        );
        continue;
      }
      const volume = rule('volume-change', measure);
      if (volume?.maxChangePercent !== undefined && previous.value !== 0) {
        const change = ((o.value - previous.value) / Math.abs(previous.value)) * 100;
        if (Math.abs(change) > volume.maxChangePercent) {
          fire(
            'volume-change',
            volume,
            {
              measure: measure.nameJa,
              previousYear: formatFiscalYear(previous.fiscalYear),
              previous: previous.value,
              fiscalYear: formatFiscalYear(o.fiscalYear),
              value: o.value,
              change: `${change > 0 ? '+' : ''}${change.toFixed(1)}`,
              maxChange: volume.maxChangePercent,
            },
            locationOf(o),
            String(o.value),
            { measureIds: [measureId], fiscalYears: [o.fiscalYear] },
          );
        }
      }
    }
  }

  return { observations: input.observations.filter((o) => !dropped.has(o)), withheld: dropped, gaps: [...withheld.values()], issues };
}

type RuleCode<K extends ContractRuleKind> = (typeof contractRules)[K]['code'];

// A sparse record type (a few dispatches a year) may have an empty month at either end of its period.
const EMPTY_EDGE_MONTHS = 2;

function keyOf(measureId: string, fiscalYear: number): string {
  return `${measureId}\u0000${fiscalYear}`;
}

function locationOf(o: Observation): IssueLocation {
  const p = o.provenance;
  const row = p.rows && /^\d+$/.test(p.rows) ? Number(p.rows) : undefined;
  return { file: p.file, ...(p.sheet ? { sheet: p.sheet } : {}), ...(row !== undefined ? { row } : {}), ...(p.column ? { column: p.column } : {}) };
}

function outside(value: number, e: ContractEntry): boolean {
  return (e.min !== undefined && value < e.min) || (e.max !== undefined && value > e.max);
}

/** Does the survey measure use answers of this instrument? */
function asks(measure: Measure, instrument: string): boolean {
  const s = measure.source;
  if (s.kind !== 'industrySurvey') return false;
  if (s.questions) return instrument in s.questions;
  return s.instrument === undefined || s.instrument === instrument;
}

function fiscalYearOfMonth(yearMonth: string): number {
  return fiscalYearOf(Number(yearMonth.slice(0, 4)), Number(yearMonth.slice(5, 7)));
}

function fiscalMonths(fiscalYear: number): string[] {
  return monthsBetween(`${fiscalYear}-04`, `${fiscalYear + 1}-03`);
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > to) return out;
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

function min(a: string, b: string): string {
  return a < b ? a : b;
}

function normalize(text: string): string {
  return text.normalize('NFKC').trim();
}
