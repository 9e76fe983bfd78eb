// Incremental runs: a source family whose files, config and code are unchanged since the last run is not read
// again; its observations, issues and tables come from the cache. Only the families whose inputs changed are
// re-read (a new monthly Pay report does not re-read the 100,000-respondent survey wave).
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceResult } from '../lib/observation.ts';
import type { InboxFile } from '../sources/inbox-file.ts';

export interface FamilyCache {
  get(family: string, files: readonly InboxFile[]): Promise<SourceResult | undefined>;
  put(family: string, files: readonly InboxFile[], result: SourceResult): Promise<void>;
}

/** `fingerprint` covers everything but the family's own files: code version and every config file. */
export function familyCache(dir: string, fingerprint: string): FamilyCache {
  const key = (family: string, files: readonly InboxFile[]) => {
    const hash = createHash('sha256').update(`${fingerprint}\n${family}\n`);
    for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) hash.update(`${f.name}:${f.sha256}\n`);
    return `${family}-${hash.digest('hex').slice(0, 24)}.json`;
  };
  return {
    async get(family, files) {
      try {
        return JSON.parse(await readFile(path.join(dir, key(family, files)), 'utf8')) as SourceResult;
      } catch {
        return undefined;
      }
    },
    async put(family, files, result) {
      const name = key(family, files);
      await mkdir(dir, { recursive: true });
      const temp = path.join(dir, `.${name}.${process.pid}.tmp`);
      // Only what the run uses: an adapter may return more (the survey keeps its waves for reprocess). The facts go
      // with the values: without them the data contracts would publish, from the cache, a value they withheld before.
      const { observations, issues, gaps, statuses, tables, facts } = result;
      await writeFile(temp, JSON.stringify({ observations, issues, gaps, statuses, tables, facts }));
      await rename(temp, path.join(dir, name));
      // Only the newest entry per family is kept.
      for (const other of await readdir(dir)) {
        if (other !== name && other.startsWith(`${family}-`) && other.endsWith('.json')) await rm(path.join(dir, other), { force: true });
      }
    },
  };
}
