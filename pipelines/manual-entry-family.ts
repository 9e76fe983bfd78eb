// The manual-entry workbooks (one row per measure and fiscal year, for every office without its own source): no layout
// config, values read as entered; the reading code loads on the first read (manual-entry-family-read.ts).
import type { ConfiguredFamily, SourceFamily } from './define-source-family.ts';

const configured = (): ConfiguredFamily => ({
  family: manualEntryFamily,
  read: async (files, catalog, context) => (await import('./manual-entry-family-read.ts')).manualEntryFamilyRead(files, catalog, context),
  portable: { family: 'manual-entry', config: null },
});

export const manualEntryFamily: SourceFamily = {
  family: 'manual-entry',
  labelJa: '手入力ワークブック',
  extensions: ['.xlsx'],
  sourceKind: null,
  configure: async () => configured(),
  fromPortable: configured,
};
