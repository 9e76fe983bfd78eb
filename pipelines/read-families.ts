// Step 5: each inbox file goes to its family (by folder and extension); the families are read two at a time, from
// the cache when their files, config and code are unchanged. With the run's second thread (run-thread.ts), the family
// with the most bytes to read is read there while this thread reads the others. A reader holds a file's bytes only
// while it reads it, so memory follows the largest family being read, not the inbox. A family that fails is reported,
// and the others still publish (read-family.ts).
import path from 'node:path';
import pLimit from 'p-limit';
import type { Catalog } from '../config/load-catalog.ts';
import type { PipelineConfig } from '../config/pipeline-schema.ts';
import { codeVersion } from '../lib/code-version.ts';
import { issueOf } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import type { Gap, Observation, SourceResult, StatusReading } from '../lib/observation.ts';
import type { InboxFile } from '../sources/inbox-file.ts';
import type { ReadContext } from '../sources/source-reader.ts';
import { xlsxLimitsOf } from './contract-inputs.ts';
import type { ConfiguredFamily } from './define-source-family.ts';
import { familyCache } from './family-cache.ts';
import type { RunInputs } from './load-run-inputs.ts';
import { readFamily } from './read-family.ts';
import type { RunThread } from './run-thread.ts';
import type { RunOptions } from './run-types.ts';

export interface FamilyReadings {
  /** Every family's result, in registry order. */
  results: SourceResult[];
  observations: Observation[];
  /** The inbox's own issues (links, unknown files, disabled families), then each family's. */
  issues: Issue[];
  gaps: Gap[];
  statuses: StatusReading[];
}

/** Families read at once: enough to overlap one family's waiting with another's parsing, few enough to bound memory. */
const FAMILIES_AT_ONCE = 2;

export async function readFamilies(
  options: RunOptions,
  catalog: Catalog,
  pipeline: PipelineConfig,
  run: RunInputs,
  thread?: RunThread,
  /** Called once every family's read has begun (the second thread's job posted): later jobs for the thread queue behind it. */
  begun: () => void = () => {},
): Promise<FamilyReadings> {
  const log = options.log ?? (() => {});
  const issues: Issue[] = run.symlinks.map(symlinkIssue);
  const cache = familyCache(
    path.join(options.outDir, 'cache', 'families'),
    // The run's month too: what a reader refuses as not yet come (a Pay report for a later month) is read next month.
    `${await codeVersion()}\nas-of:${run.asOf.yearMonth}\n${run.configFiles.map((c) => `${c.name}:${c.sha256}`).join('\n')}`,
  );
  const byFamily = new Map<ConfiguredFamily, InboxFile[]>();
  for (const file of run.inputs) {
    const folder = file.name.split('/')[0] ?? '';
    const family = run.families.find((f) => f.family.family === folder && f.family.extensions.includes(path.extname(file.name).toLowerCase()));
    if (!family) issues.push(unknownFileIssue(run.families, file));
    else if (!(pipeline.sources as readonly string[]).includes(family.family.family)) {
      issues.push(issueOf('source-disabled', { source: family.family.labelJa }, { file: file.name }));
    } else byFamily.set(family, [...(byFamily.get(family) ?? []), file]);
  }
  const context: ReadContext = {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    xlsxLimits: xlsxLimitsOf(run.contracts),
    asOf: run.asOf,
  };
  const limit = pLimit(FAMILIES_AT_ONCE);
  const present = run.families.filter((f) => byFamily.has(f));
  const cached = new Map(
    await Promise.all(present.map(async (f) => [f, options.full ? undefined : await cache.get(f.family.family, byFamily.get(f)!)] as const)),
  );
  const toRead = present.filter((f) => !cached.get(f));
  const largest = thread && toRead.length > 1 ? largestFamily(toRead, byFamily) : undefined;
  const offThread = largest && thread && { family: largest, thread };
  const reading = Promise.all(
    present.map(async (f) => {
      const { family } = f.family;
      const files = byFamily.get(f)!;
      const kept = cached.get(f);
      if (kept) {
        log(`${f.family.labelJa}: 前回から変わっていないため、読み込み結果を再利用しました`, `${family}: unchanged since the last run; its reading reused`);
        return kept;
      }
      const result =
        f === offThread?.family
          ? await readFamily(f, files, catalog, context, () => offThread.thread.readFamily(f.portable, files, catalog, context))
          : await limit(() => readFamily(f, files, catalog, context));
      if (!options.dryRun) await cache.put(family, files, result);
      return result;
    }),
  );
  // Promise.all has called each family's read, so the second thread's job is posted.
  begun();
  const results = await reading;
  const observations = results.flatMap((r) => r.observations);
  issues.push(...results.flatMap((r) => r.issues));
  log(
    `受信箱のファイル ${run.inputs.length} 件から ${observations.length} 件の値を読み込みました`,
    `${observations.length} values read from ${run.inputs.length} inbox files`,
  );
  return {
    results,
    observations,
    issues,
    gaps: results.flatMap((r) => r.gaps ?? []),
    statuses: results.flatMap((r) => r.statuses ?? []),
  };
}

/** The family with the most bytes to read, when every one of its files can be opened again in another thread. */
function largestFamily(families: readonly ConfiguredFamily[], byFamily: ReadonlyMap<ConfiguredFamily, InboxFile[]>): ConfiguredFamily | undefined {
  const bytes = (f: ConfiguredFamily) => byFamily.get(f)!.reduce((sum, file) => sum + file.size, 0);
  const largest = families.reduce((a, b) => (bytes(b) > bytes(a) ? b : a));
  return byFamily.get(largest)!.every((file) => file.portable !== undefined) ? largest : undefined;
}

function symlinkIssue(name: string): Issue {
  return issueOf('inbox-symlink', {}, { file: name });
}

/** A file in no family's folder, or in a family's folder with an extension the family does not read (a report saved as .xls). */
function unknownFileIssue(families: readonly ConfiguredFamily[], file: InboxFile): Issue {
  const folder = file.name.includes('/') ? file.name.split('/')[0]! : '';
  const family = families.find((f) => f.family.family === folder)?.family;
  if (!family) {
    const known = families.map(({ family: f }) => `${f.family}/（${f.extensions.join('・')}）`).join('、');
    return issueOf('inbox-unknown-file', { variant: 'folder', known }, { file: file.name });
  }
  const ext = path.extname(file.name);
  const where = { folder, extensions: family.extensions.join('・'), formats: family.extensions.join(' か ') };
  return issueOf('inbox-unknown-file', ext ? { variant: 'extension', ext, ...where } : { variant: 'noExtension', ...where }, { file: file.name });
}
