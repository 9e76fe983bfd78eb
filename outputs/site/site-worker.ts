// A worker thread's entry (outputs/site/site-job.ts starts it): loads the dashboard's modules at once, then builds the
// site from the one job it receives, writes it into the staged run folder and replies; the thread then ends.
import { parentPort } from 'node:worker_threads';
import { buildSite } from './build-site.ts';
import { runSiteJob, type SiteJob } from './site-job.ts';
import { writeSite } from './write-site.ts';

parentPort?.once('message', async (job: SiteJob) => {
  parentPort?.postMessage(await runSiteJob(job, async (j) => writeSite(j.dir, buildSite(j.catalog, j.input))));
});
