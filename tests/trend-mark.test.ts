import { describe, it, expect } from 'vitest';
import { trendMark } from '../transforms/trend-mark.ts';

describe('trendMark', () => {
  it.each([
    [105.14, '↑'],
    [100.01, '↑'],
    [100, '→'],
    [99.99, '↓'],
    [0, '↓'],
  ])('index %s → %s', (index, mark) => {
    expect(trendMark(index)).toBe(mark);
  });

  it('gives no mark without an index', () => {
    expect(trendMark(null)).toBeNull();
    expect(trendMark(Number.NaN)).toBeNull();
  });
});
