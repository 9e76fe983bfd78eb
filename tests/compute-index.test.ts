import { describe, it, expect } from 'vitest';
import { computeIndex } from '../transforms/compute-index.ts';

describe('computeIndex (指数 = actual ÷ baseline × 100, 2 decimals)', () => {
  it.each([
    // measure, baseline, actual, printed index
    ['区内の黒字決算事業者の割合 (baseline printed 51, unrounded 50.6)', 50.6, 53.2, 105.14],
    ['seed check 71.8 → 77.4 (printed 107.80)', 71.8, 77.4, 107.8],
    ['区内倒産事業者数 (lower is better, plain ratio, printed 118.00)', 50, 59, 118],
    ['seed check 176 → 454', 176, 454, 257.95],
    ['seed check 20,359,824 → 36,973,259', 20359824, 36973259, 181.6],
    ['unchanged', 40, 40, 100],
  ])('%s', (_measure, baseline, actual, expected) => {
    expect(computeIndex(actual, baseline)).toBe(expected);
  });

  it('uses the unrounded baseline: 51 would give a different index', () => {
    expect(computeIndex(53.2, 51)).toBe(104.31);
    expect(computeIndex(53.2, 50.6)).not.toBe(computeIndex(53.2, 51));
  });

  it('gives no index without a value, without a baseline, or with a zero baseline', () => {
    expect(computeIndex(12, 0)).toBeNull();
    expect(computeIndex(null, 50)).toBeNull();
    expect(computeIndex(50, null)).toBeNull();
    expect(computeIndex(null, null)).toBeNull();
  });

  it('keeps a zero actual as index 0', () => {
    expect(computeIndex(0, 25)).toBe(0);
  });
});
