// One family's files read into what the run keeps of them, in whichever thread reads it (read-families.ts, or the run's
// second thread, run-thread-worker.ts). A failure becomes issues on the family's files, so the other families still
// publish; a file rewritten during the run stops the run (the run id and the archive name the content first hashed).
import type { Catalog } from '../config/load-catalog.ts';
import { issueOf } from '../lib/issue-catalog.ts';
import type { SourceResult } from '../lib/observation.ts';
import { InboxFileChangedError, InboxFileTooLargeError, type InboxFile } from '../sources/inbox-file.ts';
import type { ReadContext } from '../sources/source-reader.ts';
import type { ConfiguredFamily } from './define-source-family.ts';
import { rejectedFilesOf } from './rejected-files.ts';

/** `read` reads the files (the family's own reader by default; another thread's answer when posted there). */
export async function readFamily(
  f: ConfiguredFamily,
  files: readonly InboxFile[],
  catalog: Catalog,
  context: ReadContext,
  read: () => Promise<SourceResult> = () => f.read(files, catalog, context),
): Promise<SourceResult> {
  try {
    const result = runPart(await read());
    // A family that withholds what its rejected files feed itself (the survey, per wave and frame) is left to it, once
    // it has its layout config.
    return f.family.withholdsRejectedFiles && f.portable.config !== undefined ? result : withRejectedFiles(result, f, files, catalog);
  } catch (e) {
    if (e instanceof InboxFileChangedError) throw e;
    // A reader bug, or a file too big to hold whole, must not take the other sources down with it.
    const tooLarge = e instanceof InboxFileTooLargeError ? e : undefined;
    return withRejectedFiles(
      {
        observations: [],
        issues: files.map((file) =>
          file.name === tooLarge?.file
            ? issueOf('inbox-file-too-large', { file: tooLarge.file, size: tooLarge.sizeGiB }, { file: file.name })
            : issueOf('source-read-failed', { source: f.family.labelJa, error: (e as Error).message }, { file: file.name }),
        ),
      },
      f,
      files,
      catalog,
    );
  }
}

/** The result with the files its issues reject whole among its contract facts (pipelines/rejected-files.ts). */
function withRejectedFiles(result: SourceResult, f: ConfiguredFamily, files: readonly InboxFile[], catalog: Catalog): SourceResult {
  const rejectedFiles = rejectedFilesOf(f.family, files, result.issues, catalog);
  return rejectedFiles.length === 0 ? result : { ...result, facts: { ...result.facts, rejectedFiles } };
}

/**
 * Only what the run uses, so that the rest is freed before the next family is read and the outputs are written: the
 * survey's result also holds its waves' respondent-level columns (for reprocess), 335 MB at 1M respondents.
 */
function runPart({ observations, issues, gaps, statuses, tables, facts }: SourceResult): SourceResult {
  return { observations, issues, ...(gaps ? { gaps } : {}), ...(statuses ? { statuses } : {}), ...(tables ? { tables } : {}), ...(facts ? { facts } : {}) };
}
