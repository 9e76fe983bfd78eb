// Every requested target is brought up to date (a `run --publish` right after a run without it publishes),
// lei writes only tables it created, dashboards read through a read-only role, and a password in the
// connection string appears in no output, ledger, manifest, log or message. lei runs in this process (runCli): its
// output is all it says, and the shared sample run is the run published directly. The runs start from the shared run's
// family cache (sampleCacheCopy): they read nothing again, and write and publish everything.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readLedger } from '../outputs/duckdb-store.ts';
import type { LedgerRow } from '../outputs/ledger-journal.ts';
import { publishRun } from '../pipelines/publish-run.ts';
import { setagayaConfig, tempDir } from './helpers.ts';
import { lei as leiInProcess } from './lei-in-process.ts';
import { sampleCacheCopy, sampleInboxCopy, sampleRun } from './sample-fixtures.ts';

// The test server: LEI_TEST_PG_URL or the default when it answers, else a throwaway one (tests/postgres-global-setup.ts).
const url = inject('pgUrl');
const prefix = `lei_targets_${process.pid}`;
const reader = `lei_reader_${process.pid}`;
const password = `S3cret-pw-${process.pid}`;
let client: pg.Client;
let inbox: string;
let sample: { runId: string; folder: string; counts: { indicatorValues: number } };
const schemas: string[] = [];

function schemaFor(name: string): string {
  const schema = `${prefix}_${name}`;
  schemas.push(schema);
  return schema;
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE ROLE ${reader} NOLOGIN`);
  inbox = await sampleInboxCopy();
  const { runId, folder } = await sampleRun();
  const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as { counts: { indicator_values: number } };
  sample = { runId, folder, counts: { indicatorValues: manifest.counts.indicator_values } };
});

afterAll(async () => {
  for (const s of schemas) await client?.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await client?.query(`DROP OWNED BY ${reader}`).catch(() => {});
  await client?.query(`DROP ROLE IF EXISTS ${reader}`);
  await client?.end();
});

describe('lei run --publish', () => {
  it('after a run without --publish publishes the unchanged run, says so, and records each target in the ledger', async () => {
    const out = await sampleCacheCopy();
    const schema = schemaFor('late');
    const store = path.join(out, 'store.duckdb');
    const base = ['run', '--config', setagayaConfig, '--inbox', inbox, '--out', out, '--store', store, '--warnings-ok'];
    expect((await lei(base)).code).toBe(0);
    const late = await lei([...base, '--publish', url, '--publish-schema', schema]);
    expect(late.code, late.stderr).toBe(0);
    expect(late.stdout).toMatch(/入力も設定も変わっていません/);
    expect(late.stdout).toMatch(new RegExp(`PostgreSQL（スキーマ ${schema}）に最新の実行（${sample.runId}）がなかったため.*公開しました`));
    expect((await client.query(`SELECT run_id FROM "${schema}".runs`)).rows).toEqual([{ run_id: sample.runId }]);
    const again = await lei([...base, '--publish', url, '--publish-schema', schema]);
    expect(again.stdout).toMatch(/同じ実行IDが公開済みのため変更なし/);
    expect(await ledger(store)).toEqual([
      { status: 'published', folder_state: 'written', store_state: 'written', postgres_state: 'skipped' },
      { status: 'unchanged', folder_state: 'unchanged', store_state: 'already-stored', postgres_state: 'repaired' },
      { status: 'unchanged', folder_state: 'unchanged', store_state: 'already-stored', postgres_state: 'already-published' },
    ]);
  });

  it('never shows a password given in the connection string: not in output files, ledger, manifest, logs or messages', async () => {
    const out = await sampleCacheCopy();
    const schema = schemaFor('secret');
    const store = path.join(out, 'store.duckdb');
    const withPassword = url.replace('postgres://postgres@', `postgres://postgres:${password}@`);
    expect(withPassword).toContain(password);
    const runArgs = (publishUrl: string) => [
      'run',
      '--config',
      setagayaConfig,
      '--inbox',
      inbox,
      '--out',
      out,
      '--store',
      store,
      '--warnings-ok',
      '--publish',
      publishUrl,
    ];
    const ok = await lei([...runArgs(withPassword), '--publish-schema', schema]);
    expect(ok.code, ok.stderr).toBe(0);
    // A failing publication (nothing listens on port 1) with the password: the message names no password either.
    const failed = await lei(runArgs(`postgres://postgres:${password}@127.0.0.1:1/test`));
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/公開できませんでした/);
    const published = await lei(['publish', '--to', `postgres://postgres:${password}@127.0.0.1:1/test`, '--run', path.join(out, 'latest')]);
    expect(published.code).not.toBe(0);

    const texts = [ok.stdout, ok.stderr, failed.stdout, failed.stderr, published.stdout, published.stderr, await storeText(store)];
    for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name !== 'store.duckdb')
        texts.push(await readFile(path.join(entry.parentPath, entry.name), 'latin1'), await readFile(path.join(entry.parentPath, entry.name), 'utf8'));
    }
    expect(texts.filter((t) => t.includes(password))).toEqual([]);
    const targets = (await ledger(store, ['postgres_target'])).map((r) => r.postgres_target);
    expect(targets).toContain(`${withPassword.replace(password, '***')} schema=${schema}`);
  });
});

describe('publishing to a PostgreSQL schema', () => {
  it('refuses a schema holding a table of one of its names that lei did not create, and leaves that table alone', async () => {
    const schema = schemaFor('foreign');
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`CREATE TABLE "${schema}".indicator_values (id int, note text)`);
    await client.query(`INSERT INTO "${schema}".indicator_values VALUES (1, 'the office''s own table')`);
    await expect(publishRun(sample.folder, { connectionString: url, schema })).rejects.toThrow(
      `PostgreSQL のスキーマ「${schema}」に lei が作ったのではない表「indicator_values」があるため、公開しません`,
    );
    const columns = await client.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'indicator_values' ORDER BY ordinal_position`,
      [schema],
    );
    expect(columns.rows.map((r: { column_name: string }) => r.column_name)).toEqual(['id', 'note']);
    expect((await client.query(`SELECT count(*)::int AS n FROM "${schema}".indicator_values`)).rows[0].n).toBe(1);
    // A foreign runs table is refused the same way.
    const other = schemaFor('foreign_runs');
    await client.query(`CREATE SCHEMA "${other}"`);
    await client.query(`CREATE TABLE "${other}".runs (run_id text)`);
    await expect(publishRun(sample.folder, { connectionString: url, schema: other })).rejects.toThrow('lei が作ったのではない表「runs」');
  });

  it('adopts a schema made by a lei without lei_meta (its runs table carries lei’s comment)', async () => {
    const schema = schemaFor('legacy');
    await publishRun(sample.folder, { connectionString: url, schema });
    await client.query(`DROP TABLE "${schema}".lei_meta`);
    expect((await publishRun(sample.folder, { connectionString: url, schema })).result).toBe('already-published');
    const meta = await client.query(
      `SELECT object_name FROM "${schema}".lei_meta WHERE object_name IN ('runs', 'indicator_values', 'latest_indicator_values') ORDER BY 1`,
    );
    expect(meta.rows.map((r: { object_name: string }) => r.object_name)).toEqual(['indicator_values', 'latest_indicator_values', 'runs']);
  });

  it('grants the read-only role SELECT on the latest_* views and nothing else', async () => {
    const schema = schemaFor('reader');
    await expect(publishRun(sample.folder, { connectionString: url, schema, readRole: `${reader}_missing` })).rejects.toThrow(
      `読み取り用ロール「${reader}_missing」が PostgreSQL にありません`,
    );
    expect((await publishRun(sample.folder, { connectionString: url, schema, readRole: reader })).result).toBe('written');
    const asReader = async (sql: string) => {
      await client.query('BEGIN');
      try {
        await client.query(`SET LOCAL ROLE ${reader}`);
        return (await client.query(sql)).rows;
      } finally {
        await client.query('ROLLBACK');
      }
    };
    expect(await asReader(`SELECT count(*)::int AS n FROM "${schema}".latest_indicator_values`)).toEqual([{ n: sample.counts.indicatorValues }]);
    await expect(asReader(`SELECT count(*) FROM "${schema}".indicator_values`)).rejects.toThrow(/permission denied/);
    await expect(asReader(`SELECT count(*) FROM "${schema}".runs`)).rejects.toThrow(/permission denied/);
    await expect(asReader(`DELETE FROM "${schema}".latest_indicator_values`)).rejects.toThrow(/permission denied/);
  });
});

const lei = (args: string[]) => leiInProcess(...args);

async function ledger(
  store: string,
  columns: (keyof LedgerRow)[] = ['status', 'folder_state', 'store_state', 'postgres_state'],
): Promise<Partial<LedgerRow>[]> {
  return (await readLedger(store)).map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
}

async function storeText(store: string): Promise<string> {
  const db = await DuckDBInstance.create(store, { access_mode: 'READ_ONLY' });
  const connection = await db.connect();
  try {
    const texts: string[] = [];
    for (const t of (await connection.runAndReadAll(`SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'`)).getRowObjects()) {
      texts.push(JSON.stringify((await connection.runAndReadAll(`SELECT * FROM "${String(t.table_name)}"`)).getRowObjectsJson()));
    }
    return texts.join('\n');
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}
