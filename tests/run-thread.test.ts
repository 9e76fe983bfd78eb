// The run's second thread (pipelines/run-thread.ts), as a compiled run uses it: the largest family read there gives what
// the calling thread reads, progress and a file changed mid-run included; the dashboard built there from the run's rows
// cloned into it gives the pages the run folder holds, byte for byte; a thread started early waits for its jobs; a
// failing build fails the write with the error the calling thread would have given.
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../config/load-catalog.ts';
import type { PublishedTable } from '../lib/dataset-spec.ts';
import { datasets } from '../lib/datasets.ts';
import { withPlanWords } from '../lib/with-plan-words.ts';
import { siteTables, type SiteInput } from '../outputs/site/site-context.ts';
import { drawSiteRows, finishSite } from '../outputs/site/site-job.ts';
import { loadRunInputs } from '../pipelines/load-run-inputs.ts';
import { readFamilies } from '../pipelines/read-families.ts';
import { readFamily } from '../pipelines/read-family.ts';
import { EARLY_THREAD_LIMITS, startRunThreadEarly } from '../bin/run-thread-start.js';
import {
  RUN_THREAD_LIMITS,
  RUN_THREAD_MAX_INPUT_BYTES,
  runThreadUrl,
  startRunThread,
  takeEarlyRunThread,
  threadForInbox,
  type RunThread,
} from '../pipelines/run-thread.ts';
import { folderOutputs } from '../pipelines/write-outputs.ts';
import { loadPipelineConfig } from '../config/load-pipeline-config.ts';
import { InboxFileChangedError } from '../sources/inbox-file.ts';
import { setagayaConfig, tempDir } from './helpers.ts';
import { sampleInboxCopy, sampleRun } from './sample-fixtures.ts';

/** A second thread as a compiled run starts it (from the sources: a worker that loads them through tsx). */
function thread(): RunThread {
  const started = startRunThread('worker');
  if (!started) throw new Error('no thread');
  return started;
}

/** A whole site: the catalog, the run's rows and the folder to write. */
interface SiteJob {
  catalog: Catalog;
  input: SiteInput;
  dir: string;
}

/** A whole site in a second thread, as a run sends it: the rows of the indicator tables first, then the summary and the folder. */
function buildInThread(second: RunThread, { catalog, input, dir }: SiteJob): Promise<void> {
  const { compositeIndex, issues, datasets, ...rows } = input;
  second.beginSite({ catalog, rows });
  return second.finishSite({ summary: { compositeIndex, issues, datasets }, dir });
}

/** The same two steps in this thread. */
async function buildHere({ catalog, input, dir }: SiteJob): Promise<void> {
  const { compositeIndex, issues, datasets, ...rows } = input;
  await finishSite(await drawSiteRows({ catalog, rows }), { summary: { compositeIndex, issues, datasets }, dir });
}

const siteInThread = (job: SiteJob) => buildInThread(thread(), job);

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
    indicatorProgress: [],
    compositeIndex: await json('composite_index'),
    observations: await json('observations'),
    issues: await json('issues'),
    ...siteTables(tables.sort((a, b) => order.indexOf(a.spec.name) - order.indexOf(b.spec.name))),
    formats: { json: true, parquet: true },
    otherFiles: ['manifest.json', 'committee_report.xlsx'],
  };
}, 120_000);

describe('the largest family read in the second thread', () => {
  it('gives what this thread reads, with progress through its files; the other families stay here', async () => {
    const inbox = await sampleInboxCopy();
    const options = { configDir: setagayaConfig, inboxDir: inbox, outDir: path.join(await tempDir(), 'out'), storePath: null, full: true, dryRun: true };
    const run = await loadRunInputs(options, catalog, new Date('2025-04-01T00:00:00Z'));
    const pipeline = await loadPipelineConfig(setagayaConfig);
    const here = await readFamilies(options, catalog, pipeline, run);
    const progress: string[] = [];
    const posted: string[] = [];
    const second = thread();
    const spy: RunThread = {
      ...second,
      readFamily: (family, ...rest) => {
        posted.push(family.family);
        return second.readFamily(family, ...rest);
      },
    };
    try {
      const there = await readFamilies({ ...options, onProgress: (file) => progress.push(file) }, catalog, pipeline, run, spy, () => posted.push('prepare'));
      // The survey has the most bytes of the sample's families; what the outputs prepare is asked for once its read is posted.
      expect(posted).toEqual(['industry-survey', 'prepare']);
      expect(there).toEqual(here);
      expect(progress.some((file) => file.startsWith('industry-survey/'))).toBe(true);
    } finally {
      second.release();
    }
  }, 120_000);

  it('stops the run with the same error when a file changes while the thread reads it', async () => {
    const inbox = await sampleInboxCopy();
    const options = { configDir: setagayaConfig, inboxDir: inbox, outDir: path.join(await tempDir(), 'out'), storePath: null, full: true, dryRun: true };
    const run = await loadRunInputs(options, catalog, new Date('2025-04-01T00:00:00Z'));
    const survey = run.families.find((f) => f.family.family === 'industry-survey')!;
    const files = run.inputs.filter((f) => f.name.startsWith('industry-survey/'));
    const csv = files.find((f) => f.name.endsWith('.csv'))!;
    await appendFile(path.join(inbox, csv.name), '\n');
    const second = thread();
    try {
      const read = readFamily(survey, files, catalog, {}, () => second.readFamily(survey.portable, files, catalog, {}));
      await expect(read).rejects.toBeInstanceOf(InboxFileChangedError);
      await expect(read).rejects.toMatchObject({ file: csv.name });
    } finally {
      second.release();
    }
  }, 120_000);
});

describe('dashboard in the second thread', () => {
  it('writes the pages the run folder holds, started before its job arrives', async () => {
    const build = thread();
    // The job comes later, as in a run: the thread has loaded its modules meanwhile and waited.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const dir = path.join(await tempDir(), 'site');
    await buildInThread(build, { catalog, input, dir });
    const expected = await filesOf(path.join(runDir, 'site'));
    const written = await filesOf(dir);
    expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [file, content] of expected) expect(written.get(file), file).toBe(content);
  }, 120_000);

  it('fails the write with the error the calling thread gives when the build fails', async () => {
    const blocked = path.join(await tempDir(), 'not-a-folder');
    await writeFile(blocked, '');
    const job = { catalog, input, dir: path.join(blocked, 'site') };
    const inThread = await buildHere(job).then(
      () => null,
      (e: unknown) => e as NodeJS.ErrnoException,
    );
    const inWorker = await siteInThread(job).then(
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

  it('answers a site job without its rows with what to send first', async () => {
    const { compositeIndex, issues, datasets } = input;
    await expect(thread().finishSite({ summary: { compositeIndex, issues, datasets }, dir: path.join(await tempDir(), 'site') })).rejects.toThrow(/site-rows/);
  }, 120_000);

  it('ends a thread no job reached', async () => {
    const build = thread();
    build.release();
    // Released, the thread is gone: a job sent to it fails instead of waiting for ever.
    await expect(buildInThread(build, { catalog, input, dir: path.join(await tempDir(), 'site') })).rejects.toThrow();
  }, 120_000);

  it('takes over the thread `lei run --full` started before the bundle loaded, once, and only for the file it runs', async () => {
    expect(EARLY_THREAD_LIMITS).toEqual(RUN_THREAD_LIMITS);
    const file = new URL('../bin/run-thread.js', import.meta.url);
    startRunThreadEarly();
    const early = takeEarlyRunThread(file);
    expect(early).toBeDefined();
    expect(takeEarlyRunThread(file)).toBeUndefined();
    await early!.terminate();
    // Started for one file and asked for another (the run's own thread would run other code): ended, not taken.
    startRunThreadEarly();
    expect(takeEarlyRunThread(new URL('../pipelines/run-thread-worker.ts', import.meta.url))).toBeUndefined();
    expect(takeEarlyRunThread(file)).toBeUndefined();
  }, 120_000);

  it("finds the thread's file in the sources, in dist/ and from the bundle in dist/bundle/", async () => {
    expect(runThreadUrl('file:///lei/pipelines/run-thread.ts').href).toBe('file:///lei/pipelines/run-thread-worker.ts');
    expect(runThreadUrl('file:///lei/dist/pipelines/run-thread.js').href).toBe('file:///lei/dist/pipelines/run-thread-worker.js');
    // A bundle with the run-thread entry runs it through bin/run-thread.js (with its code cache); one without, the compiled module.
    const root = await tempDir();
    const chunk = pathToFileURL(path.join(root, 'dist', 'bundle', 'chunk-ABC123.js')).href;
    expect(runThreadUrl(chunk).href).toBe(pathToFileURL(path.join(root, 'dist', 'pipelines', 'run-thread-worker.js')).href);
    await mkdir(path.join(root, 'dist', 'bundle'), { recursive: true });
    await writeFile(path.join(root, 'dist', 'bundle', 'run-thread.cjs'), '');
    expect(runThreadUrl(chunk).href).toBe(pathToFileURL(path.join(root, 'bin', 'run-thread.js')).href);
  });

  it('ends the thread beside a large inbox, and a job sent to it then fails', async () => {
    const second = thread();
    expect(threadForInbox(second, RUN_THREAD_MAX_INPUT_BYTES)).toBe(second);
    expect(threadForInbox(second, RUN_THREAD_MAX_INPUT_BYTES + 1)).toBeUndefined();
    await expect(buildInThread(second, { catalog, input, dir: path.join(await tempDir(), 'site') })).rejects.toThrow();
  });

  it('starts the site first with a second thread, last without one', () => {
    const formats = { json: true, parquet: true, committeeWorkbook: true, site: true };
    const second = thread();
    try {
      expect(folderOutputs(formats, second).map((o) => o.name)).toEqual(['site', 'datasets', 'committee-workbook', 'manifest']);
      expect(folderOutputs(formats).map((o) => o.name)).toEqual(['datasets', 'committee-workbook', 'manifest', 'site']);
    } finally {
      second.release();
    }
  });
});
