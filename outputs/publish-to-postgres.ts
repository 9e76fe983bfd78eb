// Publishing a run's tables to PostgreSQL for shared dashboards: one transaction per run (a dashboard sees
// the previous run or the whole new one), typed columns, keys, Japanese comments, latest_<table> views.
// A run already published is a no-op; concurrent publishers are serialised by an advisory lock.
// Only tables lei created itself (listed in <schema>.lei_meta) are ever written: an unrelated table of the
// same name is refused, never altered or filled.
import type pg from 'pg';
import type { ColumnSpec, ColumnType, DatasetSpec, PublishedTable } from '../lib/dataset-spec.ts';
import { faultPoint } from '../lib/fault-point.ts';
import { UserError } from '../lib/user-error.ts';

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
  /** A read-only role (the dashboards') granted USAGE on the schema and SELECT on the latest_* views. */
  readRole?: string;
  /** Called after each batch of rows; tests use it to interrupt a publication half-way. */
  onBatch?: (table: string, rowsSoFar: number) => Promise<void> | void;
}

const PG_TYPES: Record<ColumnType, string> = { string: 'text', integer: 'bigint', decimal: 'numeric', boolean: 'boolean' };
const BATCH_ROWS = 500;
/** The layout of the tables lei creates; a schema made by a newer layout is not written by an older lei. */
const SCHEMA_VERSION = 1;
const RUNS_COMMENT = 'パイプラインの実行（1行1実行）。latest_* ビューは最後に公開された実行を指す';
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export async function publishToPostgres(
  target: PostgresTarget,
  run: PublishedRun,
  tables: readonly PublishedTable[],
): Promise<'written' | 'already-published'> {
  if (!IDENTIFIER.test(target.schema)) {
    throw new UserError(
      `スキーマ名「${target.schema}」は英小文字・数字・_ で指定してください`,
      `Schema name "${target.schema}": use lower-case letters, digits and _`,
    );
  }
  if (target.readRole !== undefined && !IDENTIFIER.test(target.readRole)) {
    throw new UserError(
      `読み取り用ロール名「${target.readRole}」は英小文字・数字・_ で指定してください`,
      `Read role "${target.readRole}": use lower-case letters, digits and _`,
    );
  }
  const s = `"${target.schema}"`;
  const { default: postgres } = await import('pg'); // loaded only when publishing
  const client = new postgres.Client({ connectionString: target.connectionString, application_name: 'lei' });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`lei:${target.schema}`]);
    const owned = await claimSchema(
      client,
      target.schema,
      tables.map((t) => t.spec),
    );
    if (!owned.has('runs')) {
      await client.query(
        `CREATE TABLE ${s}.runs (run_id text PRIMARY KEY, folder text NOT NULL, started_at timestamptz NOT NULL, finished_at timestamptz NOT NULL, published_at timestamptz NOT NULL DEFAULT clock_timestamp(), manifest jsonb NOT NULL)`,
      );
      await client.query(`COMMENT ON TABLE ${s}.runs IS ${literal(RUNS_COMMENT)}`);
      await register(client, s, 'runs');
    }
    const existing = await client.query(`SELECT 1 FROM ${s}.runs WHERE run_id = $1`, [run.runId]);
    if (existing.rowCount) {
      if (target.readRole)
        await grantReadRole(
          client,
          target.schema,
          target.readRole,
          tables.map((t) => t.spec),
        );
      await client.query('COMMIT');
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
    if (target.readRole)
      await grantReadRole(
        client,
        target.schema,
        target.readRole,
        tables.map((t) => t.spec),
      );
    for (const t of tables) await insertRows(client, s, t, target.onBatch);
    await client.query('COMMIT');
    faultPoint('after-postgres-commit');
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
    await register(client, s, spec.name);
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
  await register(client, s, `latest_${spec.name}`);
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
    faultPoint('mid-postgres-publish');
  }
}

/**
 * The tables and views of the schema lei may write (those in lei_meta). Creates the schema and lei_meta on
 * first use; adopts a schema made by an older lei (runs carries lei's comment) by listing its tables; refuses
 * a schema holding a table or view of one of lei's names that lei did not create.
 */
async function claimSchema(client: pg.Client, schema: string, specs: readonly DatasetSpec[]): Promise<Set<string>> {
  const s = `"${schema}"`;
  const relations = new Map(
    (
      await client.query(
        `SELECT c.relname AS name, coalesce(obj_description(c.oid, 'pg_class'), '') AS comment FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'v', 'm', 'p', 'f')`,
        [schema],
      )
    ).rows.map((r: { name: string; comment: string }) => [r.name, r.comment]),
  );
  if (!relations.has('lei_meta')) {
    if (relations.has('runs') && relations.get('runs') !== RUNS_COMMENT) throw notOurs(schema, 'runs');
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE ${s}.lei_meta (object_name text PRIMARY KEY, schema_version integer NOT NULL, created_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
    await client.query(`COMMENT ON TABLE ${s}.lei_meta IS 'lei が作った表とビュー。ここにない表には lei は書き込まない'`);
    if (relations.has('runs')) {
      // Made by an older lei (no lei_meta yet): its tables carry lei's own comments.
      await register(client, s, 'runs');
      for (const spec of specs) {
        if (relations.get(spec.name)?.startsWith(`${spec.titleJa}: `)) {
          await register(client, s, spec.name);
          if (relations.has(`latest_${spec.name}`)) await register(client, s, `latest_${spec.name}`);
        }
      }
    }
  }
  const meta = (await client.query(`SELECT object_name, schema_version FROM ${s}.lei_meta`)).rows as { object_name: string; schema_version: number }[];
  const newest = Math.max(0, ...meta.map((m) => m.schema_version));
  if (newest > SCHEMA_VERSION) {
    throw new UserError(
      `スキーマ「${schema}」は新しい版の lei（表の版 ${newest}）が作ったものです。この lei（版 ${SCHEMA_VERSION}）では書き込みません。lei を更新してください`,
      `Schema "${schema}" was made by a newer lei (table version ${newest}); this lei (version ${SCHEMA_VERSION}) does not write to it. Update lei`,
    );
  }
  const owned = new Set(meta.map((m) => m.object_name));
  for (const name of ['runs', ...specs.flatMap((spec) => [spec.name, `latest_${spec.name}`])]) {
    if (relations.has(name) && !owned.has(name)) throw notOurs(schema, name);
  }
  return owned;
}

function notOurs(schema: string, name: string): UserError {
  return new UserError(
    `PostgreSQL のスキーマ「${schema}」に lei が作ったのではない表「${name}」があるため、公開しません（その表を変更・追記しないため）。` +
      `lei 専用のスキーマを --publish-schema（pipeline.yaml の publish.schema）で指定するか、その表を別のスキーマに移してください`,
    `PostgreSQL schema "${schema}" holds a table "${name}" that lei did not create; not published (that table is left as it is). ` +
      'Give lei a schema of its own with --publish-schema (pipeline.yaml publish.schema), or move that table to another schema',
  );
}

async function register(client: pg.Client, s: string, name: string): Promise<void> {
  await client.query(`INSERT INTO ${s}.lei_meta (object_name, schema_version) VALUES ($1, $2) ON CONFLICT (object_name) DO NOTHING`, [name, SCHEMA_VERSION]);
}

/** Least privilege for dashboards: USAGE on the schema and SELECT on the latest_* views, nothing else (granted once). */
async function grantReadRole(client: pg.Client, schema: string, role: string, specs: readonly DatasetSpec[]): Promise<void> {
  if (!(await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount) {
    throw new UserError(
      `読み取り用ロール「${role}」が PostgreSQL にありません。管理者が CREATE ROLE ${role} LOGIN; で作ってから公開してください`,
      `Read role "${role}" does not exist in PostgreSQL; an administrator creates it (CREATE ROLE ${role} LOGIN;) before publishing`,
    );
  }
  const s = `"${schema}"`;
  if (!(await client.query('SELECT has_schema_privilege($1, $2, $3) AS ok', [role, schema, 'USAGE'])).rows[0].ok) {
    await client.query(`GRANT USAGE ON SCHEMA ${s} TO "${role}"`);
  }
  for (const spec of specs) {
    const view = `${s}."latest_${spec.name}"`;
    if (!(await client.query('SELECT has_table_privilege($1, $2, $3) AS ok', [role, view, 'SELECT'])).rows[0].ok) {
      await client.query(`GRANT SELECT ON ${view} TO "${role}"`);
    }
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
