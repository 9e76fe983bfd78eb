// Which reader takes which inbox file. Each source family has its own inbox folder.
import type { Catalog } from '../config/load-catalog.ts';
import type { SourceResult } from '../lib/observation.ts';
import type { InboxFile } from '../sources/inbox-file.ts';
import { readManualEntryWorkbook } from '../sources/manual-entry-workbook.ts';

export interface SourceAdapter {
  /** Inbox folder the family's files are dropped into. */
  folder: string;
  labelJa: string;
  extensions: readonly string[];
  read(file: InboxFile, catalog: Catalog): Promise<SourceResult>;
}

export const sourceAdapters: readonly SourceAdapter[] = [
  { folder: 'manual-entry', labelJa: '手入力ワークブック', extensions: ['.xlsx'], read: readManualEntryWorkbook },
];

/** Source kinds that an adapter other than manual entry feeds; the rest are listed in the entry template. */
export const adapterFedSourceKinds: ReadonlySet<string> = new Set<string>();
