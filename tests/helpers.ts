// Shared test helpers: temporary folders and copies of config fixtures.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { ConfigError, loadCatalog, type ConfigProblem } from '../config/load-catalog.ts';

const made: string[] = [];

export async function tempDir(prefix = 'lei-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the folders tempDir made; tests/setup-each-file.ts calls it after each test file. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const setagayaConfig = path.join(repoRoot, 'config', 'setagaya');
export const otherCityConfig = path.join(repoRoot, 'tests', 'fixtures', 'catalog-other-city');

interface ConfigEdit {
  file: string;
  replace: [string | RegExp, string];
}

/** A writable copy of a config folder, optionally with files' text edited. */
export async function copyConfig(from: string, edits?: ConfigEdit | ConfigEdit[]): Promise<string> {
  const dir = path.join(await tempDir('lei-config-'), 'config');
  await cp(from, dir, { recursive: true });
  for (const edit of [edits ?? []].flat()) {
    const file = path.join(dir, edit.file);
    const text = await readFile(file, 'utf8');
    const next = text.replace(edit.replace[0], edit.replace[1]);
    if (next === text) throw new Error(`test setup: pattern not found in ${edit.file}`);
    await writeFile(file, next);
  }
  return dir;
}

/**
 * A writable copy of a config folder whose runs write only the tables' own files (CSV, JSON, manifest): no site,
 * committee workbook or Parquet, which add nothing to a run's issues or figures. For tests that read only those.
 */
export async function tablesOnlyConfig(from: string, edit?: ConfigEdit): Promise<string> {
  const tablesOnly: ConfigEdit = {
    file: 'pipeline.yaml',
    replace: [/^outputs:\n(?: {2}.*\n)+/m, 'outputs: { json: true, parquet: false, committeeWorkbook: false, site: false }\n'],
  };
  return copyConfig(from, edit ? [tablesOnly, edit] : tablesOnly);
}

/** Reads one of our CSV outputs (BOM, header row) into objects of strings. */
export async function readCsv(file: string): Promise<Record<string, string>[]> {
  const text = await readFile(file, 'utf8');
  if (!text.startsWith('\uFEFF')) throw new Error(`${file} has no BOM`);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  return parsed.data;
}

/** The problems a config folder is refused with (fails the test when it loads). */
export async function problemsOf(dir: string): Promise<ConfigProblem[]> {
  try {
    await loadCatalog(dir);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

/** Runs the lei binary as a user does; resolves with its exit code and output. */
export async function runLei(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [path.join(repoRoot, 'bin', 'lei.js'), ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
