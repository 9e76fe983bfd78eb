// A worker thread's entry (outputs/site/site-job.ts starts it): loads the dashboard's modules at once, then builds the
// site from the one job it receives and writes it into the staged run folder; the thread ends when it is written.
import { parentPort } from 'node:worker_threads';
import { buildSite } from './build-site.ts';
import type { SiteJob } from './site-job.ts';
import { writeSite } from './write-site.ts';

parentPort?.once('message', (job: SiteJob) => writeSite(job.dir, buildSite(job.catalog, job.input)));
