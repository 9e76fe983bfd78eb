// Runs lei once from the bundle with the arguments given, then writes the V8 code cache of every chunk the run loaded,
// with all the functions it compiled (bin/load-bundle.js). bin/build-dist.js runs it on the bundled sample.
import { setFlagsFromString } from 'node:v8';
import { loadBundle } from './load-bundle.js';
import { INTERRUPT_BUDGET_FLAG } from './v8-flags.js';

// The flags are part of what V8 checks a cache against: the same as bin/lei.js sets.
setFlagsFromString(INTERRUPT_BUDGET_FLAG);
// In one thread: a chunk both threads run (the readers' shared code) gets one cache, and this thread's then holds every
// function of the run, where the second thread's and this one's would each lack the other's (the second thread runs
// with the same flags, so it takes these caches as they are).
process.env.LEI_ONE_THREAD = '1';
const { cli, writeCodeCaches } = loadBundle();
const code = await cli.runCli(process.argv.slice(2));
writeCodeCaches();
process.exitCode = code;
