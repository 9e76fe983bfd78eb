// indicator_progress: one row per progress-table indicator and fiscal year (the plan's year-role years and every
// year with a value), with the target in force that year, the original target, both 達成率 and the plan's grade.
import type { Catalog } from '../config/load-catalog.ts';
import type { TargetRevision } from '../config/catalog-schema.ts';
import type { IndicatorTarget } from '../config/progress-schema.ts';
import { ownerNames, type CatalogIndicator } from '../config/resolve-progress.ts';
import type { IndicatorProgressRow } from '../lib/datasets/indicator-tables.ts';
import { percentOf, roundHalfUp } from '../lib/decimal.ts';
import { formatFiscalYear } from '../lib/fiscal-year.ts';
import { issueOf } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import type { StatusReading } from '../lib/observation.ts';
import { gradeIndicator } from './grade-indicator.ts';
import type { ObservationIndex } from './resolve-observations.ts';
import { withheldReason } from './withheld-reason.ts';

interface YearFigure {
  value: number | null;
  secondaryValue: number | null;
  status: string | null;
  /** A cell stated in words (a declared 現状), printed as is. */
  text?: string;
  valueStatus: 'observed' | 'declared' | 'missing' | 'conflict' | 'incomplete' | 'invalid';
  comment: string | null;
  withheld?: { code: string | null; reason: string } | null;
}

export function buildIndicatorProgress(
  catalog: Catalog,
  index: ObservationIndex,
  statuses: readonly StatusReading[],
  runId: string,
): { rows: IndicatorProgressRow[]; issues: Issue[] } {
  const progress = catalog.progress;
  if (!progress) return { rows: [], issues: [] };
  const { byKey: statusOf, issues } = statusIndex(statuses);
  const notApplicable = new Set(catalog.plan.statuses.filter((s) => s.notApplicable).map((s) => s.labelJa));
  const baselineYear = progress.yearRoles.find((r) => r.kind === 'baseline')?.fiscalYear ?? catalog.plan.baselineFiscalYear;
  const targetYear = progress.yearRoles.find((r) => r.kind === 'target')?.fiscalYear ?? null;
  const fixedRoleYears = progress.yearRoles.flatMap((r) => (r.fiscalYear === undefined ? [] : [r.fiscalYear]));

  const rows: IndicatorProgressRow[] = [];
  for (const indicator of progress.indicators) {
    const measure = catalog.measures.get(indicator.measureId)!;
    const figureOf = (fy: number): YearFigure => {
      const found = index.get(indicator.measureId, fy);
      const state = statusOf.get(`${indicator.measureId}\u0000${fy}`);
      if (found?.status === 'conflict' || state === 'conflict') {
        const withheld = withheldReason(found) ?? { code: 'conflicting-statuses', reason: '状態の入力が食い違っています' };
        return { value: null, secondaryValue: null, status: null, valueStatus: 'conflict', comment: null, withheld };
      }
      // A value a data contract or a source check withheld is not "missing": it says why.
      if (found?.status === 'incomplete' || found?.status === 'invalid')
        return { value: null, secondaryValue: null, status: null, valueStatus: found.status, comment: null, withheld: withheldReason(found) };
      if (state) return { value: null, secondaryValue: null, status: state.status, valueStatus: 'observed', comment: state.comment ?? null };
      if (found?.status === 'observed') {
        const o = found.observation;
        return {
          value: roundHalfUp(o.value, measure.decimals),
          secondaryValue: o.secondaryValue ?? null,
          status: null,
          valueStatus: 'observed',
          comment: o.comment ?? null,
        };
      }
      if (fy === baselineYear && (indicator.baselineValue !== undefined || indicator.baselineText !== undefined)) {
        return {
          value: indicator.baselineValue ?? null,
          secondaryValue: null,
          status: null,
          ...(indicator.baselineText === undefined ? {} : { text: indicator.baselineText }),
          valueStatus: 'declared',
          comment: indicator.baselineNoteJa ?? null,
        };
      }
      return { value: null, secondaryValue: null, status: null, valueStatus: 'missing', comment: null };
    };
    const observedYears = index.fiscalYears.filter((fy) => figureOf(fy).valueStatus === 'observed');
    for (const key of statusOf.keys()) {
      const [measureId, fy] = key.split('\u0000');
      if (measureId === indicator.measureId && !observedYears.includes(Number(fy))) observedYears.push(Number(fy));
    }
    const latestYear = observedYears.length > 0 ? Math.max(...observedYears) : null;
    // A year whose value was withheld or conflicts is listed with its reason, not left out as if nothing had been entered.
    const withheldYears = index.fiscalYears.filter((fy) => ['incomplete', 'invalid', 'conflict'].includes(figureOf(fy).valueStatus));
    const target = targetFigures(indicator.target, targetYear);
    const years = [...new Set([...fixedRoleYears, ...target.ownYears, ...observedYears, ...withheldYears])].sort((a, b) => a - b);
    const baseline = figureOf(baselineYear).value;
    // 、 not ・ between departments: a department's own name may hold ・ (工業・雇用促進課).
    const owners = ownerNames(indicator.owners ?? catalog.plan.owners ?? []).join('、');
    const relatedOwners = indicator.relatedOwners ? ownerNames(indicator.relatedOwners).join('、') : null;

    for (const fy of years) {
      const figure = figureOf(fy);
      const inForce = target.inForce(fy);
      const original = target.original(fy);
      const rate = (reference: number | null) => directedRate(figure.value, reference, indicator.direction);
      const met = figure.status === null || target.status === null || notApplicable.has(figure.status) ? null : figure.status === target.status;
      const definitionChanged = indicator.definitionChanged !== undefined && fy >= indicator.definitionChanged.fiscalYear;
      const grade =
        figure.status !== null && notApplicable.has(figure.status)
          ? catalog.progress!.grading.notEvaluable
          : gradeIndicator(progress.grading, {
              rates: { target: rate(inForce), originalTarget: rate(original), baseline: rate(fy === baselineYear ? null : baseline) },
              met,
              definitionChanged,
            });
      const roles = progress.yearRoles.filter((r) => r.fiscalYear === fy || (r.latest && fy === latestYear)).map((r) => r.labelJa);
      rows.push({
        plan_id: catalog.plan.id,
        pillar_code: indicator.pillar.code,
        pillar_name_ja: indicator.pillar.nameJa,
        section_code: indicator.section.code,
        section_name_ja: indicator.section.nameJa,
        indicator_id: indicator.id,
        code: indicator.code,
        name_ja: indicator.nameJa,
        tier: indicator.tierLabelJa,
        unit: indicator.unit,
        direction: indicator.direction,
        owners,
        related_owners: relatedOwners,
        fiscal_year: fy,
        fiscal_year_label: formatFiscalYear(fy),
        year_role: roles.length > 0 ? roles.join('・') : null,
        is_latest: fy === latestYear,
        value: figure.value,
        secondary_value: figure.secondaryValue,
        secondary_unit: indicator.secondary?.unit ?? null,
        status_value: figure.status,
        value_text: valueText(figure, indicator),
        value_status: figure.valueStatus,
        withheld_code: figure.withheld?.code ?? null,
        withheld_reason: figure.withheld?.reason ?? null,
        baseline_value: baseline,
        baseline_fiscal_year: baseline === null ? null : baselineYear,
        target_fiscal_year: indicator.target ? target.fiscalYear(fy) : null,
        target_in_force: inForce,
        target_original: original,
        target_status: target.status,
        target_text: indicator.target && 'text' in indicator.target ? indicator.target.text : null,
        target_revisions: target.revisionsJa(fy, indicator.unit),
        achievement_rate: rate(inForce),
        achievement_rate_original: rate(original),
        target_met: met,
        grade: grade.grade,
        grade_rule: grade.ruleJa,
        definition_change: indicator.definitionChanged
          ? `${formatFiscalYear(indicator.definitionChanged.fiscalYear)}に定義を変更: ${indicator.definitionChanged.reasonJa}`
          : null,
        comment: figure.comment,
        run_id: runId,
      });
    }
  }
  return { rows, issues };
}

/**
 * The target a year is rated against: the year's own (a 中間目標 in `byYear`) when the plan sets one, else the final
 * target; of either, the value decided by that year — a revision counts from the fiscal year it was decided in, never before.
 */
function targetFigures(target: IndicatorTarget | undefined, finalYear: number | null) {
  const numeric = target && 'value' in target ? target : undefined;
  const forYear = (fy: number): { value: number; revisions: TargetRevision[]; fiscalYear: number | null } | null => {
    if (!numeric) return null;
    const own = numeric.byYear?.[String(fy)];
    if (own === undefined) return { value: numeric.value, revisions: numeric.revisions ?? [], fiscalYear: finalYear };
    return typeof own === 'number' ? { value: own, revisions: [], fiscalYear: fy } : { value: own.value, revisions: own.revisions ?? [], fiscalYear: fy };
  };
  const sorted = (revisions: TargetRevision[]) => [...revisions].sort((a, b) => a.revisedInFiscalYear - b.revisedInFiscalYear);
  return {
    /** Years with a target of their own: listed even before a value is entered. */
    ownYears: Object.keys(numeric?.byYear ?? {}).map(Number),
    status: target && 'status' in target ? target.status : null,
    fiscalYear: (fy: number): number | null => (target && 'status' in target ? finalYear : (forYear(fy)?.fiscalYear ?? null)),
    original: (fy: number): number | null => forYear(fy)?.value ?? null,
    inForce: (fy: number): number | null => {
      const t = forYear(fy);
      return t === null
        ? null
        : (sorted(t.revisions)
            .filter((r) => r.revisedInFiscalYear <= fy)
            .at(-1)?.value ?? t.value);
    },
    revisionsJa: (fy: number, unit: string): string | null => {
      const t = forYear(fy);
      if (t === null || t.revisions.length === 0) return null;
      let from = t.value;
      return sorted(t.revisions)
        .map((r) => {
          const text = `${grouped(from)}${unit} ↓ ${grouped(r.value)}${unit}に変更（${formatFiscalYear(r.revisedInFiscalYear)}: ${r.reasonJa}）`;
          from = r.value;
          return text;
        })
        .join('；');
    },
  };
}

/** 達成率 with the good direction up: value ÷ reference (higher) or reference ÷ value (lower); none when unknown. */
function directedRate(value: number | null, reference: number | null, direction: CatalogIndicator['direction']): number | null {
  if (value === null || reference === null || direction === 'unknown') return null;
  return direction === 'higher' ? percentOf(value, reference, 1) : percentOf(reference, value, 1);
}

function valueText(figure: YearFigure, indicator: CatalogIndicator): string | null {
  if (figure.status !== null) return figure.status;
  if (figure.text !== undefined && figure.value === null) return figure.text;
  if (figure.value === null) return null;
  const main = grouped(figure.value, indicator.decimals);
  if (figure.secondaryValue === null) return indicator.valueType === 'pair' ? `${main}${indicator.unit}` : main;
  return `${main}${indicator.unit}（${grouped(figure.secondaryValue)}${indicator.secondary?.unit ?? ''}）`;
}

/** Thousands separators; the value is already rounded half-up, so the formatter never rounds. */
function grouped(value: number, decimals?: number): string {
  return new Intl.NumberFormat(
    'ja-JP',
    decimals === undefined ? { maximumFractionDigits: 6 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals },
  ).format(value);
}

/** One state per measure and year; two different states are a conflict: neither is published, and the user is told where. */
function statusIndex(statuses: readonly StatusReading[]): { byKey: Map<string, StatusReading | 'conflict'>; issues: Issue[] } {
  const byKey = new Map<string, StatusReading | 'conflict'>();
  const issues: Issue[] = [];
  for (const s of statuses) {
    const key = `${s.measureId}\u0000${s.fiscalYear}`;
    const earlier = byKey.get(key);
    if (earlier === undefined || (earlier !== 'conflict' && earlier.status === s.status)) {
      byKey.set(key, s);
      continue;
    }
    byKey.set(key, 'conflict');
    const where = (r: StatusReading) => `${r.provenance.file}${r.provenance.rows ? ` ${r.provenance.rows}行目` : ''}: ${r.status}`;
    issues.push(
      issueOf(
        'conflicting-statuses',
        { measure: s.measureId, fiscalYear: formatFiscalYear(s.fiscalYear), statuses: `${earlier === 'conflict' ? '' : `${where(earlier)} / `}${where(s)}` },
        { file: s.provenance.file, ...(s.provenance.sheet ? { sheet: s.provenance.sheet } : {}) },
        s.status,
      ),
    );
  }
  return { byKey, issues };
}
