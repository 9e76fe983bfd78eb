// An unchanged re-run takes its config from the facts cache (pipelines/config-facts-cache.ts) only while the config
// folder holds the very bytes a run checked: an edit of any kind, even one that keeps a file's size and modification
// time, is loaded and checked again; a damaged cache file is ignored. Either way the run reports exactly the same.
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, type ConfigProblem } from '../config/load-catalog.ts';
import { loadPipelineConfig } from '../config/load-pipeline-config.ts';
import { configFactsFile, readConfigFacts } from '../pipelines/config-facts-cache.ts';
import { readConfigSnapshot } from '../pipelines/config-snapshot.ts';
import { pipelineFolders } from '../pipelines/run-config.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import type { RunResult } from '../pipelines/run-types.ts';
import { copyConfig, problemsOf, setagayaConfig } from './helpers.ts';
import { sampleInboxCopy, sampleRunCopy } from './sample-fixtures.ts';

/** A run over the sample with the log it wrote (Japanese and English). */
async function run(configDir: string, inboxDir: string, outDir: string): Promise<{ result: RunResult; log: string[] }> {
  const log: string[] = [];
  const result = await runPipeline({ configDir, inboxDir, outDir, storePath: null, log: (m, en) => log.push(m, en ?? '') });
  return { result, log };
}

async function cacheFileOf(configDir: string): Promise<string> {
  const snapshot = await readConfigSnapshot(configDir);
  if (!snapshot) throw new Error('test setup: the config folder cannot be read');
  return configFactsFile(snapshot.key);
}

/** A whole second, so that the file system keeps it exactly. */
const PINNED = new Date('2026-04-01T00:00:00Z');

/** A copy of the Setagaya config whose plan.yaml has a known modification time. */
async function pinnedConfig(): Promise<string> {
  const config = await copyConfig(setagayaConfig);
  await utimes(path.join(config, 'plan.yaml'), PINNED, PINNED);
  return config;
}

/** Replaces text in a config file by text of the same length, its modification time put back. */
async function editKeepingSizeAndTime(file: string, from: string, to: string): Promise<void> {
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  const before = await stat(file, { bigint: true });
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`test setup: ${from} not in ${file}`);
  await writeFile(file, text.replace(from, to));
  await utimes(file, PINNED, PINNED);
  const after = await stat(file, { bigint: true });
  expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
}

describe('the config facts cache', () => {
  it('answers an unchanged re-run as loading the config would, and a damaged cache file is ignored', async () => {
    const config = await copyConfig(setagayaConfig);
    const inbox = await sampleInboxCopy();
    const out = await sampleRunCopy();
    const cacheFile = await cacheFileOf(config);

    const loaded = await run(config, inbox, out);
    expect(loaded.result.status).toBe('unchanged');
    const snapshot = await readConfigSnapshot(config);
    expect(snapshot && (await readConfigFacts(snapshot))).not.toBeNull();

    const cached = await run(config, inbox, out);
    expect(cached).toEqual(loaded);

    for (const damaged of ['{"key":', 'null', JSON.stringify({ key: snapshot?.key, facts: { measures: 'many' } })]) {
      await writeFile(cacheFile, damaged);
      expect(snapshot && (await readConfigFacts(snapshot))).toBeNull();
      expect(await run(config, inbox, out)).toEqual(loaded);
    }
    // The run that ignored the damaged file cached the facts afresh.
    expect(snapshot && (await readConfigFacts(snapshot))).not.toBeNull();
    expect(await pipelineFolders(config)).toEqual(await loadPipelineConfig(config).then(({ inbox, out, store }) => ({ inbox, out, store })));
  });

  it('loads a config file edited in place, its size and modification time kept, and takes the run as changed', async () => {
    const config = await pinnedConfig();
    const inbox = await sampleInboxCopy();
    const out = await sampleRunCopy();
    const first = await run(config, inbox, out);
    expect(first.result.status).toBe('unchanged');

    // Even a comment: the config's bytes are part of the run id.
    await editKeepingSizeAndTime(path.join(config, 'plan.yaml'), '# Logic-model plan', '# Logic-model PLAN');
    const edited = await run(config, inbox, out);
    expect(edited.result.status).toBe('published');
    expect(edited.result.runId).not.toBe(first.result.runId);
  });

  it('checks an edited config file again: its problems are reported although the folder was cached as checked', async () => {
    const config = await pinnedConfig();
    const inbox = await sampleInboxCopy();
    const out = await sampleRunCopy();
    expect((await run(config, inbox, out)).result.status).toBe('unchanged');

    await editKeepingSizeAndTime(path.join(config, 'plan.yaml'), 'baselineFiscalYear: 2023', 'baselineFiscalYear: 20x3');
    expect(await problemsOfRun(config, inbox, out)).toEqual(await problemsOf(config));
  });

  it('loads a folder with a file added, or a source layout removed', async () => {
    const config = await copyConfig(setagayaConfig);
    const inbox = await sampleInboxCopy();
    const out = await sampleRunCopy();
    expect((await run(config, inbox, out)).result.status).toBe('unchanged');

    // The catalog binds measures to RESAS: without its layout the config is refused, as when loaded for the first time.
    await rm(path.join(config, 'sources', 'resas.yaml'));
    expect((await problemsOfRun(config, inbox, out)).map((p) => p.code)).toEqual(['config-source-config-missing', 'config-source-config-missing']);
    await writeFile(path.join(config, 'sources', 'resas.yaml'), await readFile(path.join(setagayaConfig, 'sources', 'resas.yaml')));
    expect((await run(config, inbox, out)).result.status).toBe('unchanged');

    await writeFile(path.join(config, 'extra.yaml'), 'a: 1\n');
    expect((await problemsOfRun(config, inbox, out)).map((p) => p.code)).toEqual(['config-unknown-file']);
  });
});

async function problemsOfRun(configDir: string, inboxDir: string, outDir: string): Promise<ConfigProblem[]> {
  const error = await run(configDir, inboxDir, outDir).catch((e: unknown) => e);
  if (error instanceof ConfigError) return error.problems;
  throw new Error('expected a ConfigError');
}
