import { describe, it, expect } from 'vitest';
import { surveyShare, type SurveyResponse } from '../transforms/survey-share.ts';

const Z95 = 1.959963984540054;

/** `counted` respondents choosing a counted answer out of `answered`, plus `nonResponse` blanks. */
function responses(counted: number, answered: number, nonResponse = 0): SurveyResponse[] {
  return [
    ...Array.from({ length: answered }, (_, index) => ({ answered: true, counted: index < counted })),
    ...Array.from({ length: nonResponse }, () => ({ answered: false, counted: false })),
  ];
}

/** Wilson bounds in the closed form (2np + z² ± z√(z² + 4np(1−p))) / 2(n + z²), in percent. */
function wilsonPercent(p: number, n: number, z: number): [number, number] {
  const root = z * Math.sqrt(z * z + 4 * n * p * (1 - p));
  const denominator = 2 * (n + z * z);
  return [((2 * n * p + z * z - root) / denominator) * 100, ((2 * n * p + z * z + root) / denominator) * 100];
}

describe('surveyShare: unweighted share and Wilson interval', () => {
  it.each([
    // counted, answered, share %, 95% low, 95% high (hand-computed, to 2 decimals)
    [5, 20, 25, 11.19, 46.87],
    [0, 10, 0, 0, 27.75],
    [10, 10, 100, 72.25, 100],
    [1, 1, 100, 20.65, 100],
    [50, 100, 50, 40.38, 59.62],
  ])('%i of %i answered → %s%% [%s, %s]', (counted, answered, share, low, high) => {
    const estimate = surveyShare(responses(counted, answered));
    expect(estimate.numerator).toBe(counted);
    expect(estimate.n).toBe(answered);
    expect(estimate.share).toBe(share);
    expect(estimate.ciLow).toBeCloseTo(low, 2);
    expect(estimate.ciHigh).toBeCloseTo(high, 2);
  });

  it('puts the bound exactly at 0% and 100% at the extremes', () => {
    expect(surveyShare(responses(0, 10)).ciLow).toBe(0);
    expect(surveyShare(responses(10, 10)).ciHigh).toBe(100);
  });

  it('excludes non-response from the denominator', () => {
    // 3 黒字, 2 赤字/収支均衡, 5 無回答
    const estimate = surveyShare(responses(3, 5, 5));
    expect(estimate).toMatchObject({ numerator: 3, n: 5, share: 60 });
  });

  it('does not count a counted answer from a respondent marked as not answering', () => {
    const estimate = surveyShare([
      { answered: true, counted: true },
      { answered: true, counted: false },
      { answered: false, counted: true },
    ]);
    expect(estimate).toMatchObject({ numerator: 1, n: 2, share: 50 });
  });

  it('returns no share and no interval when nobody answered', () => {
    expect(surveyShare(responses(0, 0, 4))).toEqual({
      numerator: 0,
      n: 0,
      share: null,
      ciLow: null,
      ciHigh: null,
      weightedShare: null,
      weightedSe: null,
      weightedCiLow: null,
      weightedCiHigh: null,
      effectiveN: null,
    });
    expect(surveyShare([]).share).toBeNull();
  });

  it('leaves values unrounded', () => {
    expect(surveyShare(responses(1, 3)).share).toBe((1 / 3) * 100);
  });
});

describe('surveyShare: confidence level', () => {
  // At 0/n the Wilson upper bound is z² / (n + z²), so z can be read back from it.
  const zFromEmptyShare = (confidence?: number): number => {
    const high = surveyShare(responses(0, 10), confidence === undefined ? undefined : { confidence }).ciHigh! / 100;
    return Math.sqrt((10 * high) / (1 - high));
  };

  it.each([
    [0.95, 1.959964],
    [0.99, 2.575829],
    [0.9, 1.644854],
    [0.8, 1.281552],
    [0.999, 3.290527],
  ])('confidence %s uses z = %s', (confidence, z) => {
    expect(zFromEmptyShare(confidence)).toBeCloseTo(z, 6);
  });

  it('defaults to 95%', () => {
    expect(zFromEmptyShare()).toBeCloseTo(1.959964, 6);
  });

  it('widens the interval at 99%', () => {
    const estimate = surveyShare(responses(5, 20), { confidence: 0.99 });
    const [low, high] = wilsonPercent(0.25, 20, 2.5758293035489);
    expect(estimate.ciLow).toBeCloseTo(low, 6);
    expect(estimate.ciHigh).toBeCloseTo(high, 6);
    expect(estimate.ciLow).toBeCloseTo(8.74, 2);
    expect(estimate.ciHigh).toBeCloseTo(53.72, 2);
  });

  it.each([0, 1, -0.5, 1.5, Number.NaN])('rejects confidence %s', (confidence) => {
    expect(() => surveyShare(responses(1, 2), { confidence })).toThrow(RangeError);
  });
});

describe('surveyShare: weighted share', () => {
  // Five answered (weights 2, 1, 1, 4, 0.5; the 1st and 3rd chose a counted answer) and one
  // non-response whose missing weight does not matter.
  const weighted: SurveyResponse[] = [
    { answered: true, counted: true, weight: 2 },
    { answered: true, counted: false, weight: 1 },
    { answered: true, counted: true, weight: 1 },
    { answered: true, counted: false, weight: 4 },
    { answered: true, counted: false, weight: 0.5 },
    { answered: false, counted: false },
  ];

  it('gives the weighted share, Kish effective n, SE and Wilson interval over the effective n', () => {
    const weightSum = 2 + 1 + 1 + 4 + 0.5; // 8.5
    const p = (2 + 1) / weightSum; // 0.352941…
    const effectiveN = (weightSum * weightSum) / (4 + 1 + 1 + 16 + 0.25); // 72.25 / 22.25 = 3.247…
    const [low, high] = wilsonPercent(p, effectiveN, Z95);

    const estimate = surveyShare(weighted);
    expect(estimate.numerator).toBe(2);
    expect(estimate.n).toBe(5);
    expect(estimate.share).toBe(40);
    expect(estimate.weightedShare).toBeCloseTo(p * 100, 10);
    expect(estimate.effectiveN).toBeCloseTo(effectiveN, 10);
    expect(estimate.weightedSe).toBeCloseTo(Math.sqrt((p * (1 - p)) / effectiveN) * 100, 10);
    expect(estimate.weightedCiLow).toBeCloseTo(low, 6);
    expect(estimate.weightedCiHigh).toBeCloseTo(high, 6);
    // the same, as printed to 2 decimals
    expect(estimate.weightedShare).toBeCloseTo(35.29, 2);
    expect(estimate.effectiveN).toBeCloseTo(3.25, 2);
    expect(estimate.weightedSe).toBeCloseTo(26.52, 2);
  });

  it('matches the unweighted figures when all weights are equal', () => {
    const equal = responses(5, 20).map((response) => ({ ...response, weight: 3 }));
    const estimate = surveyShare(equal);
    expect(estimate.weightedShare).toBeCloseTo(25, 10);
    expect(estimate.effectiveN).toBeCloseTo(20, 10);
    expect(estimate.weightedCiLow).toBeCloseTo(estimate.ciLow!, 10);
    expect(estimate.weightedCiHigh).toBeCloseTo(estimate.ciHigh!, 10);
  });

  it('puts the weighted bound exactly at 0% when nobody chose a counted answer', () => {
    const none = responses(0, 4).map((response, index) => ({ ...response, weight: index + 1 }));
    const estimate = surveyShare(none);
    expect(estimate.weightedShare).toBe(0);
    expect(estimate.weightedCiLow).toBe(0);
    expect(estimate.weightedSe).toBe(0);
  });

  it.each([
    ['a missing weight', undefined],
    ['a zero weight', 0],
    ['a negative weight', -1],
    ['a NaN weight', Number.NaN],
    ['an infinite weight', Number.POSITIVE_INFINITY],
  ])('leaves the weighted fields empty when an answered response has %s', (_case, weight) => {
    const withBadWeight: SurveyResponse[] = [
      { answered: true, counted: true, weight: 2 },
      weight === undefined ? { answered: true, counted: false } : { answered: true, counted: false, weight },
    ];
    const estimate = surveyShare(withBadWeight);
    expect(estimate.share).toBe(50);
    expect(estimate).toMatchObject({
      weightedShare: null,
      weightedSe: null,
      weightedCiLow: null,
      weightedCiHigh: null,
      effectiveN: null,
    });
  });
});
