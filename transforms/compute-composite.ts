// 持続可能な地域経済の充実度: per fiscal year, the composite under each method of composite.yaml (the primary
// one is published, the others form the sensitivity table), with its coverage and each input's contribution.
// Method and rationale: docs/composite.md.
import { Decimal } from 'decimal.js';
import { compositeInputs, type CompositeInput } from '../config/composite-inputs.ts';
import type { CompositeConfig, CompositeMethod } from '../config/composite-schema.ts';
import type { Catalog } from '../config/load-catalog.ts';
import type { CompositeComponentRow, CompositeIndexRow } from '../lib/datasets/composite-tables.ts';
import type { IndicatorValueRow } from '../lib/datasets/indicator-tables.ts';
import { percentOf, roundHalfUp } from '../lib/decimal.ts';
import { formatFiscalYear } from '../lib/fiscal-year.ts';
import { issueOf } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';

// Weights such as 1/3 are not finite decimals: work at 60 digits and snap to 20 places before the
// half-up rounding, so an exact midpoint reached through such a division still rounds up.
const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });
const HUNDRED = new Exact(100);
const NEAR = new Exact('1e-40');

export type MissingReason = 'no-value' | 'no-baseline' | 'other-baseline-year' | 'conflict' | 'not-invertible';

/** One input in one year under one method: its printed index and the value that enters the mean. */
interface Entry {
  input: CompositeInput;
  direction: string;
  index: number | null;
  adjusted: number | null;
  capped: number | null;
  wasCapped: boolean | null;
  missing: MissingReason | null;
}

interface Present extends Entry {
  capped: number;
}

export interface CompositeResult {
  /** composite_index: one row per fiscal year and method, the primary first. */
  index: CompositeIndexRow[];
  /** composite_components: one row per fiscal year, method and input. */
  components: CompositeComponentRow[];
  issues: Issue[];
}

export function computeComposite(catalog: Catalog, rows: readonly IndicatorValueRow[], runId: string): CompositeResult {
  const config = catalog.composite;
  if (!config) return { index: [], components: [], issues: [] };
  const inputs = compositeInputs(config, catalog.slots);
  if (inputs.length === 0) return { index: [], components: [], issues: [] };
  const rowOf = new Map<string, IndicatorValueRow>();
  for (const r of rows) {
    const k = `${r.measure_id}\u0000${r.fiscal_year}`;
    // Every slot of a measure carries the same value; the long-tier row is the one the composite reads.
    if (!rowOf.has(k) || (r.tier === 'long' && rowOf.get(k)!.tier !== 'long')) rowOf.set(k, r);
  }
  const years = [...new Set(rows.map((r) => r.fiscal_year))].sort((a, b) => a - b);
  const methods = [config.primary, ...config.alternatives];
  const exact = exactTerms();
  const totalWeight = exact.totalWeight(inputs);
  const result: CompositeResult = { index: [], components: [], issues: [] };

  for (const year of years) {
    for (const method of methods) {
      const entries = inputs.map((input) =>
        normalise(
          input,
          catalog.measures.get(input.measureId)?.direction ?? 'higher',
          rowOf.get(`${input.measureId}\u0000${year}`),
          method,
          config.referenceFiscalYear,
        ),
      );
      const present = entries.filter((e): e is Present => e.capped !== null);
      const weights = effectiveWeights(present, method, config, exact);
      const composite = aggregate(present, weights, method, exact);
      const coverage = exact.totalWeight(present.map((p) => p.input)).div(totalWeight);
      const status = present.length === 0 ? 'no-inputs' : coverage.gte(method.minCoverage) ? 'published' : 'below-coverage';
      const loo = leaveOneOut(present, method, config, exact);
      const target = config.targets.filter((t) => t.fiscalYear >= year).sort((a, b) => a.fiscalYear - b.fiscalYear)[0];
      const missing = entries.filter((e) => e.missing !== null);
      const row: CompositeIndexRow = {
        plan_id: catalog.plan.id,
        fiscal_year: year,
        fiscal_year_label: formatFiscalYear(year),
        method_id: method.id,
        method_label_ja: method.labelJa,
        is_primary: method === config.primary,
        status,
        value: status === 'published' ? publish(composite!) : null,
        provisional_value: composite === null ? null : publish(composite),
        inputs_present: present.length,
        inputs_total: inputs.length,
        coverage_rate: roundHalfUp(coverage.times(100).toFixed(), 1),
        min_coverage_rate: roundHalfUp(new Exact(method.minCoverage).times(100).toFixed(), 1),
        missing_inputs: missing.map((e) => `${e.input.measureId}:${e.missing}`).join(';'),
        capped_inputs: present
          .filter((p) => p.wasCapped)
          .map((p) => p.input.measureId)
          .join(';'),
        leave_one_out_low: loo ? publish(loo.low.value) : null,
        leave_one_out_low_without: loo?.low.without ?? null,
        leave_one_out_high: loo ? publish(loo.high.value) : null,
        leave_one_out_high_without: loo?.high.without ?? null,
        next_target_fiscal_year: target?.fiscalYear ?? null,
        next_target_value: target?.value ?? null,
        run_id: runId,
      };
      result.index.push(row);
      for (const e of entries) result.components.push(componentRow(catalog, year, method, e, weights.get(e.input.measureId), runId, exact));
      if (method === config.primary && status !== 'published') result.issues.push(coverageIssue(config, row, missing));
    }
  }
  return result;
}

function normalise(input: CompositeInput, direction: string, row: IndicatorValueRow | undefined, method: CompositeMethod, referenceFiscalYear: number): Entry {
  const entry: Entry = { input, direction, index: row?.index ?? null, adjusted: null, capped: null, wasCapped: null, missing: null };
  const baseline = row?.baseline_value ?? null;
  if (row?.value_status === 'conflict') return { ...entry, missing: 'conflict' };
  if (!row) return { ...entry, missing: 'no-value' };
  if (baseline === null || baseline === 0) return { ...entry, missing: 'no-baseline' };
  // FY2023 = 100 holds only for inputs whose index is relative to the reference year.
  if (row.baseline_fiscal_year !== referenceFiscalYear) return { ...entry, missing: 'other-baseline-year' };
  const value = row.value;
  if (value === null) return { ...entry, missing: 'no-value' };
  const index = row.index ?? percentOf(value, baseline, 2)!;
  let adjusted: number | null = index;
  // Lower-is-better enters as baseline ÷ value (倒産 50 → 59: 84.75), the same ratio read the other way.
  if (direction === 'lower' && method.direction === 'invert') adjusted = percentOf(baseline, value, 2);
  if (adjusted === null) {
    // A lower-is-better measure at 0 is as good as it gets: the cap's top, or no value without a cap.
    if (!method.cap) return { ...entry, index, missing: 'not-invertible' };
    return { ...entry, index, capped: method.cap.hi, wasCapped: true };
  }
  if (!method.cap) return { ...entry, index, adjusted, capped: adjusted, wasCapped: false };
  const capped = Math.min(Math.max(adjusted, method.cap.lo), method.cap.hi);
  return { ...entry, index, adjusted, capped, wasCapped: capped !== adjusted };
}

/**
 * Each present input's share of the composite (summing to 1). flat: its weight over the present weights.
 * byVision: a measure printed in k visions brings weight/k to each, so it still counts once in all; each
 * vision's share is split among its present members, and visions without any drop out.
 */
function effectiveWeights(present: readonly Present[], method: CompositeMethod, config: CompositeConfig, exact: ExactTerms): Map<string, Decimal> {
  // They depend only on which inputs are present: methods and years with the same ones share them.
  const key = `${method.structure}\u0000${present.map((p) => p.input.measureId).join('\u0000')}`;
  return exact.weightsOf(key, () => weightsOf(present, method, config, exact));
}

function weightsOf(present: readonly Present[], method: CompositeMethod, config: CompositeConfig, exact: ExactTerms): Map<string, Decimal> {
  const weights = new Map<string, Decimal>();
  if (present.length === 0) return weights;
  if (method.structure === 'flat') {
    const total = exact.totalWeight(present.map((p) => p.input));
    for (const p of present) weights.set(p.input.measureId, exact.quotient(exact.weight(p.input), total));
    return weights;
  }
  const groups = new Map<number, { id: string; share: Decimal }[]>();
  for (const p of present) {
    const share = exact.quotient(exact.weight(p.input), exact.value(p.input.visions.length));
    for (const v of p.input.visions) groups.set(v, [...(groups.get(v) ?? []), { id: p.input.measureId, share }]);
  }
  const visionWeight = (v: number) => exact.value(config.inputs.visionWeights[String(v)] ?? 1);
  const totalVision = sum([...groups.keys()].map(visionWeight));
  for (const [v, members] of groups) {
    // A vision's terms depend only on its present members and the visions' total: leaving out another vision's input keeps them.
    const key = `${v}\u0000${totalVision.toString()}\u0000${members.map((m) => m.id).join('\u0000')}`;
    const terms = exact.visionTerms(key, () => {
      const within = sum(members.map((m) => m.share));
      return members.map((m) => visionWeight(v).div(totalVision).times(m.share).div(within));
    });
    for (const [k, m] of members.entries()) weights.set(m.id, (weights.get(m.id) ?? new Exact(0)).plus(terms[k]!));
  }
  return weights;
}

/** Weighted arithmetic mean, or weighted geometric mean taken as 100 × exp(Σ w ln(x / 100)), so 100s give exactly 100. */
function aggregate(present: readonly Present[], weights: Map<string, Decimal>, method: CompositeMethod, exact: ExactTerms): Decimal | null {
  if (present.length === 0) return null;
  return finish(weightedSum(present, weights, method, exact), method);
}

/** The mean before its last step: Σ w x, or the geometric mean's exponent Σ w ln(x / 100). */
function weightedSum(present: readonly Present[], weights: Map<string, Decimal>, method: CompositeMethod, exact: ExactTerms): Decimal {
  const geometric = method.mean === 'geometric';
  return sum(present.map((p) => exact.product(weights.get(p.input.measureId)!, p.capped, geometric)));
}

function finish(weighted: Decimal, method: CompositeMethod): Decimal {
  return method.mean === 'arithmetic' ? weighted : HUNDRED.times(weighted.exp());
}

function leaveOneOut(
  present: readonly Present[],
  method: CompositeMethod,
  config: CompositeConfig,
  exact: ExactTerms,
): { low: { value: Decimal; without: string | null }; high: { value: Decimal; without: string | null } } | null {
  if (present.length < 2) return null;
  const sums = present.map((left) => {
    const others = present.filter((p) => p !== left);
    return weightedSum(others, effectiveWeights(others, method, config, exact), method, exact);
  });
  const values = finishedNearExtremes(sums, method);
  let low: { value: Decimal; without: string } | undefined;
  let high: { value: Decimal; without: string } | undefined;
  for (const [k, left] of present.entries()) {
    const value = values[k];
    if (!value) continue;
    if (!low || value.lt(low.value)) low = { value, without: left.input.measureId };
    if (!high || value.gt(high.value)) high = { value, without: left.input.measureId };
  }
  // All equal (the reference year): no input is the one that moves it.
  if (snap(low!.value).eq(snap(high!.value))) return { low: { value: low!.value, without: null }, high: { value: high!.value, without: null } };
  return { low: low!, high: high! };
}

/**
 * Each sum finished into its mean, or, for the geometric mean, only those that can be the lowest or highest: exp
 * at 60 digits costs a millisecond, and it is increasing, so a sum more than 1e-40 above the least (below the
 * greatest) gives a mean that many units of the 60th digit above (below) — never the extreme, nor tied with it.
 */
function finishedNearExtremes(sums: readonly Decimal[], method: CompositeMethod): (Decimal | undefined)[] {
  if (method.mean === 'arithmetic' || !sums.every((s) => s.isFinite())) return sums.map((s) => finish(s, method));
  const least = sums.reduce((a, b) => (b.lt(a) ? b : a));
  const greatest = sums.reduce((a, b) => (b.gt(a) ? b : a));
  return sums.map((s) => (s.minus(least).lte(NEAR) || greatest.minus(s).lte(NEAR) ? finish(s, method) : undefined));
}

function componentRow(
  catalog: Catalog,
  year: number,
  method: CompositeMethod,
  e: Entry,
  weight: Decimal | undefined,
  runId: string,
  exact: ExactTerms,
): CompositeComponentRow {
  let contribution: Decimal | null = null;
  if (weight && e.capped !== null) {
    contribution = method.mean === 'arithmetic' ? weight.times(new Exact(e.capped).minus(HUNDRED)) : HUNDRED.times(weight).times(exact.logRatio(e.capped));
  }
  return {
    plan_id: catalog.plan.id,
    fiscal_year: year,
    fiscal_year_label: formatFiscalYear(year),
    method_id: method.id,
    measure_id: e.input.measureId,
    name_ja: catalog.measures.get(e.input.measureId)?.nameJa ?? e.input.measureId,
    visions: e.input.visions.join(';'),
    slot_ids: e.input.slotIds.join(';'),
    direction: e.direction,
    weight: e.input.weight,
    status: e.missing === null ? 'present' : 'missing',
    missing_reason: e.missing,
    index: e.index,
    adjusted_index: e.adjusted,
    capped_index: e.capped,
    was_capped: e.wasCapped,
    effective_weight: weight ? publish(weight, 4) : null,
    contribution: contribution ? publish(contribution, 4) : null,
    run_id: runId,
  };
}

function coverageIssue(config: CompositeConfig, row: CompositeIndexRow, missing: readonly Entry[]): Issue {
  const label = `${config.nameJa}（${row.fiscal_year_label}）`;
  if (row.status === 'no-inputs') {
    return issueOf('composite-no-inputs', { composite: label }, { path: 'composite.primary' });
  }
  return issueOf(
    'composite-below-coverage',
    {
      composite: label,
      total: row.inputs_total,
      present: row.inputs_present,
      coverage: String(row.coverage_rate),
      minCoverage: String(row.min_coverage_rate),
      provisional: String(row.provisional_value),
      missing: missing.map((e) => e.input.measureId).join('、'),
    },
    { path: 'composite.primary.minCoverage' },
    row.coverage_rate,
  );
}

/**
 * The exact terms the composite uses again and again, each computed once per run: the leave-one-out table
 * re-aggregates every year and method n times over the same capped indices and weights, and ln at 60 digits
 * dominated its time. Same operands, same operations, so the same digits as computing them afresh.
 */
interface ExactTerms {
  weight(input: CompositeInput): Decimal;
  totalWeight(inputs: readonly CompositeInput[]): Decimal;
  value(x: number): Decimal;
  /** ln(x / 100). */
  logRatio(x: number): Decimal;
  quotient(a: Decimal, b: Decimal): Decimal;
  /** The effective weights of a set of present inputs under a structure (`key`), computed once. */
  weightsOf(key: string, compute: () => Map<string, Decimal>): Map<string, Decimal>;
  /** One vision's part of each of its members' weight (`key`: the vision, the visions' total and its members), computed once. */
  visionTerms(key: string, compute: () => Decimal[]): Decimal[];
  /** w × x, or w × ln(x / 100) when `ofLog`. */
  product(w: Decimal, x: number, ofLog: boolean): Decimal;
}

function exactTerms(): ExactTerms {
  const weights = new Map<CompositeInput, Decimal>();
  const values = new Map<number, Decimal>();
  const logs = new Map<number, Decimal>();
  const quotients = new Map<string, Decimal>();
  const effective = new Map<string, Map<string, Decimal>>();
  const byVision = new Map<string, Decimal[]>();
  // By the weight's identity: a flat mean's weights come from `quotient`, so leaving out another input reuses them.
  const products = new Map<Decimal, Map<number, Decimal>>();
  const logProducts = new Map<Decimal, Map<number, Decimal>>();
  const terms: ExactTerms = {
    weight(input) {
      let w = weights.get(input);
      if (!w) weights.set(input, (w = new Exact(input.weight)));
      return w;
    },
    totalWeight(inputs) {
      // Whole weights (the default 1) add up exactly in a double too: no decimal additions for them.
      const whole = inputs.reduce((n, i) => n + i.weight, 0);
      if (Number.isSafeInteger(whole) && inputs.every((i) => Number.isSafeInteger(i.weight) && i.weight >= 0)) return terms.value(whole);
      return sum(inputs.map((i) => terms.weight(i)));
    },
    value(x) {
      let v = values.get(x);
      if (!v) values.set(x, (v = new Exact(x)));
      return v;
    },
    logRatio(x) {
      let l = logs.get(x);
      if (!l) logs.set(x, (l = new Exact(x).div(HUNDRED).ln()));
      return l;
    },
    quotient(a, b) {
      const key = `${a.toString()}/${b.toString()}`;
      let q = quotients.get(key);
      if (!q) quotients.set(key, (q = a.div(b)));
      return q;
    },
    weightsOf(key, compute) {
      let w = effective.get(key);
      if (!w) effective.set(key, (w = compute()));
      return w;
    },
    visionTerms(key, compute) {
      let t = byVision.get(key);
      if (!t) byVision.set(key, (t = compute()));
      return t;
    },
    product(w, x, ofLog) {
      const cache = ofLog ? logProducts : products;
      let byX = cache.get(w);
      if (!byX) cache.set(w, (byX = new Map()));
      let p = byX.get(x);
      if (!p) byX.set(x, (p = w.times(ofLog ? terms.logRatio(x) : terms.value(x))));
      return p;
    },
  };
  return terms;
}

function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), new Exact(0));
}

function snap(value: Decimal): Decimal {
  return value.toDecimalPlaces(20, Decimal.ROUND_HALF_UP);
}

function publish(value: Decimal, decimals = 2): number {
  return roundHalfUp(snap(value).toFixed(), decimals);
}
