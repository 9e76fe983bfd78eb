// The config folder as a run reads it: every YAML file at its top and every file in sources/ (bytes and sha256), the
// names of everything else there, and a key over all of it, the folder's path and the code version. Equal keys mean the loaders would
// read the same bytes with the same code, so they would come to the same verdict (config-facts-cache.ts relies on it).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { codeVersion } from '../lib/code-version.ts';

export interface ConfigCopy {
  /** Path from the config folder (as in manifest.config_files). */
  name: string;
  bytes: Buffer;
  sha256: string;
}

export interface ConfigSnapshot {
  /** By name from the config folder, as path.relative gives it (sources/kosha.yaml). */
  files: ReadonlyMap<string, ConfigCopy>;
  key: string;
}

/** The loaders read `<dir>/*.ya?ml` and `<dir>/sources/<family>.yaml` (config/load-catalog.ts, pipelines/define-source-family.ts). */
const READ_AT_TOP = /\.ya?ml$/;
const SNAPSHOT_VERSION = 'config-snapshot:1';

/** The snapshot, or null when anything there cannot be read as a plain listing and files (the loaders then report it). */
export async function readConfigSnapshot(dir: string): Promise<ConfigSnapshot | null> {
  try {
    // The folder's own place counts too: pipeline.yaml's default folders are named after it.
    const hash = createHash('sha256').update(`${SNAPSHOT_VERSION}\ncode:${await codeVersion()}\ndir:${path.resolve(dir)}\n`);
    const files = new Map<string, ConfigCopy>();
    const top = await readdir(dir, { withFileTypes: true });
    const sources = top.some((e) => e.name === 'sources') ? await readdir(path.join(dir, 'sources'), { withFileTypes: true }) : [];
    const entries = [
      ...top.map((e) => ({ name: e.name, kind: kindOf(e), read: READ_AT_TOP.test(e.name) })),
      ...sources.map((e) => ({ name: path.join('sources', e.name), kind: kindOf(e), read: !e.isDirectory() })),
    ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      hash.update(`entry:${entry.kind}:${entry.name}\n`);
      if (!entry.read) continue;
      const bytes = await readFile(path.join(dir, entry.name));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      files.set(entry.name, { name: entry.name, bytes, sha256 });
      hash.update(`file:${entry.name}:${sha256}\n`);
    }
    return { files, key: hash.digest('hex') };
  } catch {
    return null;
  }
}

function kindOf(e: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): string {
  return e.isFile() ? 'file' : e.isDirectory() ? 'dir' : e.isSymbolicLink() ? 'link' : 'other';
}
