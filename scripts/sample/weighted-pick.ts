// Seeded weighted draws for the sample generators (the same bytes on every run).
/** An index drawn with probability proportional to its weight. */
export function pickIndex(random: () => number, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i += 1) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** k members drawn without replacement, each with probability proportional to its weight (Efraimidis–Spirakis). */
export function weightedPick<T>(random: () => number, members: readonly T[], k: number, weight: (m: T) => number): Set<T> {
  const keyed = members.map((m, i) => ({ m, i, key: Math.log(random() || Number.MIN_VALUE) / weight(m) }));
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  return new Set(keyed.slice(0, k).map((x) => x.m));
}
