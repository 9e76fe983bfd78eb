// An unchanged re-run is the nightly job's usual case (issue 9: ≤ 0.3 s with Node's start-up), so the compiled CLI must
// not load there what only a recomputing run needs: DuckDB's native library, the run's second thread (node:worker_threads),
// zlib (the xlsx readers and writers), node:http (`lei serve`) or node:child_process (only to look up pipeline.yaml's
// access.group, which the sample does not set). What a `lei run` process loaded is written at its exit by
// a module preloaded with --import: Node's own modules (process.moduleLoadList) and the files require() loaded.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distIsCurrent } from '../bin/source-stamp.js';
import { repoRoot, setagayaConfig, tempDir } from './helpers.ts';
import { sampleInbox, sampleRunCopy } from './sample-fixtures.ts';

const PROBE = `import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => writeFileSync(process.env.LEI_LOADED_FILE, JSON.stringify({
  builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length)),
  files: Object.keys(cache),
})));
`;

/** `lei run` over the sample inbox into `out`: its status and what the process loaded. */
async function runAndProbe(out: string, ...flags: string[]): Promise<{ status: string; builtins: string[]; files: string[] }> {
  const dir = await tempDir();
  const probe = path.join(dir, 'probe.mjs');
  const loaded = path.join(dir, 'loaded.json');
  await writeFile(probe, PROBE);
  const args = [
    'run',
    '--config',
    setagayaConfig,
    '--inbox',
    await sampleInbox(),
    '--out',
    out,
    '--store',
    path.join(out, 'store.duckdb'),
    '--warnings-ok',
    '--json',
  ];
  const run = spawnSync(process.execPath, ['--import', probe, path.join(repoRoot, 'bin', 'lei.js'), ...args, ...flags], {
    cwd: repoRoot,
    env: { ...process.env, LEI_LOADED_FILE: loaded },
    encoding: 'utf8',
  });
  const { status } = JSON.parse(run.stdout) as { status: string };
  return { status, ...(JSON.parse(await readFile(loaded, 'utf8')) as { builtins: string[]; files: string[] }) };
}

// From the TypeScript sources (an edit not yet built) lei runs through tsx, which loads more: this is about the compiled CLI.
describe.skipIf(!distIsCurrent())('the compiled CLI', () => {
  it('loads no DuckDB, second thread, zlib, node:http or node:child_process for an unchanged re-run; a recomputing run loads them', async () => {
    const out = await sampleRunCopy({ store: true });
    // The copy's store is another file than its stamp names: the first re-run asks DuckDB, and stamps it again.
    expect((await runAndProbe(out)).status).toBe('unchanged');
    const unchanged = await runAndProbe(out);
    expect(unchanged.status).toBe('unchanged');
    expect(unchanged.builtins).toContain('fs');
    expect(unchanged.builtins.filter((m) => ['worker_threads', 'zlib', 'http', 'child_process'].includes(m))).toEqual([]);
    expect(unchanged.files.filter((f) => f.includes('@duckdb'))).toEqual([]);
    // The probe sees them where they are loaded.
    const full = await runAndProbe(out, '--full');
    expect(full.status).toBe('published');
    expect(full.builtins).toEqual(expect.arrayContaining(['worker_threads', 'zlib']));
    expect(full.files.some((f) => f.includes('@duckdb'))).toBe(true);
  });
});
