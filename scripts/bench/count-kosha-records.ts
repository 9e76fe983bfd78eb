// Bench case kosha-1m: the real 公社 path (sources/kosha-records.ts read, transforms/count-kosha-records.ts count) over a 1M-record CSV export, into the
// fiscal-year values of every measure bound to consultations in config/setagaya (catalog and kosha.yaml loaded and
// validated as a run does). Prints the values so a run can be checked.
// Usage: node --import tsx scripts/bench/count-kosha-records.ts <file.csv>
import path from 'node:path';
import type { ConfigProblem } from '../../config/load-catalog.ts';
import { readInboxFile } from '../../sources/inbox-file.ts';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: count-kosha-records.ts <file.csv>');
// The file is read (and hashed) while the config modules load, as the pipeline reads inputs alongside config.
const reading = readInboxFile(path.dirname(path.resolve(file)), path.resolve(file));
const [{ loadCatalog }, { readConfigFile }, { koshaRecordsConfigSchema }, { readKoshaRecords }, { countKoshaRecords }] = await Promise.all([
  import('../../config/load-catalog.ts'),
  import('../../config/read-config-file.ts'),
  import('../../sources/kosha-records-config.ts'),
  import('../../sources/kosha-records.ts'),
  import('../../transforms/count-kosha-records.ts'),
]);
const configDir = path.resolve('config/setagaya');
const problems: ConfigProblem[] = [];
const [catalog, config] = await Promise.all([
  loadCatalog(configDir),
  readConfigFile(path.join(configDir, 'sources', 'kosha.yaml'), koshaRecordsConfigSchema, problems),
]);
if (!config) throw new Error(problems.map((p) => p.message).join('\n'));
const records = await readKoshaRecords([await reading], catalog, config);
const counts = countKoshaRecords(records.files, catalog, config);
const result = { ...counts, issues: [...records.issues, ...counts.issues] };
for (const o of result.observations) process.stdout.write(`${o.measureId} ${o.fiscalYear} ${o.value}\n`);
process.stdout.write(`issues ${result.issues.length} gaps ${result.gaps?.length ?? 0}\n`);
