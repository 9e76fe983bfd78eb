// The dashboard's worker thread from the CLI bundle (outputs/site/site-job.ts starts it): runs the bundle's site-worker
// entry through bin/load-bundle.js, so its chunks load with their V8 code cache as the main thread's do, and answers the
// one job. In the build's warm run (LEI_WARM_SITE_THREAD, bin/build-dist.js) it writes the cache of its chunks before
// replying: the main thread, which never runs the dashboard's chunk, writes its own caches after, at the end of the run.
import { parentPort } from 'node:worker_threads';
import { loadBundle } from './load-bundle.js';

const { cli: siteWorker, writeCodeCaches } = loadBundle('site-worker.cjs');

parentPort?.once('message', async (job) => {
  const reply = await siteWorker.siteJobReply(job);
  if (process.env.LEI_WARM_SITE_THREAD === '1') writeCodeCaches();
  parentPort?.postMessage(reply);
});
