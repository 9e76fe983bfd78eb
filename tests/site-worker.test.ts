// The dashboard built in a worker thread (as a compiled run builds it): the run's rows cloned into the thread give the
// pages the run folder holds, byte for byte; a worker started early waits for its job; a failing build fails the write
// with the error the calling thread would have given.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../config/load-catalog.ts';
import type { PublishedTable } from '../lib/dataset-spec.ts';
import { datasets } from '../lib/datasets.ts';
import { withPlanWords } from '../lib/with-plan-words.ts';
import type { SiteInput } from '../outputs/site/site-context.ts';
import { siteWorkerUrl, startSiteBuild } from '../outputs/site/site-job.ts';
import { folderOutputs, releaseOutputs, SITE_THREAD_MAX_INPUT_BYTES } from '../pipelines/write-outputs.ts';
import { setagayaConfig, tempDir } from './helpers.ts';
import { sampleRun } from './sample-fixtures.ts';

let runDir: string;
let catalog: Catalog;
let input: SiteInput;

// JSON.parse gives untyped rows; the run wrote them from the typed datasets.
const json = async <T extends object>(name: string): Promise<T[]> => JSON.parse(await readFile(path.join(runDir, `${name}.json`), 'utf8'));

async function filesOf(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return new Map(await Promise.all(files.map(async (f) => [path.relative(dir, f), await readFile(f, 'utf8')] as const)));
}

beforeAll(async () => {
  runDir = (await sampleRun()).folder;
  catalog = await loadCatalog(setagayaConfig);
  const manifest = JSON.parse(await readFile(path.join(runDir, 'manifest.json'), 'utf8')) as { run_id: string };
  // The tables in the order the run wrote them (datapackage.json lists them so, as <table>-csv, <table>-json …).
  const packaged = JSON.parse(await readFile(path.join(runDir, 'datapackage.json'), 'utf8')) as { resources: { name: string }[] };
  const order = [...new Set(packaged.resources.map((r) => r.name.replace(/-[a-z]+$/, '')))];
  const published = datasets.filter((spec) => existsSync(path.join(runDir, `${spec.name}.json`)));
  const tables: PublishedTable[] = await Promise.all(published.map(async (spec) => ({ spec: withPlanWords(spec, catalog.plan), rows: await json(spec.name) })));
  input = {
    runId: manifest.run_id,
    fiscalYear: 2024,
    indicatorValues: await json('indicator_values'),
    actionPlanProgress: await json('action_plan_progress'),
    compositeIndex: await json('composite_index'),
    observations: await json('observations'),
    issues: await json('issues'),
    tables: tables.sort((a, b) => order.indexOf(a.spec.name) - order.indexOf(b.spec.name)),
    formats: { json: true, parquet: true },
    otherFiles: ['manifest.json', 'committee_report.xlsx'],
  };
}, 120_000);

describe('dashboard in a worker thread', () => {
  it('writes the pages the run folder holds, started before its job arrives', async () => {
    const build = startSiteBuild('worker');
    // The job comes later, as in a run: the worker has loaded its modules meanwhile and waited.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const dir = path.join(await tempDir(), 'site');
    await build.run({ catalog, input, dir });
    const expected = await filesOf(path.join(runDir, 'site'));
    const written = await filesOf(dir);
    expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [file, content] of expected) expect(written.get(file), file).toBe(content);
  }, 120_000);

  it('fails the write with the error the calling thread gives when the build fails', async () => {
    const blocked = path.join(await tempDir(), 'not-a-folder');
    await writeFile(blocked, '');
    const job = { catalog, input, dir: path.join(blocked, 'site') };
    const inThread = await startSiteBuild('inline')
      .run(job)
      .then(
        () => null,
        (e: unknown) => e as NodeJS.ErrnoException,
      );
    const inWorker = await startSiteBuild('worker')
      .run(job)
      .then(
        () => null,
        (e: unknown) => e as NodeJS.ErrnoException,
      );
    expect(inThread?.code).toBe('ENOTDIR');
    expect(inWorker).toBeInstanceOf(Error);
    expect({ name: inWorker?.name, message: inWorker?.message, code: inWorker?.code, syscall: inWorker?.syscall, path: inWorker?.path }).toEqual({
      name: inThread?.name,
      message: inThread?.message,
      code: inThread?.code,
      syscall: inThread?.syscall,
      path: inThread?.path,
    });
  }, 120_000);

  it('ends a thread no job reached', async () => {
    const build = startSiteBuild('worker');
    build.release();
    // Released, the thread is gone: a job sent to it fails instead of waiting for ever.
    await expect(build.run({ catalog, input, dir: path.join(await tempDir(), 'site') })).rejects.toThrow();
  }, 120_000);

  it("finds the worker thread's file in the sources, in dist/ and from the bundle in dist/bundle/", async () => {
    expect(siteWorkerUrl('file:///lei/outputs/site/site-job.ts').href).toBe('file:///lei/outputs/site/site-worker.ts');
    expect(siteWorkerUrl('file:///lei/dist/outputs/site/site-job.js').href).toBe('file:///lei/dist/outputs/site/site-worker.js');
    // A bundle with the site-worker entry runs it through bin/site-thread.js (with its code cache); one without, the compiled module.
    const root = await tempDir();
    const chunk = pathToFileURL(path.join(root, 'dist', 'bundle', 'chunk-ABC123.js')).href;
    expect(siteWorkerUrl(chunk).href).toBe(pathToFileURL(path.join(root, 'dist', 'outputs', 'site', 'site-worker.js')).href);
    await mkdir(path.join(root, 'dist', 'bundle'), { recursive: true });
    await writeFile(path.join(root, 'dist', 'bundle', 'site-worker.cjs'), '');
    expect(siteWorkerUrl(chunk).href).toBe(pathToFileURL(path.join(root, 'bin', 'site-thread.js')).href);
  });

  it('starts the site first beside a small inbox (its own thread), last beside a large one (built in the calling thread)', () => {
    const formats = { json: true, parquet: true, committeeWorkbook: true, site: true };
    const small = folderOutputs(formats, 1024);
    const large = folderOutputs(formats, SITE_THREAD_MAX_INPUT_BYTES + 1);
    expect(small.map((o) => o.name)).toEqual(['site', 'datasets', 'committee-workbook', 'manifest']);
    expect(large.map((o) => o.name)).toEqual(['datasets', 'committee-workbook', 'manifest', 'site']);
    releaseOutputs([...small, ...large]);
  });
});
