// Publishing a run's tables to PostgreSQL for shared dashboards: one transaction per run (a dashboard sees
// the previous run or the whole new one), typed columns, keys, Japanese comments, latest_<table> views.
// A run already published is a no-op; concurrent publishers are serialised by an advisory lock.
import type pg from 'pg';
import type { ColumnSpec, ColumnType, PublishedTable } from '../lib/datasets.ts';

export interface PublishedRun {
  runId: string;
  folder: string;
  startedAt: string;
  finishedAt: string;
  manifestJson: string;
}

export interface PostgresTarget {
  connectionString: string;
  schema: string;
  /** Called after each batch of rows; tests use it to interrupt a publication half-way. */
  onBatch?: (table: string, rowsSoFar: number) => Promise<void> | void;
}

const PG_TYPES: Record<ColumnType, string> = { string: 'text', integer: 'bigint', decimal: 'numeric', boolean: 'boolean' };
const BATCH_ROWS = 500;

export async function publishToPostgres(target: PostgresTarget, run: PublishedRun, tables: readonly PublishedTable[]): Promise<'written' | 'already-published'> {
  if (!/^[a-z_][a-z0-9_]*$/.test(target.schema)) throw new Error(`スキーマ名「${target.schema}」は英小文字・数字・_ で指定してください`);
  const s = `"${target.schema}"`;
  const { default: postgres } = await import('pg'); // loaded only when publishing
  const client = new postgres.Client({ connectionString: target.connectionString, application_name: 'lei' });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`lei:${target.schema}`]);
    const runsExists = await client.query('SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2', [target.schema, 'runs']);
    if (!runsExists.rowCount) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      await client.query(
        `CREATE TABLE ${s}.runs (run_id text PRIMARY KEY, folder text NOT NULL, started_at timestamptz NOT NULL, finished_at timestamptz NOT NULL, published_at timestamptz NOT NULL DEFAULT clock_timestamp(), manifest jsonb NOT NULL)`,
      );
      await client.query(`COMMENT ON TABLE ${s}.runs IS 'パイプラインの実行（1行1実行）。latest_* ビューは最後に公開された実行を指す'`);
    }
    const existing = await client.query(`SELECT 1 FROM ${s}.runs WHERE run_id = $1`, [run.runId]);
    if (existing.rowCount) {
      await client.query('ROLLBACK');
      return 'already-published';
    }
    await client.query(`INSERT INTO ${s}.runs (run_id, folder, started_at, finished_at, manifest) VALUES ($1, $2, $3, $4, $5)`, [
      run.runId,
      run.folder,
      run.startedAt,
      run.finishedAt,
      run.manifestJson,
    ]);
    for (const t of tables) await ensureTable(client, target.schema, s, t.spec);
    for (const t of tables) await insertRows(client, s, t, target.onBatch);
    await client.query('COMMIT');
    return 'written';
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}

/**
 * DDL only when something is missing: in the steady state a publication is plain INSERTs, which never
 * block (or deadlock with) dashboards reading the latest_* views at the same time.
 */
async function ensureTable(client: pg.Client, schema: string, s: string, spec: PublishedTable['spec']): Promise<void> {
  const table = `${s}."${spec.name}"`;
  const present = new Set(
    (await client.query('SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2', [schema, spec.name])).rows.map(
      (r: { column_name: string }) => r.column_name,
    ),
  );
  const missing = spec.columns.filter((c) => !present.has(c.name));
  if (missing.length === 0) return;
  if (present.size === 0) {
    const key = ['run_id', ...spec.primaryKey.filter((k) => k !== 'run_id')].map((k) => `"${k}"`).join(', ');
    await client.query(
      `CREATE TABLE ${table} (${spec.columns.map(columnSql).join(', ')}, PRIMARY KEY (${key}), FOREIGN KEY (run_id) REFERENCES ${s}.runs (run_id))`,
    );
    await client.query(`COMMENT ON TABLE ${table} IS ${literal(`${spec.titleJa}: ${spec.descriptionJa}`)}`);
  } else {
    // A dataset that gained columns since the table was created gets them added (older runs keep NULL).
    for (const c of missing) await client.query(`ALTER TABLE ${table} ADD COLUMN ${columnSql(c)}`);
  }
  for (const c of missing) {
    await client.query(`COMMENT ON COLUMN ${table}."${c.name}" IS ${literal(`${c.descriptionJa}${c.unit ? `（単位: ${c.unit}）` : ''} / ${c.descriptionEn}`)}`);
  }
  await client.query(
    `CREATE OR REPLACE VIEW ${s}."latest_${spec.name}" AS SELECT * FROM ${table} WHERE run_id = (SELECT run_id FROM ${s}.runs ORDER BY published_at DESC LIMIT 1)`,
  );
}

async function insertRows(client: pg.Client, s: string, { spec, rows }: PublishedTable, onBatch: PostgresTarget['onBatch']): Promise<void> {
  const names = spec.columns.map((c) => `"${c.name}"`).join(', ');
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      const record = row as Record<string, unknown>;
      const placeholders = spec.columns.map((c) => {
        values.push(toPg(c, record[c.name]));
        return `$${values.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await client.query(`INSERT INTO ${s}."${spec.name}" (${names}) VALUES ${tuples.join(', ')}`, values);
    await onBatch?.(spec.name, start + batch.length);
  }
}

/** Fixed-decimal columns get that scale, so 118.00 stays 118.00 in a dashboard. */
function columnSql(c: ColumnSpec): string {
  return `"${c.name}" ${c.type === 'decimal' && c.decimals !== undefined ? `numeric(20, ${c.decimals})` : PG_TYPES[c.type]}`;
}

/** Numbers go as their shortest exact text so numeric columns keep 105.14, not a binary approximation. */
function toPg(c: ColumnSpec, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  return c.type === 'decimal' || c.type === 'integer' ? String(v) : v;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
