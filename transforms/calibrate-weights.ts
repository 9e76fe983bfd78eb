// Linear (GREG) calibration of design weights to known population margins, as R's survey::calibrate(…, calfun =
// "linear") without bounds: g_i = 1 + x_i'T⁻¹(t_x − Σ w x), T = Σ w x x', x = (1, one indicator per category but the
// first of each margin). Its variance residuals (svyrecvar's greg_calibration): z_i ← z_i − g_i w_i x_i'b with
// b = T⁻¹ Σ x_j z_j / g_j, the weighted least-squares residual of z/(g√w) on x√w times g√w.
import type { RakeMargin } from './rake-weights.ts';

export type CalibrationResult =
  | { ok: true; weights: Float64Array; residuals: (z: Float64Array) => void; negative: number }
  | { ok: false; unmet: { margin: number; category: number; kind: 'no-respondents' | 'no-population' }[]; passes?: number; converged?: false };

export function calibrateWeights(base: Float64Array, margins: readonly RakeMargin[]): CalibrationResult {
  const n = base.length;
  const unmet: { margin: number; category: number; kind: 'no-respondents' | 'no-population' }[] = [];
  // Columns: the intercept, then (margin, category ≥ 1) for categories with a population or respondents.
  const columns: { margin: number; category: number }[] = [];
  margins.forEach((m, k) => {
    const seen = new Float64Array(m.population.length);
    for (let i = 0; i < n; i += 1) seen[m.category[i]!]! += 1;
    m.population.forEach((pop, c) => {
      if (pop > 0 && seen[c] === 0) unmet.push({ margin: k, category: c, kind: 'no-respondents' });
      else if (!(pop > 0) && seen[c]! > 0) unmet.push({ margin: k, category: c, kind: 'no-population' });
      else if (c > 0 && seen[c]! > 0) columns.push({ margin: k, category: c });
    });
  });
  if (unmet.length > 0) return { ok: false, unmet };
  const k = columns.length + 1;
  const x = (i: number, j: number): number => (j === 0 ? 1 : margins[columns[j - 1]!.margin]!.category[i] === columns[j - 1]!.category ? 1 : 0);
  const total = margins[0]!.population.reduce((a, b) => a + b, 0);
  const target = [total, ...columns.map((c) => margins[c.margin]!.population[c.category]!)];
  const T = Array.from({ length: k }, () => new Float64Array(k));
  const sample = new Float64Array(k);
  const row = new Float64Array(k);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < k; j += 1) row[j] = x(i, j);
    for (let a = 0; a < k; a += 1) {
      if (row[a] === 0) continue;
      sample[a]! += base[i]!;
      for (let b = 0; b < k; b += 1) if (row[b] !== 0) T[a]![b]! += base[i]!;
    }
  }
  const lambda = solve(
    T,
    target.map((t, j) => t - sample[j]!),
  );
  if (!lambda) return { ok: false, unmet: [] };
  const g = new Float64Array(n);
  const weights = new Float64Array(n);
  let negative = 0;
  for (let i = 0; i < n; i += 1) {
    let v = 1;
    for (let j = 0; j < k; j += 1) v += x(i, j) * lambda[j]!;
    g[i] = v;
    // R keeps prob = 1/w and divides it by g.
    weights[i] = 1 / (1 / base[i]! / v);
    if (weights[i]! <= 0) negative += 1;
  }
  const residuals = (z: Float64Array): void => {
    const xz = new Array<number>(k).fill(0);
    for (let i = 0; i < n; i += 1) {
      if (z[i] === 0) continue;
      for (let j = 0; j < k; j += 1) xz[j]! += (x(i, j) * z[i]!) / g[i]!;
    }
    const b = solve(T, xz)!;
    for (let i = 0; i < n; i += 1) {
      let fit = 0;
      for (let j = 0; j < k; j += 1) fit += x(i, j) * b[j]!;
      z[i]! -= g[i]! * base[i]! * fit;
    }
  };
  return { ok: true, weights, residuals, negative };
}

/** Solves A v = r by Gaussian elimination with partial pivoting (A is small: 1 + Σ(categories − 1)); null if singular. */
function solve(A: readonly Float64Array[], r: readonly number[]): number[] | null {
  const k = r.length;
  const m = A.map((row, i) => [...row, r[i]!]);
  for (let c = 0; c < k; c += 1) {
    let pivot = c;
    for (let i = c + 1; i < k; i += 1) if (Math.abs(m[i]![c]!) > Math.abs(m[pivot]![c]!)) pivot = i;
    if (Math.abs(m[pivot]![c]!) < 1e-12 * Math.max(1, Math.abs(m[0]![0]!))) return null;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let i = 0; i < k; i += 1) {
      if (i === c) continue;
      const f = m[i]![c]! / m[c]![c]!;
      if (f === 0) continue;
      for (let j = c; j <= k; j += 1) m[i]![j]! -= f * m[c]![j]!;
    }
  }
  return m.map((row, i) => row[k]! / row[i]!);
}
