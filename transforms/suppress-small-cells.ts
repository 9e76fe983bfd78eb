// Which breakdown cells a published table must not show: those with fewer respondents than the minimum n
// (primary), and, when exactly one cell of a dimension is suppressed, the next smallest one too (complementary),
// because the published total minus the shown groups would give the hidden one back.

/** Why a cell is hidden: min-n (too few respondents), complementary (protects a min-n cell), or null (shown). */
export type Suppression = 'min-n' | 'complementary' | null;

export function suppressSmallCells(counts: readonly number[], minN: number): Suppression[] {
  const result: Suppression[] = counts.map((n) => (n < minN ? 'min-n' : null));
  // A group with no respondents hides nothing, so it cannot protect or expose another.
  const exposed = counts.filter((n, i) => result[i] === 'min-n' && n > 0).length;
  if (exposed === 1) {
    let pick = -1;
    counts.forEach((n, i) => {
      if (result[i] === null && n > 0 && (pick < 0 || n < counts[pick]!)) pick = i;
    });
    if (pick >= 0) result[pick] = 'complementary';
  }
  return result;
}
