// Respondent-level data stays in the archive: what a run keeps is owner-only (or the analysts' group), no
// output, log line or issue carries a respondent or record id, suppressed survey cells carry no value in any
// format, and a symbolic link in the inbox is reported and never followed. What a plain run keeps is read from the shared
// sample run (tests/sample-global-setup.ts, with its log and issues).
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../lib/issues.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import { copyConfig, readCsv, setagayaConfig, tablesOnlyConfig, tempDir } from './helpers.ts';
import { sampleInbox, sampleInboxCopy, sampleRun } from './sample-fixtures.ts';

/** The sample's survey respondent ids (C24-0382, M23-0055) and 公社 record numbers (R6-S00008). */
const RESPONDENT_ID = /\b(?:[CM]\d{2}-\d{4}|R\d-S\d{5})\b/g;
const VALUE_COLUMNS = ['numerator', 'share', 'se', 'ci_low', 'ci_high', 'weighted_share', 'weighted_se', 'weighted_ci_low', 'weighted_ci_high'] as const;

let inbox: string;
let out: string;
let run: { folder: string; issues: Issue[] };
const logs: string[] = [];

beforeAll(async () => {
  // Read only: runs over it write into folders of their own.
  inbox = await sampleInbox();
  const shared = await sampleRun();
  out = shared.outDir;
  run = shared;
  logs.push(...shared.log);
});

describe('what a run keeps', () => {
  it('is owner-only by default: folders 0700, files 0600 (archive, store, run folder, cache)', async () => {
    const modes = await modesUnder(out);
    expect(modes.length).toBeGreaterThan(60);
    for (const m of modes) expect(m, m.path).toMatchObject({ mode: m.dir ? 0o700 : 0o600 });
    const kept = ['archive', 'store.duckdb', 'runs', path.join('runs', path.basename(run.folder), 'manifest.json'), path.join('cache', 'families')];
    expect(modes.map((m) => path.relative(out, m.path))).toEqual(expect.arrayContaining(kept));
    expect((await stat(out)).mode & 0o777).toBe(0o700);
  });

  it("is shared with the analysts' group when pipeline.yaml names one: 0750 / 0640, that group", async () => {
    const config = await copyConfig(setagayaConfig, { file: 'pipeline.yaml', replace: [/\n*$/, '\naccess: { group: users }\n'] });
    const groupOut = await tempDir();
    await runPipeline({ configDir: config, inboxDir: inbox, outDir: groupOut, storePath: path.join(groupOut, 'store.duckdb') });
    const modes = await modesUnder(groupOut);
    expect(modes.length).toBeGreaterThan(60);
    for (const m of modes) expect(m, m.path).toMatchObject({ mode: m.dir ? 0o750 : 0o640, gid: 100 });
  });
});

describe('nothing respondent-level leaves the archive', () => {
  it('no output file, store table, log line or issue carries a respondent or record id', async () => {
    // The scanner does find the ids where they belong: in the archived survey and record files.
    const archived = await scanFiles(path.join(out, 'archive'));
    expect(archived.join('\n').match(RESPONDENT_ID)?.length).toBeGreaterThan(100);

    const texts = [...(await sharedRunTexts()), logs.join('\n'), JSON.stringify(run.issues)];
    const found = texts.flatMap((t) => t.match(RESPONDENT_ID) ?? []);
    expect(found).toEqual([]);
    // The rows those ids were on are still located for the analyst: file, row and column.
    expect(
      run.issues.filter((i) => i.code === 'industry-survey-duplicate-respondent').map((i) => [i.location.file, i.location.row, i.location.column]),
    ).toEqual([
      ['industry-survey/R5_産業基礎調査_建設・製造・その他.csv', 32, 'A'],
      ['industry-survey/R6_産業基礎調査_商業・サービス.xlsx', 122, 'A'],
    ]);
  });

  it('a suppressed survey cell has no value in CSV, JSON, Parquet or the store, and its would-be share appears nowhere', async () => {
    const breakdowns = await readJson(path.join(run.folder, 'survey_breakdowns.json'));
    const suppressed = breakdowns.filter((r) => r.suppressed === true && Number(r.n) > 0);
    expect(suppressed.length).toBeGreaterThan(10);
    // The same inputs with no minimum n: the values those cells would have had (only the tables written: JSON is read).
    const open = await tablesOnlyConfig(setagayaConfig, { file: 'sources/industry-survey.yaml', replace: [/minN: 30/, 'minN: 1'] });
    const openRun = await runPipeline({ configDir: open, inboxDir: inbox, outDir: await tempDir(), storePath: null });
    const wouldBe = new Map((await readJson(path.join(openRun.folder, 'survey_breakdowns.json'))).map((r) => [cellKey(r), r]));
    const secrets = suppressed.flatMap((r) => VALUE_COLUMNS.map((c) => wouldBe.get(cellKey(r))?.[c])).filter((v): v is number => typeof v === 'number');
    // A would-be value equal to a published one (14/63 and 2/9 are both 22.22…%) reveals nothing by itself.
    const published = new Set(breakdowns.filter((r) => r.suppressed !== true).flatMap((r) => VALUE_COLUMNS.map((c) => String(r[c]))));
    const distinctive = [...new Set(secrets.map(String).filter((s) => s.replace(/\D/g, '').length >= 6 && !published.has(s)))];
    expect(distinctive.length).toBeGreaterThan(10);

    const formats = [
      breakdowns,
      await readCsv(path.join(run.folder, 'survey_breakdowns.csv')),
      await queryRows(`SELECT * FROM read_parquet('${path.join(run.folder, 'survey_breakdowns.parquet')}')`),
      await queryRows('SELECT * FROM latest_survey_breakdowns', path.join(out, 'store.duckdb')),
    ];
    for (const rows of formats) {
      const cells = rows.filter((r) => String(r.suppressed) === 'true' && Number(r.n) > 0);
      expect(cells).toHaveLength(suppressed.length);
      for (const r of cells) for (const c of VALUE_COLUMNS) expect(r[c] ?? '', `${cellKey(r)} ${c}`).toBe('');
    }
    const everything = (await sharedRunTexts()).join('\n');
    // As a whole number token: 8.333… inside 28.333… is another value.
    const appears = (s: string) => new RegExp(`(?<![\\d.])${s.replace(/[.]/g, '\\.')}(?![\\d])`).test(everything);
    expect(distinctive.filter(appears)).toEqual([]);
  });
});

describe('a symbolic link in the inbox', () => {
  it('is reported as an issue and not followed: nothing outside the inbox is read or archived', async () => {
    const outside = path.join(await tempDir(), 'secret.csv');
    await writeFile(outside, 'C24-9999,confidential\n');
    const linked = await sampleInboxCopy();
    await symlink(outside, path.join(linked, 'kosha', '公社_相談記録_リンク.csv'));
    await mkdir(path.join(linked, 'elsewhere'));
    await symlink(path.dirname(outside), path.join(linked, 'elsewhere', 'folder'));
    const linkedOut = await tempDir();
    // Only the tables written: what is read and archived is the same whichever outputs a run writes.
    const result = await runPipeline({ configDir: await tablesOnlyConfig(setagayaConfig), inboxDir: linked, outDir: linkedOut, storePath: null });
    expect(result.issues.filter((i) => i.code === 'inbox-symlink').map((i) => [i.severity, i.location.file])).toEqual([
      ['warning', 'elsewhere/folder'],
      ['warning', 'kosha/公社_相談記録_リンク.csv'],
    ]);
    const manifest = JSON.parse(await readFile(path.join(result.folder, 'manifest.json'), 'utf8')) as { inputs: { file: string }[] };
    expect(manifest.inputs.map((i) => i.file).filter((f) => f.includes('リンク') || f.startsWith('elsewhere'))).toEqual([]);
    expect((await scanFiles(path.join(linkedOut, 'archive'))).join('\n')).not.toContain('C24-9999,confidential');
  });
});

let runTexts: Promise<string[]> | undefined;

/** The text of every output file and store table of the shared run (read only), scanned once for the two tests that search it. */
function sharedRunTexts(): Promise<string[]> {
  runTexts ??= (async () => [...(await scanFiles(out, ['archive', 'store.duckdb'])), await storeText(path.join(out, 'store.duckdb'))])();
  return runTexts;
}

interface PathMode {
  path: string;
  dir: boolean;
  mode: number;
  gid: number;
}

async function modesUnder(root: string): Promise<PathMode[]> {
  const found: PathMode[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue; // latest: a link's own mode means nothing
    const p = path.join(entry.parentPath, entry.name);
    const s = await stat(p);
    found.push({ path: p, dir: s.isDirectory(), mode: s.mode & 0o777, gid: s.gid });
  }
  return found;
}

/** The text of every file under root (xlsx: every part of the zip; Parquet: its rows, all through one DuckDB). */
async function scanFiles(root: string, skip: string[] = []): Promise<string[]> {
  const texts: string[] = [];
  const parquet: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const p = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || skip.some((s) => path.relative(root, p).split(path.sep)[0] === s) || p.includes('store.duckdb')) continue;
    if (p.endsWith('.parquet')) {
      parquet.push(p);
      continue;
    }
    const bytes = await readFile(p);
    if (bytes.subarray(0, 2).toString('latin1') === 'PK') {
      const zip = await JSZip.loadAsync(bytes);
      for (const part of Object.values(zip.files)) if (!part.dir) texts.push(await part.async('string'));
    } else {
      texts.push(bytes.toString('utf8'));
    }
  }
  if (parquet.length > 0) {
    await withDuckDB(':memory:', async (rows) => {
      for (const p of parquet) texts.push(JSON.stringify(await rows(`SELECT * FROM read_parquet('${p}')`)));
    });
  }
  return texts;
}

/** Every table of the store (runs with manifests, datasets, the ledger) as text. */
async function storeText(file: string): Promise<string> {
  return withDuckDB(file, async (rows) => {
    const texts: string[] = [];
    for (const t of await rows(`SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'`)) {
      texts.push(JSON.stringify(await rows(`SELECT * FROM "${String(t.table_name)}"`)));
    }
    return texts.join('\n');
  });
}

async function queryRows(sql: string, file = ':memory:'): Promise<Record<string, unknown>[]> {
  return withDuckDB(file, (rows) => rows(sql));
}

/** One DuckDB (a store read-only, or in memory) for a series of queries. */
async function withDuckDB<T>(file: string, use: (rows: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  const db = await DuckDBInstance.create(file, file === ':memory:' ? {} : { access_mode: 'READ_ONLY' });
  const connection = await db.connect();
  try {
    return await use(async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[]);
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

async function readJson(file: string): Promise<Record<string, unknown>[]> {
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>[];
}

function cellKey(r: Record<string, unknown>): string {
  return [r.measure_id, r.fiscal_year, r.dimension, r.group_code].join('/');
}
