// One value per measure and fiscal year. Two inputs that disagree are a conflict: the value is not
// published (never a silent pick) and the user is told which files disagree.
import { issueOf } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import type { Gap, Observation } from '../lib/observation.ts';

// A gap (a source that could not form the value: a month missing) stands where no input gave a value.
export type ResolvedObservation =
  { status: 'observed'; observation: Observation } | { status: 'conflict'; observations: Observation[] } | { status: Gap['status']; gap: Gap };

export interface ObservationIndex {
  get(measureId: string, fiscalYear: number): ResolvedObservation | undefined;
  fiscalYears: number[];
}

export function resolveObservations(observations: readonly Observation[], gaps: readonly Gap[] = []): { index: ObservationIndex; issues: Issue[] } {
  const byKey = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = `${o.measureId}\u0000${o.fiscalYear}`;
    const list = byKey.get(key);
    if (list) list.push(o);
    else byKey.set(key, [o]);
  }
  const resolved = new Map<string, ResolvedObservation>();
  const issues: Issue[] = [];
  for (const [key, list] of byKey) {
    // A two-figure cell (320人（8回）) agrees only when both figures do: 320（8） and 320（9） are a conflict too.
    const distinct = new Set(list.map(figure));
    if (distinct.size === 1) {
      resolved.set(key, { status: 'observed', observation: list[0]! });
      continue;
    }
    resolved.set(key, { status: 'conflict', observations: list });
    const first = list[0]!;
    issues.push(
      issueOf(
        'conflicting-values',
        {
          measure: first.measureId,
          fiscalYear: first.fiscalYear,
          values: list.map((o) => `${o.provenance.file}${o.provenance.rows ? ` ${o.provenance.rows}行目` : ''}: ${figure(o)}`).join(' / '),
        },
        {
          file: first.provenance.file,
          sheet: first.provenance.sheet,
          row: first.provenance.rows && /^\d+$/.test(first.provenance.rows) ? Number(first.provenance.rows) : undefined,
        },
        list.map(figure).join(' / '),
      ),
    );
  }
  for (const gap of gaps) {
    const key = `${gap.measureId}\u0000${gap.fiscalYear}`;
    if (!resolved.has(key)) resolved.set(key, { status: gap.status, gap });
  }
  const fiscalYears = [...new Set([...observations, ...gaps].map((o) => o.fiscalYear))].sort((a, b) => a - b);
  return {
    index: { get: (measureId, fiscalYear) => resolved.get(`${measureId}\u0000${fiscalYear}`), fiscalYears },
    issues,
  };
}

/** A value as entered: the number, and a pair's second figure in brackets. */
function figure(o: Observation): string {
  return o.secondaryValue === undefined ? String(o.value) : `${o.value}（${o.secondaryValue}）`;
}
