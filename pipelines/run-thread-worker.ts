// The run's second thread's entry (run-thread.ts starts it): answers each job it is posted — a family to read, then the
// site. Whenever it has no job it loads the site's modules, so that the site's job finds them loaded. From the CLI
// bundle the thread starts in bin/run-thread.js, which runs this entry's chunk (with its code cache) and passes the
// jobs to answerJob itself.
import { parentPort, workerData } from 'node:worker_threads';
import { threadErrorFields } from '../lib/thread-error.ts';
import { loadSiteModules, runSiteJob } from '../outputs/site/site-job.ts';
import { InboxFileChangedError, inboxFileFromPortable } from '../sources/inbox-file.ts';
import type { ReadContext } from '../sources/source-reader.ts';
import { readFamily } from './read-family.ts';
import type { ReadAnswer, ThreadReply, ThreadRequest } from './run-thread.ts';
import { sourceFamilies } from './source-families.ts';

let running = 0;

/** Runs one job and posts its answer (and a read's progress) through `post`. */
export async function answerJob(request: ThreadRequest, post: (reply: ThreadReply) => void): Promise<void> {
  running += 1;
  try {
    const value = request.kind === 'site' ? await runSiteJob(request.job).then(() => null) : await read(request, post);
    post({ id: request.id, ok: true, value });
  } catch (e) {
    post({ id: request.id, ok: false, error: threadErrorFields(e) });
  } finally {
    running -= 1;
    setImmediate(loadWhenIdle);
  }
}

/** The site's modules, loaded while no job runs: at the thread's start when no read was posted, else after the read. */
export function loadWhenIdle(): void {
  if (running === 0) {
    void loadSiteModules();
  }
}

async function read(request: Extract<ThreadRequest, { kind: 'read-family' }>, post: (reply: ThreadReply) => void): Promise<ReadAnswer> {
  const family = sourceFamilies.find((f) => f.family === request.family.family);
  if (!family) throw new Error(`知らないデータ源です: ${request.family.family}`);
  const context: ReadContext = {
    ...(request.xlsxLimits ? { xlsxLimits: request.xlsxLimits } : {}),
    ...(request.progress ? { onProgress: (file: string, done: number, total: number) => post({ id: request.id, progress: [file, done, total] }) } : {}),
  };
  try {
    return { result: await readFamily(family.fromPortable(request.family), request.files.map(inboxFileFromPortable), request.catalog, context) };
  } catch (e) {
    if (e instanceof InboxFileChangedError) return { changed: e.file };
    throw e;
  }
}

if ((workerData as { bundled?: boolean } | null)?.bundled !== true) {
  parentPort?.on('message', (request: ThreadRequest) => void answerJob(request, (reply) => parentPort?.postMessage(reply)));
  setImmediate(loadWhenIdle);
}
