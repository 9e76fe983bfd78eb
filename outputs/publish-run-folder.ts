// Each run writes into a folder of its own; `latest` is switched to it by one atomic rename of a symlink,
// so a reader sees the previous run or the new one, never a half-written one.
import { mkdir, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';

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
  return {
    dir: staging,
    async activate() {
      const name = await moveIntoPlace(staging, runsDir, folderName);
      const link = path.join(outDir, 'latest');
      const tempLink = path.join(outDir, `.latest-${process.pid}`);
      await rm(tempLink, { force: true });
      await symlink(path.join('runs', name), tempLink);
      await rename(tempLink, link);
      return path.join(runsDir, name);
    },
    discard: () => rm(staging, { recursive: true, force: true }),
  };
}

/** A folder of the same name (same inputs, same millisecond) gets a numbered sibling, never overwritten. */
async function moveIntoPlace(staging: string, runsDir: string, folderName: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? folderName : `${folderName}-${n}`;
    try {
      await rename(staging, path.join(runsDir, name));
      return name;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw e;
    }
  }
}
