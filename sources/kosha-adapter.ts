// The 産業振興公社 family: inbox/kosha/*.csv|*.xlsx, layout in config/<city>/sources/kosha.yaml.
import type { ConfigProblem } from '../config/load-catalog.ts';
import { configProblem } from '../config/config-problem.ts';
import { koshaRecordsConfigSchema, type KoshaRecordsConfig } from './kosha-records-config.ts';
import { readKoshaRecords, type KoshaRecords } from './kosha-records.ts';
import type { SourceReader } from './source-reader.ts';

// Reads the records only; pipelines/kosha-family.ts counts them per fiscal year (transforms/count-kosha-records.ts).
export const koshaReader: SourceReader<KoshaRecordsConfig, KoshaRecords> = {
  family: 'kosha',
  labelJa: '産業振興公社の記録',
  extensions: ['.csv', '.xlsx'],
  configSchema: koshaRecordsConfigSchema,
  checkConfig: (config, catalog, file) => {
    const problems: ConfigProblem[] = [];
    const parsed = config;
    for (const measure of catalog.measures.values()) {
      const source = measure.source;
      if (source.kind !== 'kosha') continue;
      const where = (p: string) => ({ file, path: `measures.${measure.id}.source${p}` });
      if (!parsed) {
        problems.push(
          configProblem('config-source-config-missing', { variant: 'kosha', measure: measure.nameJa, source: '公社の記録', kind: 'kosha', file }, where('')),
        );
        continue;
      }
      const type = parsed.recordTypes[source.recordType];
      if (!type) {
        problems.push(
          configProblem(
            'config-kosha-measure-record-type-unknown',
            { recordType: source.recordType, known: Object.keys(parsed.recordTypes).join('、') },
            where('.recordType'),
          ),
        );
        continue;
      }
      for (const column of Object.keys(source.filter ?? {})) {
        if (!(column in type.columns))
          problems.push(
            configProblem(
              'config-kosha-measure-column-unknown',
              {
                column,
                recordType: source.recordType,
                list: 'columns',
                known: Object.keys(type.columns).join('、') || 'なし',
              },
              where(`.filter.${column}`),
            ),
          );
      }
      if (source.countColumn && !(source.countColumn in type.counts)) {
        problems.push(
          configProblem(
            'config-kosha-measure-column-unknown',
            {
              column: source.countColumn,
              recordType: source.recordType,
              list: 'counts',
              known: Object.keys(type.counts).join('、') || 'なし',
            },
            where('.countColumn'),
          ),
        );
      }
      if (measure.aggregation !== 'flow' && measure.aggregation !== 'eventCount') {
        problems.push(configProblem('config-kosha-measure-aggregation', { aggregation: measure.aggregation }, where('')));
      }
    }
    return problems;
  },
  read: (files, catalog, config, context) => readKoshaRecords(files, catalog, config, context?.xlsxLimits),
};
