// A fingerprint of the TypeScript sources that dist/ is compiled from. bin/lei.js runs the compiled copy
// only when its stamp equals the sources' current fingerprint; otherwise it runs the sources through tsx.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE_FOLDERS = ['cli', 'config', 'lib', 'sources', 'transforms', 'outputs', 'pipelines', 'scripts'];
export const stampFile = path.join(root, 'dist', '.source-stamp');
/** Each source file's size and modification time when the stamp was made: the quick check at every start. */
const statsFile = path.join(root, 'dist', '.source-stats.json');

function sourceFiles() {
  const files = [];
  // Joined by hand: readdir's paths are already normal, and path.join on every file is a good part of this check's time.
  for (const folder of SOURCE_FOLDERS) {
    for (const e of readdirSync(`${root}${path.sep}${folder}`, { recursive: true, withFileTypes: true })) {
      if (e.isFile() && e.name.endsWith('.ts')) files.push(`${e.parentPath}${path.sep}${e.name}`);
    }
  }
  files.push(path.join(root, 'tsconfig.json'), path.join(root, 'tsconfig.build.json'), path.join(root, 'package-lock.json'));
  return files.sort();
}

export function sourceStamp(files = sourceFiles()) {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${path.relative(root, f)}\n`).update(readFileSync(f));
  return hash.digest('hex');
}

/** Stamps dist/ as compiled from the sources as they are now (bin/build-dist.js, after a successful build). */
export function writeSourceStamp() {
  const files = sourceFiles();
  writeFileSync(stampFile, sourceStamp(files));
  writeFileSync(statsFile, JSON.stringify(statsOf(files)));
}

/**
 * Whether dist/ was compiled from the sources as they are. The same files with the same sizes and modification times
 * (ns) as when stamped answer without reading them (an edit changes the time); anything else is settled by the hash.
 */
export function distIsCurrent() {
  let stamp;
  try {
    stamp = readFileSync(stampFile, 'utf8');
  } catch {
    return false;
  }
  const files = sourceFiles();
  try {
    const recorded = JSON.parse(readFileSync(statsFile, 'utf8'));
    const now = statsOf(files);
    if (Object.keys(now).length === Object.keys(recorded).length && Object.entries(now).every(([f, s]) => recorded[f] === s)) return true;
  } catch {
    // no or unreadable record: the hash decides
  }
  return stamp === sourceStamp(files);
}

function statsOf(files) {
  // Every file is under root (sourceFiles joins them to it): its name is the rest of the path, without path.relative's cost.
  return Object.fromEntries(
    files.map((f) => {
      const s = statSync(f, { bigint: true });
      return [f.slice(root.length + 1), `${s.size}:${s.mtimeNs}`];
    }),
  );
}
