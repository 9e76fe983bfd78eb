// Whether two run folders hold the same outputs: the check behind "behaviour unchanged" (issue 9) when code is changed
// for speed or structure. Every file of both folders is compared, site/ included; a file in one folder only is a
// difference. Equal bytes are identical; otherwise a file is compared after masking what two runs of the same inputs
// always differ in — each folder's own run id, folder name, start and end times, code version and config folder, as its
// manifest.json records them (nothing else is masked) — as rows for Parquet (schema, key/value metadata, compression,
// row groups and every row, read by DuckDB), part by part for .xlsx, as text for the rest.
// Usage: node --import tsx scripts/compare-run-folders.ts <base-run-folder> <new-run-folder>
//   (a run folder: <out>/latest, or <out>/runs/<folder>). Exit 0 when all are identical, 1 otherwise.
// A recipe (docs/testing.md): build the commit before the change in a git worktree, run both with --full on the same
// inbox into empty folders, and compare their latest/.
import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import JSZip from 'jszip';
import { sqlString } from '../outputs/duckdb-tables.ts';

interface RunFolder {
  dir: string;
  asOf: string | undefined;
  /** [value, placeholder], longest first: the run's own values that another run of the same inputs has otherwise. */
  masks: [string, string][];
}

export interface FolderComparison {
  files: number;
  identicalBytes: number;
  identicalMasked: number;
  /** One line per differing file: its path, and where and how it first differs. */
  differences: string[];
  /** Set when the runs were made in different months (as_of is in the run id and in the datasets). */
  asOfDiffers?: [string | undefined, string | undefined];
}

async function runFolder(dir: string): Promise<RunFolder> {
  const real = await realpath(dir);
  const manifest = JSON.parse(await readFile(path.join(real, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const folder = path.basename(real);
  const values: [unknown, string][] = [
    [folder, '<RUN_FOLDER>'],
    [folder.split('-')[0], '<RUN_FOLDER_TIME>'],
    [manifest.started_at, '<STARTED_AT>'],
    [manifest.finished_at, '<FINISHED_AT>'],
    [manifest.config_dir, '<CONFIG_DIR>'],
    [manifest.code_version, '<CODE_VERSION>'],
    [manifest.run_id, '<RUN_ID>'],
  ];
  const masks = values.filter((v): v is [string, string] => typeof v[0] === 'string' && v[0].length >= 8).sort((a, b) => b[0].length - a[0].length);
  return { dir: real, asOf: typeof manifest.as_of === 'string' ? manifest.as_of : undefined, masks };
}

const masked = (text: string, run: RunFolder) => run.masks.reduce((t, [value, placeholder]) => t.split(value).join(placeholder), text);

async function filesOf(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

/** A Parquet file as text: what a reader of it sees. Latin-1 like the other files, so masking treats every file alike. */
async function parquetText(connection: DuckDBConnection, file: string): Promise<string> {
  const f = sqlString(file);
  const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowsJson().map((r) => JSON.stringify(r));
  const data = await connection.runAndReadAll(`SELECT * FROM read_parquet(${f})`);
  const lines = [
    '## schema',
    ...(await rows(`SELECT name, type, repetition_type, converted_type, scale, precision, logical_type FROM parquet_schema(${f})`)),
    '## key/value metadata',
    ...(await rows(`SELECT decode(key), decode(value) FROM parquet_kv_metadata(${f}) ORDER BY 1`)),
    '## row groups, compression',
    ...(await rows(`SELECT count(DISTINCT row_group_id), string_agg(DISTINCT compression, ',' ORDER BY compression) FROM parquet_metadata(${f})`)),
    '## columns',
    JSON.stringify(data.columnNamesAndTypesJson()),
    '## rows',
    ...data.getRowsJson().map((r) => JSON.stringify(r)),
  ];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8').toString('latin1');
}

async function xlsxParts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (!entry.dir) parts.set(name, Buffer.from(await entry.async('uint8array')).toString('latin1'));
  }
  return parts;
}

/** Where two texts first differ (line, column, and a little of each around it); null when equal. */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  const la = a.split('\n');
  const lb = b.split('\n');
  let i = 0;
  while (i < la.length && i < lb.length && la[i] === lb[i]) i += 1;
  const x = la[i] ?? '(end of file)';
  const y = lb[i] ?? '(end of file)';
  let c = 0;
  while (c < x.length && c < y.length && x[c] === y[c]) c += 1;
  const from = Math.max(0, c - 40);
  const excerpt = (s: string) => Buffer.from(s.slice(from, c + 60), 'latin1').toString('utf8');
  return `line ${i + 1}, column ${c + 1}: base «${excerpt(x)}» new «${excerpt(y)}»`;
}

async function compareFile(
  relative: string,
  base: RunFolder,
  next: RunFolder,
  connection: () => Promise<DuckDBConnection>,
): Promise<'bytes' | 'masked' | string> {
  const [a, b] = await Promise.all([readFile(path.join(base.dir, relative)), readFile(path.join(next.dir, relative))]);
  if (a.equals(b)) return 'bytes';
  if (relative.endsWith('.parquet')) {
    const d = firstDifference(
      masked(await parquetText(await connection(), path.join(base.dir, relative)), base),
      masked(await parquetText(await connection(), path.join(next.dir, relative)), next),
    );
    return d ? `rows differ: ${d}` : 'masked';
  }
  if (relative.endsWith('.xlsx')) {
    const [pa, pb] = await Promise.all([xlsxParts(a), xlsxParts(b)]);
    for (const part of new Set([...pa.keys(), ...pb.keys()])) {
      if (!pa.has(part) || !pb.has(part)) return `part ${part} only in the ${pa.has(part) ? 'base' : 'new'} workbook`;
      const d = firstDifference(masked(pa.get(part)!, base), masked(pb.get(part)!, next));
      if (d) return `part ${part}: ${d}`;
    }
    return 'masked';
  }
  const d = firstDifference(masked(a.toString('latin1'), base), masked(b.toString('latin1'), next));
  return d ?? 'masked';
}

export async function compareRunFolders(baseDir: string, nextDir: string): Promise<FolderComparison> {
  const [base, next] = await Promise.all([runFolder(baseDir), runFolder(nextDir)]);
  const [inBase, inNext] = await Promise.all([filesOf(base.dir), filesOf(next.dir)]);
  let instance: DuckDBInstance | undefined;
  let opened: DuckDBConnection | undefined;
  const connection = async () => {
    instance ??= await DuckDBInstance.create(':memory:');
    opened ??= await instance.connect();
    return opened;
  };
  const result: FolderComparison = { files: 0, identicalBytes: 0, identicalMasked: 0, differences: [] };
  if (base.asOf !== next.asOf) result.asOfDiffers = [base.asOf, next.asOf];
  const [baseFiles, nextFiles] = [new Set(inBase), new Set(inNext)];
  try {
    for (const relative of [...new Set([...inBase, ...inNext])].sort()) {
      result.files += 1;
      if (!baseFiles.has(relative) || !nextFiles.has(relative)) {
        result.differences.push(`${relative}: only in the ${baseFiles.has(relative) ? 'base' : 'new'} folder`);
        continue;
      }
      const outcome = await compareFile(relative, base, next, connection);
      if (outcome === 'bytes') result.identicalBytes += 1;
      else if (outcome === 'masked') result.identicalMasked += 1;
      else result.differences.push(`${relative}: ${outcome}`);
    }
  } finally {
    opened?.closeSync();
    instance?.closeSync();
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [baseDir, nextDir] = process.argv.slice(2);
  if (!baseDir || !nextDir) {
    console.error('使い方: node --import tsx scripts/compare-run-folders.ts <比べる元の実行フォルダ> <新しい実行フォルダ>');
    process.exit(3);
  }
  const r = await compareRunFolders(baseDir, nextDir);
  if (r.asOfDiffers) console.log(`注意: 実行の月（as_of）が違います（${r.asOfDiffers.join(' と ')}）: 実行ID とデータセットの一部が違って当然です`);
  console.log(
    `${r.files} ファイル中 ${r.identicalBytes + r.identicalMasked} が同じ（バイト単位 ${r.identicalBytes}、実行ID・時刻・版・設定フォルダを伏せて ${r.identicalMasked}）`,
  );
  for (const d of r.differences) console.log(`  違い: ${d}`);
  process.exitCode = r.differences.length === 0 ? 0 : 1;
}
