// A group hidden in one measure of a question stays hidden in every measure of that question: the same answers over
// another denominator would give its share back (found by checking new survey designs: 14 of 30 shown beside n = 28).
import { describe, expect, it } from 'vitest';
import { suppressAcrossMeasures, suppressSmallCells, type SuppressibleCell } from '../transforms/suppress-small-cells.ts';

function measure(ns: Record<string, number>, minN = 30): SuppressibleCell[] {
  const groups = Object.entries(ns);
  const suppression = suppressSmallCells(
    groups.map(([, n]) => n),
    minN,
  );
  return groups.map(([code, n], i) => ({ dimension: 'region', groupCode: code, estimate: { n }, suppression: suppression[i]! }));
}

const hiddenCodes = (cells: readonly SuppressibleCell[]) => cells.filter((c) => c.suppression !== null).map((c) => [c.groupCode, c.suppression]);

describe('suppressAcrossMeasures', () => {
  it('hides in the all-respondents measure what the answered measure hides, with its complementary cell', () => {
    const answered = measure({ r1: 80, r2: 45, r6: 28 });
    const all = measure({ r1: 82, r2: 47, r6: 30 });
    expect(hiddenCodes(answered)).toEqual([
      ['r2', 'complementary'],
      ['r6', 'min-n'],
    ]);
    expect(hiddenCodes(all)).toEqual([]);
    suppressAcrossMeasures([answered, all]);
    expect(hiddenCodes(all)).toEqual([
      ['r2', 'complementary'],
      ['r6', 'complementary'],
    ]);
    expect(hiddenCodes(answered)).toEqual([
      ['r2', 'complementary'],
      ['r6', 'min-n'],
    ]);
  });

  it('protects a dimension again when the union leaves one hidden cell in a measure, hides nothing with no respondents, and carries complementary cells back', () => {
    // Hidden by its own size in the first measure only; the second measure's r3 has no respondents and hides nothing.
    const first = measure({ r1: 100, r2: 90, r3: 10, r4: 5 });
    const second = measure({ r1: 100, r2: 90, r3: 0, r4: 40 });
    suppressAcrossMeasures([first, second]);
    // r3 has no respondents there: marked min-n as every empty group is, it protects nothing and needs no protection.
    expect(hiddenCodes(second)).toEqual([
      ['r2', 'complementary'],
      ['r3', 'min-n'],
      ['r4', 'complementary'],
    ]);
    // r2 protects r4 in the second measure, so the first hides it too: shown there, it would give r4 back here.
    expect(hiddenCodes(first)).toEqual([
      ['r2', 'complementary'],
      ['r3', 'min-n'],
      ['r4', 'min-n'],
    ]);
  });
});
