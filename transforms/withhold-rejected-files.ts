// A file rejected whole (pipelines/rejected-files.ts) withholds the values it was expected to feed: status invalid, the
// rejecting issue's code and a reason naming the file — never published as if nobody had entered them. A value that
// another file provides, or the config declares (a baseline), is not withheld.
import type { Measure } from '../config/catalog-schema.ts';
import type { Catalog } from '../config/load-catalog.ts';
import type { RejectedFile } from '../lib/contract-facts.ts';
import type { Gap, Observation, StatusReading } from '../lib/observation.ts';

export interface RejectedFilesInput {
  catalog: Catalog;
  rejected: readonly RejectedFile[];
  /** Every value read, before the data contracts: one from another file is a good source. */
  observations: readonly Observation[];
  statuses: readonly StatusReading[];
  /** The year a rejected file stating none is taken to feed (the committee's report year). */
  reportYear: number;
}

export function withholdRejectedFiles(input: RejectedFilesInput): Gap[] {
  const provided = new Set([...input.observations, ...input.statuses].map((o) => keyOf(o.measureId, o.fiscalYear)));
  const gaps = new Map<string, Gap>();
  for (const r of input.rejected) {
    const reasonJa = `ファイル ${r.file} を読み込めなかったため公表しません（${r.code}）: ${r.messageJa}`;
    for (const fiscalYear of r.fiscalYears ?? [input.reportYear]) {
      for (const measureId of r.measureIds) {
        const measure = input.catalog.measures.get(measureId);
        const key = keyOf(measureId, fiscalYear);
        if (!measure || provided.has(key) || gaps.has(key) || declares(input.catalog, measure, fiscalYear)) continue;
        gaps.set(key, { measureId, fiscalYear, sourceKind: measure.source.kind, status: 'invalid', reasonJa, code: r.code });
      }
    }
  }
  return [...gaps.values()];
}

/** The config states the value itself: a baseline declared for its year (transforms/resolve-baseline.ts) is a good source. */
function declares(catalog: Catalog, measure: Measure, fiscalYear: number): boolean {
  return measure.baseline?.value !== undefined && fiscalYear === (measure.baseline.fiscalYear ?? catalog.plan.baselineFiscalYear);
}

function keyOf(measureId: string, fiscalYear: number): string {
  return `${measureId}\u0000${fiscalYear}`;
}
