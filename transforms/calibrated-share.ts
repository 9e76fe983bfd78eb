// The design-based share of a domain on a calibrated design, as R's survey package computes svymean/svyciprop on
// rake(…) or calibrate(…) of svydesign(ids = ~1, strata, weights, fpc): the ratio estimate with the calibrated
// weights; the linearised values z_i = δ_i w_i (y_i − p)/N̂ made residuals of the calibration (the design's
// `residuals`: rake-weights.ts or calibrate-weights.ts, as svyrecvar does); then the stratified variance with fpc.
import { designStatistics, type DesignMoments, type DesignShare, type EmptyDomain } from './design-share.ts';

export interface CalibratedDesign {
  /** Calibrated weights, per respondent (the design's global order). */
  weights: Float64Array;
  /** Replaces z by its residuals of the calibration variables, in place. */
  residuals: (z: Float64Array) => void;
  stratum: Int32Array;
  strata: readonly { population: number; sampled: number }[];
}

export function calibratedShare(design: CalibratedDesign, member: Uint8Array, y: Uint8Array, confidence: number): DesignShare {
  return designStatistics(calibratedMoments(design, member, y), confidence);
}

/** The ratio estimate with the calibrated weights and the variance of its calibration residuals. */
export function calibratedMoments(design: CalibratedDesign, member: Uint8Array, y: Uint8Array): DesignMoments | EmptyDomain {
  const n = design.weights.length;
  let members = 0;
  let weightSum = 0;
  let total = 0;
  const withMembers = new Set<number>();
  for (let i = 0; i < n; i += 1) {
    if (member[i] !== 1) continue;
    members += 1;
    weightSum += design.weights[i]!;
    total += design.weights[i]! * y[i]!;
    withMembers.add(design.stratum[i]!);
  }
  const df = members - withMembers.size;
  if (members === 0 || weightSum <= 0) return { p: null, df };
  const p = total / weightSum;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i += 1) if (member[i] === 1) z[i] = (design.weights[i]! * (y[i]! - p)) / weightSum;
  design.residuals(z);
  const sums = new Float64Array(design.strata.length);
  const squares = new Float64Array(design.strata.length);
  for (let i = 0; i < n; i += 1) {
    sums[design.stratum[i]!]! += z[i]!;
    squares[design.stratum[i]!]! += z[i]! * z[i]!;
  }
  let variance = 0;
  design.strata.forEach((s, h) => {
    if (s.sampled < 2) return;
    const fpc = (s.population - s.sampled) / s.population;
    variance += fpc * (s.sampled / (s.sampled - 1)) * (squares[h]! - (sums[h]! * sums[h]!) / s.sampled);
  });
  const enumerated = [...withMembers].every((h) => design.strata[h]!.sampled >= design.strata[h]!.population);
  return { p, variance, members, weightSum, df, rows: n, enumerated };
}
