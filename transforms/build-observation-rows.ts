// observations: every value read from an input, with where it came from — the lineage behind each figure.
import type { ObservationRow } from '../lib/datasets/run-tables.ts';
import type { Observation } from '../lib/observation.ts';
import type { ObservationIndex } from './resolve-observations.ts';

export function buildObservationRows(
  observations: readonly Observation[],
  index: ObservationIndex,
  runId: string,
  withheld: ReadonlySet<Observation> = new Set(),
): ObservationRow[] {
  const sorted = [...observations].sort(
    (a, b) =>
      compare(a.measureId, b.measureId) ||
      a.fiscalYear - b.fiscalYear ||
      compare(a.provenance.file, b.provenance.file) ||
      compare(a.provenance.rows ?? '', b.provenance.rows ?? ''),
  );
  return sorted.map((o, i) => ({
    measure_id: o.measureId,
    fiscal_year: o.fiscalYear,
    seq: i + 1,
    value: o.value,
    status: withheld.has(o) ? 'withheld' : index.get(o.measureId, o.fiscalYear)?.status === 'conflict' ? 'conflict' : 'used',
    source_kind: o.sourceKind,
    file: o.provenance.file,
    sha256: o.provenance.sha256,
    sheet: o.provenance.sheet ?? null,
    rows: o.provenance.rows ?? null,
    rule: o.provenance.rule,
    n: o.n ?? null,
    comment: o.comment ?? null,
    other_files: o.provenance.otherInputs?.map((f) => f.file).join(';') ?? null,
    other_rows: o.provenance.otherInputs?.map((f) => f.rows ?? '').join(';') ?? null,
    reference_period: o.referencePeriod ?? null,
    source_vintage: o.sourceVintage ?? null,
    run_id: runId,
  }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
