// The RESAS family: inbox/resas/*.csv downloaded by analysts, layout in config/<city>/sources/resas.yaml.
// No network access at run time: the files are dropped into the inbox.
import type { Issue } from '../lib/issues.ts';
import { municipalityCode } from '../lib/municipality-code.ts';
import type { ResasExportConfig } from './resas-export-config.ts';
import { resasLayout } from './resas-layout.ts';
import { readResasExport, type ResasExportRead } from './resas-export.ts';
import type { SourceReader } from './source-reader.ts';

export const resasReader: SourceReader<ResasExportConfig, { reads: ResasExportRead[]; issues: Issue[] }> = {
  ...resasLayout,
  read: async (files, catalog, parsed) => {
    const code = municipalityCode(catalog.plan.municipality.code) ?? catalog.plan.municipality.code.slice(0, 5);
    const issues: Issue[] = [];
    const reads: ResasExportRead[] = [];
    for (const file of files) {
      const result = await readResasExport(file, parsed, { code, nameJa: catalog.plan.municipality.nameJa });
      issues.push(...result.issues);
      if (result.read) reads.push(result.read);
    }
    return { reads, issues };
  },
};
