// The RESAS family: inbox/resas/*.csv downloaded by analysts, layout in config/<city>/sources/resas.yaml.
// No network access at run time: the files are dropped into the inbox.
import type { ConfigProblem } from '../config/load-catalog.ts';
import { unitsConvertible } from '../lib/convert-unit.ts';
import type { Issue } from '../lib/issues.ts';
import { municipalityCode } from '../lib/municipality-code.ts';
import { resasExportConfigSchema, type ResasExportConfig } from './resas-export-config.ts';
import { readResasExport, type ResasExportRead } from './resas-export.ts';
import type { SourceReader } from './source-reader.ts';

export const resasReader: SourceReader<ResasExportConfig, { reads: ResasExportRead[]; issues: Issue[] }> = {
  family: 'resas',
  labelJa: 'RESAS のダウンロードデータ',
  extensions: ['.csv'],
  configSchema: resasExportConfigSchema,
  checkConfig: (config, catalog, file) => {
    const problems: ConfigProblem[] = [];
    const parsed = config;
    if (parsed) {
      for (const [key, series] of Object.entries(parsed.series)) {
        if (!(series.export in parsed.exports))
          problems.push({ file, path: `series.${key}.export`, message: `出力の種類「${series.export}」は exports にありません` });
      }
      for (const [key, kind] of Object.entries(parsed.exports)) {
        if (kind.layout === 'long' && (!kind.columns.year || !kind.columns.value)) {
          problems.push({ file, path: `exports.${key}.columns`, message: 'layout: long では year（年の列）と value（値の列）の見出しが必要です' });
        }
      }
      parsed.fiscalYears.forEach((a, i) => {
        if (!parsed.benchmarkYears.includes(a.benchmarkYear)) {
          problems.push({
            file,
            path: `fiscalYears[${i}].benchmarkYear`,
            message: `${a.benchmarkYear}年は benchmarkYears（${parsed.benchmarkYears.join('・')}）にありません`,
          });
        }
        for (const s of a.series ?? [])
          if (!(s in parsed.series)) problems.push({ file, path: `fiscalYears[${i}].series`, message: `系列「${s}」は series にありません` });
      });
    }
    for (const measure of catalog.measures.values()) {
      if (measure.source.kind !== 'resas') continue;
      const at = (message: string) => problems.push({ file, path: `measures.${measure.id}.source`, message });
      if (!parsed) at(`指標「${measure.nameJa}」は RESAS（kind: resas）に結び付いていますが、${file} がありません`);
      else if (!(measure.source.series in parsed.series))
        at(`系列「${measure.source.series}」は series にありません（あるもの: ${Object.keys(parsed.series).join('、')}）`);
      if (!unitsConvertible(measure.unit, '円')) at(`RESAS の金額を指標の単位「${measure.unit}」に換算できません（円・千円・百万円・億円 など）`);
    }
    return problems;
  },
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
