// The reading side of the manual-entry family (manual-entry-family.ts imports it on the first read).
import type { Catalog } from '../config/load-catalog.ts';
import type { SourceResult } from '../lib/observation.ts';
import type { InboxFile } from '../sources/inbox-file.ts';
import { readManualEntryWorkbook } from '../sources/manual-entry-workbook.ts';
import type { ReadContext } from '../sources/source-reader.ts';

/** Every manual-entry workbook of the run, read as entered. */
export async function manualEntryFamilyRead(files: readonly InboxFile[], catalog: Catalog, context?: ReadContext): Promise<SourceResult> {
  const results = [];
  // One workbook at a time: each file's bytes are dropped once it is read.
  for (const f of files) results.push(await readManualEntryWorkbook(f, catalog, context?.xlsxLimits));
  const statuses = results.flatMap((r) => r.statuses ?? []);
  return {
    observations: results.flatMap((r) => r.observations),
    issues: results.flatMap((r) => r.issues),
    ...(statuses.length > 0 ? { statuses } : {}),
    facts: { filePeriods: results.flatMap((r) => r.facts?.filePeriods ?? []) },
  };
}
