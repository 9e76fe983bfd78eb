// A worker thread's entry (outputs/site-output.ts starts it): builds the dashboard and writes it into the staged run
// folder, while the run's main thread writes the datasets and the committee workbook.
import { workerData } from 'node:worker_threads';
import { buildSite } from './build-site.ts';
import type { SiteJob } from './site-job.ts';
import { writeSite } from './write-site.ts';

const job: SiteJob = workerData;
await writeSite(job.dir, buildSite(job.catalog, job.input));
