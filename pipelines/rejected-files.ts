// The files a family rejected whole — an error whose code rejects its file (IssueSpec.rejectsFile: unreadable, required
// columns missing, wrong encoding, no layout config, a reader that failed) — and what each was expected to feed: the
// family's measures (manual entry: those no other family feeds) for the fiscal year its name states, or, when the name
// states none, the run's report year (transforms/withhold-rejected-files.ts withholds them; docs/data-contracts.md).
import type { Catalog } from '../config/load-catalog.ts';
import type { RejectedFile } from '../lib/contract-facts.ts';
import { fiscalYearsOfFileName } from '../lib/fiscal-year-of-file-name.ts';
import { rejectsFile } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import type { InboxFile } from '../sources/inbox-file.ts';
import type { SourceFamily } from './define-source-family.ts';
import { adapterFedSourceKinds } from './source-families.ts';

export function rejectedFilesOf(family: SourceFamily, files: readonly InboxFile[], issues: readonly Issue[], catalog: Catalog): RejectedFile[] {
  const measureIds = [...catalog.measures.values()]
    .filter((m) => (family.sourceKind ? m.source.kind === family.sourceKind : !adapterFedSourceKinds.has(m.source.kind)))
    .map((m) => m.id);
  const rejected: RejectedFile[] = [];
  for (const file of files) {
    // The first rejecting issue of the file is why it was not read.
    const issue = issues.find((i) => i.severity === 'error' && i.location.file === file.name && rejectsFile(i.code));
    if (!issue) continue;
    const fiscalYears = fiscalYearsOfFileName(file.name);
    rejected.push({ file: file.name, code: issue.code, messageJa: issue.message, measureIds, ...(fiscalYears.length > 0 ? { fiscalYears } : {}) });
  }
  return rejected;
}
