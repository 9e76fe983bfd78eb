// Design-based shares against R's survey package (4.1.1 on R 4.2), frozen by scripts/survey-reference/survey-reference.R
// from a synthetic stratified wave (scripts/survey-reference/generate-synthetic-wave.ts): 55 strata, certainty strata,
// unequal weights, item non-response, a 7-respondent domain, and 0 % / 100 % cells.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSyntheticWave, SYNTHETIC_OUTCOMES, syntheticMargins } from '../scripts/survey-reference/generate-synthetic-wave.ts';
import { designShare, type StratumTotals } from '../transforms/design-share.ts';
import { qbeta, qnorm, qt } from '../transforms/quantiles.ts';
import { rakeWeights } from '../transforms/rake-weights.ts';
import { calibrateWeights } from '../transforms/calibrate-weights.ts';
import { calibratedShare, type CalibratedDesign } from '../transforms/calibrated-share.ts';

const dir = new URL('./fixtures/survey-reference/', import.meta.url);
const csv = (name: string): Record<string, string>[] => {
  const [head, ...lines] = readFileSync(new URL(name, dir), 'utf8').trim().split('\n');
  const keys = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i]!, v])));
};
const num = (v: string | undefined): number | null => (v === undefined || v === 'NA' ? null : Number(v));

describe('synthetic wave fixture', () => {
  it('is what the generator writes (the R reference was computed from these rows)', () => {
    const rows = generateSyntheticWave();
    const file = csv('synthetic-wave.csv');
    expect(file.length).toBe(rows.length);
    rows.forEach((r, i) => {
      const f = file[i]!;
      expect([Number(f.id), f.stratum, Number(f.N), Number(f.w), f.domain, f.region, f.size, num(f.y1), num(f.y2), num(f.y3)]).toEqual([
        r.id,
        r.stratum,
        r.population,
        r.weight,
        r.domain,
        r.region,
        r.sizeClass,
        ...r.y,
      ]);
    });
  });
});

describe('designShare equals svymean / svyby / svyciprop(method = "beta") with strata and fpc', () => {
  const rows = generateSyntheticWave();
  const strataIds = [...new Set(rows.map((r) => r.stratum))];
  const sampled = new Map(strataIds.map((s) => [s, rows.filter((r) => r.stratum === s).length]));
  const totals = (outcome: number, domain: string): StratumTotals[] =>
    strataIds.map((s) => {
      const t: StratumTotals = { population: rows.find((r) => r.stratum === s)!.population, sampled: sampled.get(s)!, count: 0, w: 0, wy: 0, ww: 0, wwy: 0 };
      for (const r of rows) {
        const y = r.y[outcome];
        if (r.stratum !== s || y === null || y === undefined || (domain !== 'all' && r.domain !== domain)) continue;
        t.count += 1;
        t.w += r.weight;
        t.wy += r.weight * y;
        t.ww += r.weight * r.weight;
        t.wwy += r.weight * r.weight * y;
      }
      return t;
    });
  const reference = csv('reference.csv');
  it('covers every outcome and domain', () => {
    expect(new Set(reference.map((r) => r.outcome)).size).toBe(SYNTHETIC_OUTCOMES);
    expect(reference.length).toBe(SYNTHETIC_OUTCOMES * 9);
  });
  for (const ref of reference) {
    it(`${ref.outcome} ${ref.domain}: share, SE, deff, effective n, df and bounds to 1e-11 (percent units; the issue asks 1e-9)`, () => {
      const got = designShare(totals(Number(ref.outcome!.slice(1)) - 1, ref.domain!), 0.95);
      const close = (a: number | null, b: number | null, tolerance = 1e-11): void => {
        if (b === null) return;
        expect(a).not.toBeNull();
        expect(Math.abs(a! - b)).toBeLessThan(tolerance);
      };
      close(got.share, num(ref.share));
      close(got.se, num(ref.se));
      close(got.deff, num(ref.deff));
      expect(got.df).toBe(Number(ref.df));
      // n.eff is p(1−p)/var: large, so compared relative to its size.
      close(got.effectiveN, num(ref.effective_n), 1e-11 * (num(ref.effective_n) ?? 1));
      close(got.ciLow, num(ref.ci_low));
      close(got.ciHigh, num(ref.ci_high));
      if (ref.deff === 'NA') expect(got.deff).toBeNull();
      if (ref.ci_low === 'NA') {
        // R's bounds are NaN at 0 % and 100 % (0/0); ours are Clopper–Pearson at the domain's n: [0, u] or [l, 100].
        const p = num(ref.share)!;
        expect(p === 0 || p === 100).toBe(true);
        expect(p === 0 ? got.ciLow : got.ciHigh).toBe(p);
        expect(p === 0 ? got.ciHigh! : 100 - got.ciLow!).toBeGreaterThan(0);
      }
    });
  }
});

describe('quantiles equal R', () => {
  for (const q of csv('quantiles.csv')) {
    it(`${q.fn}(${q.p}, ${q.a}, ${q.b})`, () => {
      const [p, a, b] = [Number(q.p), num(q.a), num(q.b)];
      const got = q.fn === 'qnorm' ? qnorm(p) : q.fn === 'qt' ? qt(p, a!) : qbeta(p, a!, b!);
      const want = Number(q.value);
      expect(Math.abs(got - want)).toBeLessThanOrEqual(Math.abs(want) * 1e-12);
    });
  }
  it('has the limits R has: shape 0 at the edges', () => {
    expect(qbeta(0.025, 0, 10)).toBe(0);
    expect(qbeta(0.975, 10, 0)).toBe(1);
  });
});

describe.each([
  { method: 'rake', fixture: 'raked', label: 'rake()' },
  { method: 'linear', fixture: 'linear', label: 'calibrate(calfun = "linear")' },
])('calibration: weights and svymean / svyciprop equal R $label', ({ method, fixture }) => {
  const rows = generateSyntheticWave();
  const margins = syntheticMargins(rows);
  const strataIds = [...new Set(rows.map((r) => r.stratum))];
  const regions = Object.keys(margins.region);
  const sizes = Object.keys(margins.sizeClass);
  const base = Float64Array.from(rows.map((r) => r.weight));
  const byMargin = [
    { category: Int32Array.from(rows.map((r) => regions.indexOf(r.region))), population: regions.map((k) => margins.region[k]!) },
    { category: Int32Array.from(rows.map((r) => sizes.indexOf(r.sizeClass))), population: sizes.map((k) => margins.sizeClass[k]!) },
  ];
  const result = method === 'rake' ? rakeWeights(base, byMargin) : calibrateWeights(base, byMargin);
  if (!result.ok) throw new Error('calibration failed');
  it('gives the calibrated weights to 1e-9 (relative)', () => {
    const want = csv(`${fixture}-weights.csv`);
    expect(want.length).toBe(rows.length);
    let worst = 0;
    want.forEach((w, i) => (worst = Math.max(worst, Math.abs(result.weights[i]! - Number(w.weight)) / Number(w.weight))));
    expect(worst).toBeLessThan(1e-9);
  });
  const design: CalibratedDesign = {
    weights: result.weights,
    residuals: result.residuals,
    stratum: Int32Array.from(rows.map((r) => strataIds.indexOf(r.stratum))),
    strata: strataIds.map((s) => ({ population: rows.find((r) => r.stratum === s)!.population, sampled: rows.filter((r) => r.stratum === s).length })),
  };
  for (const ref of csv(`reference-${fixture}.csv`)) {
    it(`${ref.outcome} ${ref.domain}: share, SE, deff, effective n, df and bounds to 1e-9`, () => {
      const k = Number(ref.outcome!.slice(1)) - 1;
      const member = Uint8Array.from(rows.map((r) => (r.y[k] !== null && (ref.domain === 'all' || r.domain === ref.domain) ? 1 : 0)));
      const got = calibratedShare(design, member, Uint8Array.from(rows.map((r) => r.y[k] ?? 0)), 0.95);
      const near = (a: number | null, b: string | undefined, scale = 1) => {
        if (b === 'NA' || b === undefined) return;
        expect(Math.abs(a! - Number(b))).toBeLessThan(1e-9 * scale);
      };
      near(got.share, ref.share);
      near(got.se, ref.se);
      near(got.deff, ref.deff);
      near(got.effectiveN, ref.effective_n, Number(ref.effective_n) || 1);
      near(got.ciLow, ref.ci_low);
      near(got.ciHigh, ref.ci_high);
      expect(got.df).toBe(Number(ref.df));
    });
  }
  it('reports margins that cannot be met instead of forcing them', () => {
    const out = (method === 'rake' ? rakeWeights : calibrateWeights)(base, [
      { category: byMargin[0]!.category, population: [...byMargin[0]!.population, 500] },
    ]);
    expect(out).toEqual({ ok: false, unmet: [{ margin: 0, category: 3, kind: 'no-respondents' }] });
  });
});

describe('a share whose variance is 0', () => {
  // One stratum of 40 with 40 answering, 14 of them yes; another of 30 sampled from 300, all answering no.
  const census: StratumTotals = { population: 40, sampled: 40, count: 40, w: 40, wy: 14, ww: 40, wwy: 14 };
  const allNo: StratumTotals = { population: 300, sampled: 30, count: 30, w: 300, wy: 0, ww: 3000, wwy: 0 };

  it('is known exactly when every stratum of the domain was fully enumerated: SE 0 and the interval [p, p]', () => {
    const got = designShare([census], 0.95);
    expect(got.share).toBeCloseTo(35, 12);
    expect(got.se).toBe(0);
    expect([got.ciLow, got.ciHigh]).toEqual([got.share, got.share]);
    // 0 % in a census: [0, 0], not a Clopper–Pearson width.
    expect(designShare([{ ...census, wy: 0, wwy: 0 }], 0.95)).toMatchObject({ share: 0, ciLow: 0, ciHigh: 0 });
  });

  it('keeps a width when a sampled stratum only answered alike (the variance estimator sees no spread, the sample has one)', () => {
    const got = designShare([census, allNo], 0.95);
    expect(got.se).toBe(0);
    expect(got.share! > 0 && got.share! < 100).toBe(true);
    expect(got.ciLow!).toBeLessThan(got.share!);
    expect(got.ciHigh!).toBeGreaterThan(got.share!);
  });
});
