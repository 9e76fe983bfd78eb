// One value per measure and fiscal year. Two inputs that disagree are a conflict: the value is not
// published (never a silent pick) and the user is told which files disagree.
import { issue, type Issue } from '../lib/issues.ts';
import type { Observation } from '../lib/observation.ts';

export type ResolvedObservation = { status: 'observed'; observation: Observation } | { status: 'conflict'; observations: Observation[] };

export interface ObservationIndex {
  get(measureId: string, fiscalYear: number): ResolvedObservation | undefined;
  fiscalYears: number[];
}

export function resolveObservations(observations: readonly Observation[]): { index: ObservationIndex; issues: Issue[] } {
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
    const distinct = new Set(list.map((o) => o.value));
    if (distinct.size === 1) {
      resolved.set(key, { status: 'observed', observation: list[0]! });
      continue;
    }
    resolved.set(key, { status: 'conflict', observations: list });
    const first = list[0]!;
    issues.push(
      issue(
        'conflicting-values',
        'error',
        `指標「${first.measureId}」の${first.fiscalYear}年度の値が入力間で食い違っています（${list
          .map((o) => `${o.provenance.file}${o.provenance.rows ? ` ${o.provenance.rows}行目` : ''}: ${o.value}`)
          .join(' / ')}）。正しい値を1つだけ残してください。この値は公表しません`,
        { file: first.provenance.file, sheet: first.provenance.sheet, row: first.provenance.rows ? Number(first.provenance.rows) : undefined },
        list.map((o) => o.value).join(' / '),
      ),
    );
  }
  const fiscalYears = [...new Set(observations.map((o) => o.fiscalYear))].sort((a, b) => a - b);
  return {
    index: { get: (measureId, fiscalYear) => resolved.get(`${measureId}\u0000${fiscalYear}`), fiscalYears },
    issues,
  };
}
