// Raking (iterative proportional fitting) of design weights to known population margins, as R's survey::rake does
// it with its defaults: each pass post-stratifies to every margin in turn (prob ← prob ÷ (N_c ÷ Σw_c)); passes stop
// when the weighted cross-table of all margins moves by less than epsilon = 1 (at most 10 passes). A category with
// respondents but no population, or a population but no respondents, cannot be met: nothing is forced, it is returned.

export interface RakeMargin {
  /** Each respondent's category index (0 … population.length − 1). */
  category: Int32Array;
  /** Known population total of each category. */
  population: readonly number[];
}

export interface RakeStep {
  category: Int32Array;
  /** Respondents per category (for the variance's category means). */
  count: Float64Array;
  /** Weights right after this margin's post-stratification in the last pass (R's attr(margin, "weights")). */
  weights: Float64Array;
}

export type RakeResult =
  | { ok: true; weights: Float64Array; steps: RakeStep[]; passes: number; residuals: (z: Float64Array) => void }
  | { ok: false; unmet: { margin: number; category: number; kind: 'no-respondents' | 'no-population' }[]; passes?: number; converged?: false };

export function rakeWeights(
  base: Float64Array,
  margins: readonly RakeMargin[],
  control: { epsilon: number; maxit: number } = { epsilon: 1, maxit: 10 },
): RakeResult {
  const n = base.length;
  const unmet: { margin: number; category: number; kind: 'no-respondents' | 'no-population' }[] = [];
  margins.forEach((m, k) => {
    const seen = new Float64Array(m.population.length);
    for (let i = 0; i < n; i += 1) seen[m.category[i]!]! += base[i]!;
    m.population.forEach((pop, c) => {
      if (pop > 0 && seen[c] === 0) unmet.push({ margin: k, category: c, kind: 'no-respondents' });
      if (!(pop > 0) && seen[c]! > 0) unmet.push({ margin: k, category: c, kind: 'no-population' });
    });
  });
  if (unmet.length > 0) return { ok: false, unmet };
  let total = 0;
  for (let i = 0; i < n; i += 1) total += base[i]!;
  const epsilon = control.epsilon < 1 ? control.epsilon * total : control.epsilon;
  // R keeps 1/w (design$prob) and divides it; the same arithmetic keeps the weights equal to the last bit.
  const prob = new Float64Array(n);
  for (let i = 0; i < n; i += 1) prob[i] = 1 / base[i]!;
  const strides: number[] = [];
  let cells = 1;
  for (const m of margins) {
    strides.push(cells);
    cells *= m.population.length;
  }
  const cellOf = new Int32Array(n);
  margins.forEach((m, k) => {
    for (let i = 0; i < n; i += 1) cellOf[i]! += m.category[i]! * strides[k]!;
  });
  const table = (): Float64Array => {
    const t = new Float64Array(cells);
    for (let i = 0; i < n; i += 1) t[cellOf[i]!]! += 1 / prob[i]!;
    return t;
  };
  let old = table();
  let steps: RakeStep[] = [];
  let passes = 0;
  while (passes < control.maxit) {
    steps = margins.map((m) => {
      const sample = new Float64Array(m.population.length);
      const count = new Float64Array(m.population.length);
      for (let i = 0; i < n; i += 1) {
        sample[m.category[i]!]! += 1 / prob[i]!;
        count[m.category[i]!]! += 1;
      }
      const weights = new Float64Array(n);
      for (let i = 0; i < n; i += 1) {
        const c = m.category[i]!;
        prob[i] = prob[i]! / (m.population[c]! / sample[c]!);
        weights[i] = 1 / prob[i]!;
      }
      return { category: m.category, count, weights };
    });
    const next = table();
    let delta = 0;
    for (let c = 0; c < cells; c += 1) delta = Math.max(delta, Math.abs(old[c]! - next[c]!));
    if (delta < epsilon) {
      const final = steps;
      return { ok: true, weights: steps.at(-1)!.weights, steps, passes: passes + 1, residuals: (z) => rakeResiduals(z, final) };
    }
    old = next;
    passes += 1;
  }
  return { ok: false, unmet: [], passes, converged: false };
}

/** svyrecvar for a "raking" design: z ← z − psw · ave(z/psw, margin) for each margin, 10 rounds. */
function rakeResiduals(z: Float64Array, steps: readonly RakeStep[]): void {
  const n = z.length;
  for (let round = 0; round < 10; round += 1) {
    for (const step of steps) {
      const mean = new Float64Array(step.count.length);
      for (let i = 0; i < n; i += 1) mean[step.category[i]!]! += z[i]! / step.weights[i]!;
      for (let c = 0; c < mean.length; c += 1) if (step.count[c]! > 0) mean[c]! /= step.count[c]!;
      for (let i = 0; i < n; i += 1) z[i]! -= step.weights[i]! * mean[step.category[i]!]!;
    }
  }
}
