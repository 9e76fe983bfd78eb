// Each run writes into a folder of its own; `latest` is switched to it by one atomic rename of a symlink,
// so a reader sees the previous run or the new one, never a half-written one. A run made again with the same
// run id (--full) replaces its folder under the same name, so runs/ holds one folder per run id.
import { cp, mkdir, readdir, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { faultPoint } from '../lib/fault-point.ts';

export interface StagedRunFolder {
  /** Where the run's files are written before activation. */
  dir: string;
  /** Moves the staged folder into runs/ and points latest at it; returns the final folder. */
  activate(): Promise<string>;
  /** Removes the staged folder; latest is untouched. */
  discard(): Promise<void>;
}

export async function stageRunFolder(outDir: string, folderName: string): Promise<StagedRunFolder> {
  const runsDir = path.join(outDir, 'runs');
  await mkdir(runsDir, { recursive: true });
  const staging = path.join(runsDir, `.staging-${folderName}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  const pointLatest = (target: string) => pointLatestAt(outDir, target);
  return {
    dir: staging,
    async activate() {
      const final = path.join(runsDir, folderName);
      try {
        await rename(staging, final);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw e;
        // The same run made again (--full): latest points at the staged copy while the old folder is replaced.
        await pointLatest(staging);
        const replaced = path.join(runsDir, `.replaced-${folderName}`);
        await rm(replaced, { recursive: true, force: true });
        await rename(final, replaced);
        faultPoint('mid-folder-replace');
        await cp(staging, final, { recursive: true });
        await pointLatest(final);
        await Promise.all([rm(staging, { recursive: true, force: true }), rm(replaced, { recursive: true, force: true })]);
        return final;
      }
      await pointLatest(final);
      return final;
    },
    discard: () => rm(staging, { recursive: true, force: true }),
  };
}

/** The folder of an earlier run with this run id (`<time>-<runId>`), reused when the run is made again. */
export async function existingRunFolder(outDir: string, runId: string): Promise<string | undefined> {
  const names = await readdir(path.join(outDir, 'runs')).catch(() => []);
  return names
    .filter((n) => !n.startsWith('.') && n.endsWith(`-${runId}`))
    .sort()
    .at(-1);
}

/** Points <outDir>/latest at a run folder by one rename of a fresh symlink (readers never see it missing). */
export async function pointLatestAt(outDir: string, target: string): Promise<void> {
  const tempLink = path.join(outDir, `.latest-${process.pid}`);
  await rm(tempLink, { force: true });
  await symlink(path.relative(outDir, target), tempLink);
  await rename(tempLink, path.join(outDir, 'latest'));
}
