// Which breakdown cells a published table must not show: those with fewer respondents than the minimum n, or
// failing a design limit when the survey withholds such cells (primary), and, when exactly one cell of a dimension is suppressed, the next smallest one too (complementary),
// because the published total minus the shown groups would give the hidden one back.

/**
 * Why a cell is hidden: min-n (too few respondents), design-effective-n / design-relative-se (the design-based
 * effective n or relative SE passes the configured limit), complementary (protects another hidden cell), or null.
 */
export type Suppression = 'min-n' | 'design-effective-n' | 'design-relative-se' | 'complementary' | null;

export function suppressSmallCells(counts: readonly number[], minN: number, byDesign: readonly Suppression[] = []): Suppression[] {
  const result: Suppression[] = counts.map((n, i) => (n < minN ? 'min-n' : (byDesign[i] ?? null)));
  // A group with no respondents hides nothing, so it cannot protect or expose another.
  const exposed = counts.filter((n, i) => result[i] !== null && n > 0).length;
  if (exposed === 1) {
    let pick = -1;
    counts.forEach((n, i) => {
      if (result[i] === null && n > 0 && (pick < 0 || n < counts[pick]!)) pick = i;
    });
    if (pick >= 0) result[pick] = 'complementary';
  }
  return result;
}
