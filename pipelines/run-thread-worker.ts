// The run's second thread's entry (run-thread.ts starts it): answers the jobs it is posted one after the other, in the
// order posted — a family to read, the site's modules to load, the site's pages of the indicator tables, the rest of the
// site. From the CLI bundle the thread starts in bin/run-thread.js, which runs this entry's chunk (with its code cache)
// and passes the jobs to answerJob itself.
import { parentPort, workerData } from 'node:worker_threads';
import { threadErrorFields } from '../lib/thread-error.ts';
import type { DrawnSite } from '../outputs/site/build-site.ts';
import { drawSiteRows, finishSite, loadSiteModules } from '../outputs/site/site-job.ts';
import { InboxFileChangedError, inboxFileFromPortable } from '../sources/inbox-file.ts';
import type { ReadContext } from '../sources/source-reader.ts';
import { readFamily } from './read-family.ts';
import type { ReadAnswer, ThreadReply, ThreadRequest } from './run-thread.ts';
import { sourceFamilies } from './source-families.ts';

let previous: Promise<void> = Promise.resolve();
/** The site drawn by a site-rows job, finished by the site job that follows it. */
let site: Promise<DrawnSite> | undefined;

/**
 * Runs one job once the jobs posted before it have ended (a read's awaits never let a later job in), and posts its
 * answer (and a read's progress) through `post`.
 */
export function answerJob(request: ThreadRequest, post: (reply: ThreadReply) => void): Promise<void> {
  previous = previous.then(async () => {
    try {
      post({ id: request.id, ok: true, value: await run(request, post) });
    } catch (e) {
      post({ id: request.id, ok: false, error: threadErrorFields(e) });
    }
  });
  return previous;
}

async function run(request: ThreadRequest, post: (reply: ThreadReply) => void): Promise<ReadAnswer | null> {
  if (request.kind === 'read-family') return read(request, post);
  if (request.kind === 'prepare-site') await loadSiteModules();
  else if (request.kind === 'site-rows') {
    site = drawSiteRows(request.job);
    // Its failure is the site job's answer: nothing waits for this one's.
    await site.catch(() => {});
  } else {
    const drawn = site;
    site = undefined;
    if (!drawn) throw new Error('サイトの指標のページがまだ描かれていません（site-rows の後に site を送ってください）');
    await finishSite(await drawn, request.job);
  }
  return null;
}

async function read(request: Extract<ThreadRequest, { kind: 'read-family' }>, post: (reply: ThreadReply) => void): Promise<ReadAnswer> {
  const family = sourceFamilies.find((f) => f.family === request.family.family);
  if (!family) throw new Error(`知らないデータ源です: ${request.family.family}`);
  const context: ReadContext = {
    ...(request.xlsxLimits ? { xlsxLimits: request.xlsxLimits } : {}),
    ...(request.asOf ? { asOf: request.asOf } : {}),
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
}
