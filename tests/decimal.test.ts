import { describe, it, expect } from 'vitest';
import { percentOf, roundHalfUp } from '../lib/decimal.ts';

describe('roundHalfUp', () => {
  it.each([
    // value, decimals, expected — halves that binary floats store just below the midpoint
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [1.045, 2, 1.05],
    [8.345, 2, 8.35],
    [0.5, 0, 1],
    [2.5, 0, 3],
    [105.135, 2, 105.14],
    [1.004999, 2, 1],
    [123.456, 0, 123],
  ])('roundHalfUp(%s, %i) = %s', (value, decimals, expected) => {
    expect(roundHalfUp(value, decimals)).toBe(expected);
  });

  it('rounds negative halves away from zero, as Excel ROUND does', () => {
    expect(roundHalfUp(-1.5, 0)).toBe(-2);
    expect(roundHalfUp(-1.005, 2)).toBe(-1.01);
    expect(roundHalfUp(-0.4, 0)).toBe(0);
    expect(Object.is(roundHalfUp(-0.4, 0), 0)).toBe(true);
  });

  it('accepts decimal strings, including ones with more digits than a float holds', () => {
    expect(roundHalfUp('1.005', 2)).toBe(1.01);
    // As a float this string would be 2.5 and round to 3.
    expect(roundHalfUp(' 2.4999999999999999999 ', 0)).toBe(2);
  });

  it('gives a number with no more places than asked as it is, exactly as the decimal path does', () => {
    const values = [0, -0, 1, -1, 0.5, 1.25, -2.675, 105.14, 1234567.891, 0.1 + 0.2, 1e-7, 1.5e-10, 123456789012345680000, 2 ** -20, 99.99];
    for (const value of values) {
      for (let decimals = 0; decimals <= 8; decimals++) {
        // A string always takes the decimal.js path: the same decimal as String(value), rounded there.
        expect(Object.is(roundHalfUp(value, decimals), roundHalfUp(String(value), decimals)), `${value} to ${decimals}`).toBe(true);
      }
    }
    expect(Object.is(roundHalfUp(-0, 2), 0)).toBe(true);
  });

  it('rejects values that are not numbers', () => {
    expect(() => roundHalfUp(Number.NaN, 2)).toThrow(RangeError);
    expect(() => roundHalfUp(Number.POSITIVE_INFINITY, 2)).toThrow(RangeError);
    expect(() => roundHalfUp('abc', 2)).toThrow(RangeError);
    expect(() => roundHalfUp(1.5, -1)).toThrow(RangeError);
    expect(() => roundHalfUp(1.5, 1.5)).toThrow(RangeError);
  });
});

describe('percentOf', () => {
  it.each([
    // numerator, denominator, decimals, expected
    [53.2, 50.6, 2, 105.14],
    [1952, 7150, 1, 27.3],
    [77, 75, 1, 102.7],
    [1, 3, 2, 33.33],
    [2, 3, 2, 66.67],
    [1, 8, 1, 12.5],
    [1, 16, 1, 6.3], // 6.25 exactly: half-up, not banker's
    [-1, 16, 1, -6.3],
    [0, 8, 1, 0],
    [0.1 + 0.2, 0.3, 0, 100], // 0.30000000000000004 / 0.3 = 100.00000000000001%
  ])('%s ÷ %s × 100 to %i places = %s', (numerator, denominator, decimals, expected) => {
    expect(percentOf(numerator, denominator, decimals)).toBe(expected);
  });

  it('gives null for a zero denominator or non-finite inputs', () => {
    expect(percentOf(5, 0, 2)).toBeNull();
    expect(percentOf(0, 0, 2)).toBeNull();
    expect(percentOf(Number.NaN, 5, 2)).toBeNull();
    expect(percentOf(5, Number.POSITIVE_INFINITY, 2)).toBeNull();
    expect(percentOf(Number.NEGATIVE_INFINITY, 5, 2)).toBeNull();
  });

  it('decides the midpoint exactly even when the quotient repeats', () => {
    // 1/6 × 100 = 16.666…; 1/80 × 100 = 1.25 exactly
    expect(percentOf(1, 6, 3)).toBe(16.667);
    expect(percentOf(1, 80, 1)).toBe(1.3);
    expect(percentOf(1, 800, 2)).toBe(0.13);
  });
});
