// The design-based share of a domain in a stratified single-stage sample with a finite population correction, as
// R's survey package computes it for svydesign(ids = ~1, strata = ~h, weights = ~w, fpc = ~N): the ratio
// (Horvitz–Thompson) estimate, its Taylor-linearised variance, the design effect, the design-based effective n and
// the Korn–Graubard interval of svyciprop(method = "beta"). Formulas and references: docs/industry-survey.md §6.
import { qbeta, qnorm, qt } from './quantiles.ts';

/** One stratum's sufficient statistics for one domain (members = respondents in the domain and the denominator). */
export interface StratumTotals {
  /** N_h: establishments in the stratum (sampling frame). */
  population: number;
  /** n_h: respondents in the stratum in the whole wave (the design's sample size, domain or not). */
  sampled: number;
  /** Domain members in the stratum. */
  count: number;
  /** Σw, Σw·y, Σw², Σw²·y over the domain members (y = 1 when a counted answer is chosen). */
  w: number;
  wy: number;
  ww: number;
  wwy: number;
}

/** Shares, SE and bounds in percent, unrounded; null where undefined (no members; deff at 0 % or 100 %). */
export interface DesignShare {
  share: number | null;
  se: number | null;
  deff: number | null;
  /** p(1 − p) / var (svyciprop's n.eff before its degrees-of-freedom factor); null at 0 % / 100 %. */
  effectiveN: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Degrees of freedom (domain members − strata with members), R's degf of the domain. */
  df: number;
}

/** A domain's ratio estimate and linearised variance: what its SE, deff, effective n and interval are made from. */
export interface DesignMoments {
  p: number;
  variance: number;
  members: number;
  weightSum: number;
  df: number;
  /** The design's row count R's svyciprop uses (the domain's members, or every respondent for a calibrated design). */
  rows: number;
  /** Every stratum with domain members was fully enumerated (n_h = N_h): the share has no sampling error. */
  enumerated: boolean;
}

/** A domain without members (or without weight): only its degrees of freedom. */
export interface EmptyDomain {
  p: null;
  df: number;
}

export function designShare(strata: readonly StratumTotals[], confidence: number): DesignShare {
  return designStatistics(designMoments(strata), confidence);
}

/** The ratio estimate and its Taylor-linearised variance (stratified, with fpc) from the strata's sums. */
export function designMoments(strata: readonly StratumTotals[]): DesignMoments | EmptyDomain {
  let members = 0;
  let strataWithMembers = 0;
  let total = 0;
  let weighted = 0;
  let enumerated = true;
  for (const s of strata) {
    if (s.count === 0) continue;
    members += s.count;
    strataWithMembers += 1;
    total += s.wy;
    weighted += s.w;
    if (s.sampled < s.population) enumerated = false;
  }
  const df = members - strataWithMembers;
  if (members === 0 || weighted <= 0) return { p: null, df };
  const p = total / weighted;
  // Σ_h (1 − f_h) n_h/(n_h − 1) Σ_i (z_i − z̄_h)², z_i = w_i (y_i − p) for members and 0 for the stratum's others.
  let variance = 0;
  for (const s of strata) {
    if (s.count === 0 || s.sampled < 2) continue;
    const sum = s.wy - p * s.w;
    const squares = (1 - 2 * p) * s.wwy + p * p * s.ww;
    const fpc = (s.population - s.sampled) / s.population;
    variance += fpc * (s.sampled / (s.sampled - 1)) * (squares - (sum * sum) / s.sampled);
  }
  return { p, variance: variance / (weighted * weighted), members, weightSum: weighted, df, rows: members, enumerated };
}

/**
 * SE, deff, effective n and (unless `interval` is false: its beta quantiles are most of the estimate's time, and a
 * suppressed cell or a revision comparison never shows it) the Korn–Graubard interval. Shared with the calibrated design.
 */
export function designStatistics(d: DesignMoments | EmptyDomain, confidence: number, interval = true): DesignShare {
  if (d.p === null) return { share: null, se: null, deff: null, effectiveN: null, ciLow: null, ciHigh: null, df: d.df };
  const { p, members, df } = d;
  // Rounding can leave −1e-20 where every member answers alike.
  const variance = d.variance < 0 ? 0 : d.variance;
  // svymean(deff = TRUE): the variance of a simple random sample of the domain's size without replacement.
  const srs = ((p * (1 - p) * members) / (members - 1)) * ((d.weightSum - members) / (d.weightSum * members));
  // R: NaN at 0 % / 100 % (0/0) and NA when the weights sum to less than the respondents.
  const deff = p > 0 && p < 1 && members > 1 && d.weightSum > members ? variance / srs : null;
  const effectiveN = variance > 0 ? (p * (1 - p)) / variance : null;
  const bounds = interval ? designInterval(d, confidence) : { ciLow: null, ciHigh: null };
  return { share: p * 100, se: Math.sqrt(variance) * 100, deff, effectiveN, ...bounds, df };
}

/** The Korn–Graubard bounds in percent (null where undefined: fewer than 2 members or df < 1). */
export function designInterval(d: DesignMoments, confidence: number): { ciLow: number | null; ciHigh: number | null } {
  const interval = kornGraubard(d, d.variance < 0 ? 0 : d.variance, confidence);
  return interval ? { ciLow: interval.low * 100, ciHigh: interval.high * 100 } : { ciLow: null, ciHigh: null };
}

/**
 * svyciprop(method = "beta") of survey 4.1: Clopper–Pearson bounds at n.eff = p(1 − p)/var, scaled by
 * (qt(α/2, rows − 1) / qt(α/2, df))² with rows = nrow(design) and df = degf; null when df < 1. Where the variance is 0:
 * a domain whose strata were all fully enumerated is known exactly, [p, p] (R: NaN at 0 % / 100 %, else [0.5, 0.5] from
 * qbeta at n.eff = ∞); otherwise (0 % / 100 %, or every sampled stratum answering alike) n.eff is the domain's m itself
 * with the same factor, so the interval keeps a width (R: NaN, or [0.5, 0.5]).
 */
function kornGraubard(d: DesignMoments, variance: number, confidence: number): { low: number; high: number } | null {
  const { p, members, rows, df } = d;
  if (members < 2 || df < 1) return null;
  if (variance === 0 && d.enumerated) return { low: p, high: p };
  const alpha = 1 - confidence;
  const ratio = qt(alpha / 2, rows - 1) / qt(alpha / 2, df);
  const nEff = (variance > 0 ? (p * (1 - p)) / variance : members) * ratio * ratio;
  return { low: qbeta(alpha / 2, nEff * p, nEff * (1 - p) + 1), high: qbeta(1 - alpha / 2, nEff * p + 1, nEff * (1 - p)) };
}
