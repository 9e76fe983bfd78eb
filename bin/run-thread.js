// The run's second thread from the CLI bundle (pipelines/run-thread.ts starts it): runs the bundle's run-thread entry
// through bin/load-bundle.js, so its chunks load with their V8 code cache as the main thread's do (made by the build's
// warm run in one thread, bin/warm-code-cache.js), and answers each job.
import { parentPort } from 'node:worker_threads';
import { loadBundle } from './load-bundle.js';

const { cli: runThread } = loadBundle('run-thread.cjs');

parentPort?.on('message', (request) => runThread.answerJob(request, (reply) => parentPort?.postMessage(reply)));
