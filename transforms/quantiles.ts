// Exact normal, t and beta quantiles for the survey intervals. qnorm is Wichura's AS241 (PPND16), the algorithm R's
// qnorm uses (relative error ~1e-16; stdlib's is off by 2e-9 relative at 1e-10); qt and qbeta are stdlib's ports of
// Boost's inverses, equal to R's qt/qbeta to ~1e-15 (tests/design-share.test.ts, values frozen from R). An
// approximation such as Acklam's is off from the 9th digit on.
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

// AS241 coefficients (Wichura 1988, Applied Statistics 37:477–484).
const A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853,
  33430.575583588128105, 2509.0809287301226727,
];
const B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674,
  5226.495278852545925,
];
const C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177,
  0.0227238449892691845833, 7.7454501427834140764e-4,
];
const D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4,
  1.05075007164441684324e-9,
];
const E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386,
  2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7,
  2.04426310338993978564e-15,
];

function poly(c: readonly number[], x: number): number {
  let v = 0;
  for (let i = c.length - 1; i >= 0; i -= 1) v = v * x + c[i]!;
  return v;
}

/** R's qnorm(p). */
export function qnorm(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    value = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -value : value;
}

// The intervals ask for the same few (p, df) pairs again and again (one α, degrees of freedom from the cell counts):
// each is worked out once. Bounded, as a long-lived process (the scheduler) estimates run after run.
const tQuantiles = new Map<number, Map<number, number>>();
const MAX_CACHED_DF = 1 << 16;

/** R's qt(p, df); df = Infinity is the normal. */
export function qt(p: number, df: number): number {
  if (df === Infinity) return qnorm(p);
  let byDf = tQuantiles.get(p);
  if (!byDf) {
    if (tQuantiles.size >= 16) tQuantiles.clear();
    tQuantiles.set(p, (byDf = new Map()));
  }
  let value = byDf.get(df);
  if (value === undefined) {
    if (byDf.size >= MAX_CACHED_DF) byDf.clear();
    value = tQuantile(p, df);
    byDf.set(df, value);
  }
  return value;
}

/** R's qbeta(p, a, b), including its limits: a shape of 0 puts all mass at 0, b = 0 at 1. */
export function qbeta(p: number, a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b) || a < 0 || b < 0) return NaN;
  if (a === 0 && b === 0) return p < 0.5 ? 0 : p > 0.5 ? 1 : 0.5;
  if (a === 0) return 0;
  if (b === 0) return 1;
  return betaQuantile(p, a, b);
}
