// The 産業振興公社 family's identity and layout config with its load-time checks (no reading code, so configuring a run
// loads none); sources/kosha-adapter.ts adds the reading.
import type { ConfigProblem } from '../config/load-catalog.ts';
import { configProblem } from '../config/config-problem.ts';
import type { KoshaRecordsConfig } from './kosha-records-config.ts';
import type { SourceLayout } from './source-reader.ts';

export const koshaLayout: SourceLayout<KoshaRecordsConfig> = {
  family: 'kosha',
  labelJa: '産業振興公社の記録',
  extensions: ['.csv', '.xlsx'],
  loadConfigSchema: () => import('./kosha-records-config.ts').then((m) => m.koshaRecordsConfigSchema),
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
};
