// The 産業振興公社 family: inbox/kosha/*.csv|*.xlsx, layout in config/<city>/sources/kosha.yaml.
import type { ConfigProblem } from '../config/load-catalog.ts';
import { koshaRecordsConfigSchema, type KoshaRecordsConfig } from './kosha-records-config.ts';
import { readKoshaRecords, type KoshaRecords } from './kosha-records.ts';
import type { SourceReader } from './source-reader.ts';

// The reader still counts records per fiscal year itself (splitting it from the counting is open work, issue 9).
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
      const at = (p: string, message: string) => problems.push({ file, path: `measures.${measure.id}.source${p}`, message });
      if (!parsed) {
        at(
          '',
          `指標「${measure.nameJa}」は公社の記録（kind: kosha）に結び付いていますが、${file} がありません。記録の出力の列名を書いたファイルを置いてください`,
        );
        continue;
      }
      const type = parsed.recordTypes[source.recordType];
      if (!type) {
        at('.recordType', `記録の種類「${source.recordType}」は recordTypes にありません（あるもの: ${Object.keys(parsed.recordTypes).join('、')}）`);
        continue;
      }
      for (const column of Object.keys(source.filter ?? {})) {
        if (!(column in type.columns))
          at(
            `.filter.${column}`,
            `列のキー「${column}」は recordTypes.${source.recordType}.columns にありません（あるもの: ${Object.keys(type.columns).join('、') || 'なし'}）`,
          );
      }
      if (source.countColumn && !(source.countColumn in type.counts)) {
        at(
          '.countColumn',
          `列のキー「${source.countColumn}」は recordTypes.${source.recordType}.counts にありません（あるもの: ${Object.keys(type.counts).join('、') || 'なし'}）`,
        );
      }
      if (measure.aggregation !== 'flow' && measure.aggregation !== 'eventCount') {
        at('', `公社の記録は年度内の件数・合計しか作れません。指標の aggregation は flow か eventCount にしてください（いまは ${measure.aggregation}）`);
      }
    }
    return problems;
  },
  read: (files, catalog, config, context) => readKoshaRecords(files, catalog, config, context?.xlsxLimits),
};
