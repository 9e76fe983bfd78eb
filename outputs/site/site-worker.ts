// A worker thread's entry (outputs/site/site-job.ts starts it): loads the dashboard's modules at once, then builds the
// site from the one job it receives, writes it into the staged run folder and replies; the thread then ends. From the
// CLI bundle the thread starts in bin/site-thread.js, which runs this entry's chunk and answers the job itself.
import { parentPort, workerData } from 'node:worker_threads';
import { buildSite } from './build-site.ts';
import { runSiteJob, type SiteJob, type SiteJobReply } from './site-job.ts';
import { writeSite } from './write-site.ts';

export const siteJobReply = (job: SiteJob): Promise<SiteJobReply> => runSiteJob(job, async (j) => writeSite(j.dir, buildSite(j.catalog, j.input)));

if ((workerData as { bundled?: boolean } | null)?.bundled !== true) {
  parentPort?.once('message', async (job: SiteJob) => parentPort?.postMessage(await siteJobReply(job)));
}
