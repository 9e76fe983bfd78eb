/** All shares, bounds and the standard error are in percent and unrounded (callers round). */
export interface ShareEstimate {
  /** Respondents who answered and chose a counted answer. */
  numerator: number;
  /** Respondents who answered the question (non-response excluded). */
  n: number;
  share: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  weightedShare: number | null;
  /** Standard error of the weighted share, in percentage points, from the Kish effective n. */
  weightedSe: number | null;
  weightedCiLow: number | null;
  weightedCiHigh: number | null;
  effectiveN: number | null;
}

export interface SurveyResponse {
  answered: boolean;
  counted: boolean;
  weight?: number;
}

export interface SurveyShareOptions {
  /** Two-sided confidence level, strictly between 0 and 1; default 0.95. */
  confidence?: number;
}

// Acklam's rational approximation of the inverse normal CDF (relative error < 1.15e-9).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

function lowerTail(q: number): number {
  return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}

function inverseNormalCdf(p: number): number {
  if (p < P_LOW) return lowerTail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - P_LOW) return -lowerTail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/** Wilson score interval for proportion p over n (n may be a non-integer effective n), as fractions. */
function wilson(p: number, n: number, z: number): { low: number; high: number } {
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0% and 100% the bound is exactly 0 or 1; the subtraction would leave rounding dust.
  const low = p === 0 ? 0 : Math.max(0, center - half);
  const high = p === 1 ? 1 : Math.min(1, center + half);
  return { low, high };
}

/** The sufficient statistics of one share, so large waves can be summed in typed-array loops. */
export interface ShareTotals {
  /** Respondents who answered the question. */
  n: number;
  /** Respondents who answered and chose a counted answer. */
  numerator: number;
  /** Σw, Σw over the counted and Σw² of the answered; null unless every answered response has a finite positive weight. */
  weights: { sum: number; countedSum: number; squaredSum: number } | null;
}

/**
 * Share of respondents choosing a counted answer among those who answered, with a Wilson
 * interval; when every answered response has a finite positive weight, also the weighted
 * share with its Kish effective n, standard error and Wilson interval over the effective n.
 * Throws RangeError when the confidence level is not strictly between 0 and 1.
 */
export function surveyShare(responses: ReadonlyArray<SurveyResponse>, options?: SurveyShareOptions): ShareEstimate {
  const answered = responses.filter((response) => response.answered);
  const numerator = answered.filter((response) => response.counted).length;
  const fullyWeighted = answered.every((response) => response.weight !== undefined && Number.isFinite(response.weight) && response.weight > 0);
  let weights: ShareTotals['weights'] = null;
  if (fullyWeighted) {
    weights = { sum: 0, countedSum: 0, squaredSum: 0 };
    for (const response of answered) {
      const weight = response.weight!;
      weights.sum += weight;
      weights.squaredSum += weight * weight;
      if (response.counted) weights.countedSum += weight;
    }
  }
  return shareFromTotals({ n: answered.length, numerator, weights }, options);
}

/** surveyShare from totals already summed (same formulas, same results). */
export function shareFromTotals(totals: ShareTotals, options?: SurveyShareOptions): ShareEstimate {
  const confidence = options?.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be strictly between 0 and 1, got ${String(confidence)}`);
  }
  const z = inverseNormalCdf(1 - (1 - confidence) / 2);
  const { n, numerator } = totals;
  const estimate: ShareEstimate = {
    numerator,
    n,
    share: null,
    ciLow: null,
    ciHigh: null,
    weightedShare: null,
    weightedSe: null,
    weightedCiLow: null,
    weightedCiHigh: null,
    effectiveN: null,
  };
  if (n === 0) return estimate;

  const p = numerator / n;
  const interval = wilson(p, n, z);
  estimate.share = p * 100;
  estimate.ciLow = interval.low * 100;
  estimate.ciHigh = interval.high * 100;

  if (totals.weights === null) return estimate;
  const { sum: weightSum, countedSum: countedWeightSum, squaredSum: squaredWeightSum } = totals.weights;
  const weightedP = countedWeightSum / weightSum;
  const effectiveN = (weightSum * weightSum) / squaredWeightSum;
  const weightedInterval = wilson(weightedP, effectiveN, z);
  estimate.weightedShare = weightedP * 100;
  estimate.weightedSe = Math.sqrt((weightedP * (1 - weightedP)) / effectiveN) * 100;
  estimate.weightedCiLow = weightedInterval.low * 100;
  estimate.weightedCiHigh = weightedInterval.high * 100;
  estimate.effectiveN = effectiveN;
  return estimate;
}
