import { describe, it, expect } from 'vitest';
import { achievementRate, periodTotal } from '../transforms/achievement-rate.ts';

describe('periodTotal (合計 R6–R9)', () => {
  it('sums the yearly targets of a flow', () => {
    // 融資あっせん件数: the seed prints only the total 7,150; these years are illustrative.
    expect(periodTotal([1750, 1775, 1800, 1825], 'sum')).toBe(7150);
  });

  it('counts a target printed as ー (null) as 0 in a sum', () => {
    // イベント開催数 330 = ー + 100 + 110 + 120 (seed 001)
    expect(periodTotal([null, 100, 110, 120], 'sum')).toBe(330);
  });

  it('sums decimals without float drift', () => {
    expect(periodTotal([0.1, 0.2], 'sum')).toBe(0.3);
    expect(periodTotal([1.1, 2.2, 3.3, 0.4], 'sum')).toBe(7);
  });

  it('has no sum when every target is missing', () => {
    expect(periodTotal([null, null, null, null], 'sum')).toBeNull();
    expect(periodTotal([], 'sum')).toBeNull();
  });

  it('takes the end-year level of a stock (SETAGAYA PORT 累計 6,900)', () => {
    expect(periodTotal([3900, 4900, 5900, 6900], 'endLevel')).toBe(6900);
  });

  it('does not fall back to an earlier year when the end-year level is missing', () => {
    expect(periodTotal([3900, 4900, 5900, null], 'endLevel')).toBeNull();
    expect(periodTotal([], 'endLevel')).toBeNull();
  });

  it('takes the rate itself for a constant target (せたがやPay 継続利用率 75%)', () => {
    expect(periodTotal([75, 75, 75, 75], 'constant')).toBe(75);
    expect(periodTotal([null, 75, 75, 75], 'constant')).toBe(75);
    expect(periodTotal([75, 80, 80, 80], 'constant')).toBe(75);
    expect(periodTotal([null, null], 'constant')).toBeNull();
  });
});

describe('achievementRate (達成率 = R6 actual ÷ 合計 × 100, 1 decimal)', () => {
  it.each([
    // line, actual, total, printed rate
    ['融資あっせん件数', 1952, 7150, 27.3],
    ['せたがやPay アプリ利用者の継続利用率', 77, 75, 102.7],
    ['経営相談件数', 1408, 2720, 51.8],
    ['人材不足産業イベント', 170, 111, 153.2],
    ['SETAGAYA PORT 新規会員登録者数（累計）', 6701, 6900, 97.1],
    ['環境認証取得事業者数', 0, 8, 0],
  ])('%s: %s / %s = %s%%', (_line, actual, total, expected) => {
    expect(achievementRate(actual, total)).toBe(expected);
  });

  it('works on the total formed by periodTotal', () => {
    expect(achievementRate(77, periodTotal([75, 75, 75, 75], 'constant'))).toBe(102.7);
    expect(achievementRate(6701, periodTotal([3900, 4900, 5900, 6900], 'endLevel'))).toBe(97.1);
  });

  it('has no rate without an actual, without a total, or with a zero total', () => {
    expect(achievementRate(null, 7150)).toBeNull();
    expect(achievementRate(1952, null)).toBeNull();
    expect(achievementRate(2, 0)).toBeNull();
  });
});
