// The RESAS family's identity and layout config with its load-time checks (no reading code, so configuring a run
// loads none); sources/resas-adapter.ts adds the reading.
import type { ConfigProblem } from '../config/load-catalog.ts';
import { configProblem } from '../config/config-problem.ts';
import { unitsConvertible } from '../lib/convert-unit.ts';
import type { ResasExportConfig } from './resas-export-config.ts';
import type { SourceLayout } from './source-reader.ts';

export const resasLayout: SourceLayout<ResasExportConfig> = {
  family: 'resas',
  labelJa: 'RESAS のダウンロードデータ',
  extensions: ['.csv'],
  loadConfigSchema: () => import('./resas-export-config.ts').then((m) => m.resasExportConfigSchema),
  checkConfig: (config, catalog, file) => {
    const problems: ConfigProblem[] = [];
    const parsed = config;
    if (parsed) {
      for (const [key, series] of Object.entries(parsed.series)) {
        if (!(series.export in parsed.exports))
          problems.push(configProblem('config-resas-unknown-export', { export: series.export }, { file, path: `series.${key}.export` }));
      }
      for (const [key, kind] of Object.entries(parsed.exports)) {
        if (kind.layout === 'long' && (!kind.columns.year || !kind.columns.value)) {
          problems.push(configProblem('config-resas-long-columns-missing', {}, { file, path: `exports.${key}.columns` }));
        }
      }
      parsed.fiscalYears.forEach((a, i) => {
        if (!parsed.benchmarkYears.includes(a.benchmarkYear)) {
          problems.push(
            configProblem(
              'config-resas-benchmark-year-unknown',
              { year: a.benchmarkYear, years: parsed.benchmarkYears.join('・') },
              { file, path: `fiscalYears[${i}].benchmarkYear` },
            ),
          );
        }
        for (const s of a.series ?? [])
          if (!(s in parsed.series))
            problems.push(configProblem('config-resas-unknown-series', { variant: 'plain', series: s }, { file, path: `fiscalYears[${i}].series` }));
      });
    }
    for (const measure of catalog.measures.values()) {
      if (measure.source.kind !== 'resas') continue;
      const where = { file, path: `measures.${measure.id}.source` };
      // ' RESAS': a Latin name is set off by a space in the message (は RESAS（kind: resas）).
      if (!parsed)
        problems.push(
          configProblem('config-source-config-missing', { variant: 'plain', measure: measure.nameJa, source: ' RESAS', kind: 'resas', file }, where),
        );
      else if (!(measure.source.series in parsed.series))
        problems.push(
          configProblem(
            'config-resas-unknown-series',
            { variant: 'known', series: measure.source.series, known: Object.keys(parsed.series).join('、') },
            where,
          ),
        );
      if (!unitsConvertible(measure.unit, '円')) problems.push(configProblem('config-resas-unit-not-money', { unit: measure.unit }, where));
    }
    return problems;
  },
};
