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

/** A published breakdown cell as suppression sees it. */
export interface SuppressibleCell {
  dimension: string;
  groupCode: string;
  estimate: { n: number };
  suppression: Suppression;
}

/**
 * Cells hidden across the measures of one question. Measures counting answers to the same question over different
 * denominators (answered / applicable / all) publish the same answers over different n, so a group hidden in one and
 * shown in another gives the hidden share back (14 of 30 shown beside n = 28 hidden: 14 / 28). A group hidden in any
 * of them is hidden in all (complementary), and each dimension is protected again as suppressSmallCells does, until
 * nothing changes. `measures` holds each measure's breakdown cells (the total is never hidden); they are updated in place.
 */
export function suppressAcrossMeasures(measures: readonly (readonly SuppressibleCell[])[]): void {
  const key = (c: SuppressibleCell) => `${c.dimension}\u0000${c.groupCode}`;
  for (let changed = true; changed;) {
    changed = false;
    const hidden = new Set(measures.flatMap((cells) => cells.filter((c) => c.suppression !== null && c.estimate.n > 0).map(key)));
    for (const cells of measures) {
      for (const c of cells) {
        if (c.suppression !== null || c.estimate.n === 0 || !hidden.has(key(c))) continue;
        c.suppression = 'complementary';
        changed = true;
      }
      for (const dimension of new Set(cells.map((c) => c.dimension))) {
        const own = cells.filter((c) => c.dimension === dimension);
        const protectedAgain = suppressSmallCells(
          own.map((c) => c.estimate.n),
          0,
          own.map((c) => c.suppression),
        );
        own.forEach((c, i) => {
          if (c.suppression !== protectedAgain[i]) {
            c.suppression = protectedAgain[i]!;
            changed = true;
          }
        });
      }
    }
  }
}
