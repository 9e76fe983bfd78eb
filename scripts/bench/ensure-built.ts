// The whole-job cases time `node bin/lei.js`, which runs the compiled dist/ only while it matches the sources (and
// the TypeScript through tsx, much slower to start, once anything has been edited). So before each timed run, build
// (untimed) whenever the sources have moved on since the last `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../lib/repo-root.ts';

interface SourceStamp {
  sourceStamp(): string;
  stampFile: string;
}

export async function ensureBuilt(): Promise<void> {
  const { sourceStamp, stampFile } = (await import(pathToFileURL(path.join(repoRoot, 'bin', 'source-stamp.js')).href)) as SourceStamp;
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === sourceStamp()) return;
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'build-dist.js')], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0 || !existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== sourceStamp()) {
    throw new Error('npm run build が通らないため、コンパイル済みの lei を計測できません（型エラーを直してから計測してください）');
  }
}
