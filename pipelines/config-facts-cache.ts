// The facts of a config folder that passed every check (catalog, pipeline.yaml, contracts, source layouts), cached by
// the folder's snapshot key: its bytes, the names in it and the code version (config-snapshot.ts). An unchanged re-run
// then neither parses YAML nor builds and runs the schemas. The file is named after its key, so it can never answer
// for other bytes or other code; one that is unreadable or malformed is ignored, and the config is loaded in full.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../lib/repo-root.ts';
import type { ConfigFacts } from './config-facts.ts';
import type { ConfigSnapshot } from './config-snapshot.ts';

const CACHE_DIR = path.join(repoRoot, 'node_modules', '.cache', 'lei', 'config-facts');

export function configFactsFile(key: string): string {
  return path.join(CACHE_DIR, `${key}.json`);
}

/** The facts cached for this snapshot, or null (none, unreadable, malformed, or naming a file the snapshot lacks). */
export async function readConfigFacts(snapshot: ConfigSnapshot): Promise<ConfigFacts | null> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(configFactsFile(snapshot.key), 'utf8'));
  } catch {
    return null;
  }
  if (!isObject(value) || value['key'] !== snapshot.key || !isFacts(value['facts'])) return null;
  return value['facts'].configFiles.every((name) => snapshot.files.has(name)) ? value['facts'] : null;
}

/** Caches the facts of a config that has just passed every check; a cache that cannot be written only costs time. */
export async function writeConfigFacts(snapshot: ConfigSnapshot, facts: ConfigFacts): Promise<void> {
  try {
    await mkdir(CACHE_DIR, { recursive: true });
    const file = configFactsFile(snapshot.key);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ key: snapshot.key, facts }));
    await rename(temp, file);
  } catch {
    // not cached: the next run loads the config in full
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isNameOrNull = (v: unknown) => v === null || typeof v === 'string';

function isFacts(v: unknown): v is ConfigFacts {
  if (!isObject(v)) return false;
  const { progress, folders } = v;
  return (
    isCount(v['measures']) &&
    isCount(v['slots']) &&
    isCount(v['lines']) &&
    typeof v['actionPlanTerm'] === 'string' &&
    (progress === null || (isObject(progress) && typeof progress['term'] === 'string' && isCount(progress['indicators']))) &&
    isNameOrNull(v['accessGroup']) &&
    isNameOrNull(v['readRole']) &&
    isObject(folders) &&
    ['inbox', 'out', 'store'].every((k) => typeof folders[k] === 'string') &&
    Array.isArray(v['configFiles']) &&
    v['configFiles'].every((f) => typeof f === 'string')
  );
}
