// The sums behind a survey share, one pass over a wave's respondents per measure: each respondent's standing in the
// measure (outside the denominator, counted or not), then its joint group's sums (n, numerator, Σw, Σwy, Σw²), and per
// stratum × joint group for a stratified design. Every floating-point sum adds the respondents of a cell in file order.
import { Role } from '../lib/survey-answer-role.ts';
import type { StratumTotals } from './design-share.ts';

export interface Accumulators {
  n: Float64Array;
  numerator: Float64Array;
  wSum: Float64Array;
  wCounted: Float64Array;
  wSquared: Float64Array;
}

/** Whether role r is in the denominator: 0 answered only, 1 also 無回答 (applicable), 2 everyone. */
function inDenominator(r: number, rule: number): boolean {
  return r === Role.Answer || rule === 2 || (rule === 1 && r === Role.NoAnswer);
}

/** Per stratum × joint group: members, Σw, Σwy, Σw², Σw²y. */
export class StratumAccumulators {
  readonly count: Float64Array;
  /** Members with y = 1 (the numerator). */
  readonly countY: Float64Array;
  readonly w: Float64Array;
  readonly wy: Float64Array;
  readonly ww: Float64Array;
  readonly wwy: Float64Array;
  constructor(size: number) {
    this.count = new Float64Array(size);
    this.countY = new Float64Array(size);
    this.w = new Float64Array(size);
    this.wy = new Float64Array(size);
    this.ww = new Float64Array(size);
    this.wwy = new Float64Array(size);
  }
  add(at: number, w: number, counted: number): void {
    this.count[at]! += 1;
    this.countY[at]! += counted;
    this.w[at]! += w;
    this.ww[at]! += w * w;
    if (counted === 1) {
      this.wy[at]! += w;
      this.wwy[at]! += w * w;
    }
  }
  /** Members and counted members per joint group, summed over the strata (counts: exact in any order). */
  countsByJointGroup(n: Float64Array, numerator: Float64Array, jointCells: number): void {
    for (let at = 0; at < this.count.length; at += 1) {
      n[at % jointCells]! += this.count[at]!;
      numerator[at % jointCells]! += this.countY[at]!;
    }
  }
  /** Stratum h's totals over the joint groups js of a cell. */
  totals(h: number, jointCells: number, js: readonly number[], population: number, sampled: number): StratumTotals {
    const t: StratumTotals = { population, sampled, count: 0, w: 0, wy: 0, ww: 0, wwy: 0 };
    for (const j of js) {
      const at = h * jointCells + j;
      t.count += this.count[at]!;
      t.w += this.w[at]!;
      t.wy += this.wy[at]!;
      t.ww += this.ww[at]!;
      t.wwy += this.wwy[at]!;
    }
    return t;
  }
}

export type Stratified = {
  acc: StratumAccumulators;
  stratumOf: Int32Array;
  jointCells: number;
  /** Raked designs only: each respondent's membership, answer and joint group, at offset in the pooled order. */
  perRespondent: { member: Uint8Array; y: Uint8Array; joint: Int32Array; offset: number } | null;
} | null;

const NOT_MEMBER = -1;
/** One buffer for every measure's standings (a measure is estimated at a time). */
let standing = new Int8Array(0);

function standingBuffer(count: number): Int8Array {
  if (standing.length < count) standing = new Int8Array(count);
  return standing.subarray(0, count);
}

/** Each respondent's standing in a single-choice measure: NOT_MEMBER (outside the denominator), 0, or 1 (counted). */
export function singleStanding(count: number, role: Int8Array, codes: Uint8Array | Int32Array, lut: Uint8Array, rule: number): Int8Array {
  const y = standingBuffer(count);
  for (let i = 0; i < count; i += 1) {
    const r = role[i]!;
    if (r === Role.Answer) {
      const code = codes[i]!;
      y[i] = code >= 0 && code < lut.length ? lut[code]! : 0;
    } else y[i] = inDenominator(r, rule) ? 0 : NOT_MEMBER;
  }
  return y;
}

/** The same for a multi-select measure: counted when any counted option's bit is set (`masks[k]` in byte column `words[k]`). */
export function multiStanding(count: number, role: Int8Array, words: Uint8Array[], masks: number[], rule: number): Int8Array {
  const y = standingBuffer(count);
  for (let i = 0; i < count; i += 1) {
    const r = role[i]!;
    if (r !== Role.Answer) {
      y[i] = inDenominator(r, rule) ? 0 : NOT_MEMBER;
      continue;
    }
    let counted = 0;
    for (let k = 0; k < words.length; k += 1) {
      if ((words[k]![i]! & masks[k]!) !== 0) {
        counted = 1;
        break;
      }
    }
    y[i] = counted;
  }
  return y;
}

/**
 * The stratified design's sums (the large-wave case): members in file order into their stratum × joint group
 * (stratum · jointCells + joint group). w² is formed per respondent, as the sums always did.
 */
export function accumulateStrata(
  acc: StratumAccumulators,
  y: Int8Array,
  stratumOf: Int32Array,
  joint: Int32Array,
  jointCells: number,
  weights: Float64Array,
): void {
  const { count, countY, w, wy, ww, wwy } = acc;
  for (let i = 0; i < y.length; i += 1) {
    const yi = y[i]!;
    if (yi === NOT_MEMBER) continue;
    const at = stratumOf[i]! * jointCells + joint[i]!;
    const wi = weights[i]!;
    const wwi = wi * wi;
    count[at]! += 1;
    w[at]! += wi;
    ww[at]! += wwi;
    if (yi === 1) {
      countY[at]! += 1;
      wy[at]! += wi;
      wwy[at]! += wwi;
    }
  }
}

/** Unweighted, Kish-weighted or raked: members into their joint group's sums (and their stratum's, per respondent). */
export function accumulate(acc: Accumulators, y: Int8Array, joint: Int32Array, weights: Float64Array | null, stratified: Stratified): void {
  const { n, numerator } = acc;
  for (let i = 0; i < y.length; i += 1) {
    const counted = y[i]!;
    if (counted === NOT_MEMBER) continue;
    const c = joint[i]!;
    n[c]! += 1;
    numerator[c]! += counted;
    if (weights === null) continue;
    const w = weights[i]!;
    acc.wSum[c]! += w;
    acc.wSquared[c]! += w * w;
    if (counted === 1) acc.wCounted[c]! += w;
    if (!stratified) continue;
    stratified.acc.add(stratified.stratumOf[i]! * stratified.jointCells + c, w, counted);
    const each = stratified.perRespondent;
    if (each) {
      each.member[each.offset + i] = 1;
      each.y[each.offset + i] = counted;
      each.joint[each.offset + i] = c;
    }
  }
}
