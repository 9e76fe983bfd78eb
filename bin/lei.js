#!/usr/bin/env node
// Entry point. Runs the compiled copy in dist/ (made by `npm ci` / `npm run build`) when it matches the
// sources, for a fast start (its bundle in dist/bundle/ when esbuild made one, with V8's code cache: bin/load-bundle.js); otherwise runs the TypeScript sources through tsx, so an edit takes effect at once.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { BUNDLE, loadBundle } from './load-bundle.js';
import { distIsCurrent } from './source-stamp.js';
import { INTERRUPT_BUDGET_FLAG } from './v8-flags.js';

// Set before the bundle loads, so it applies to every function of the run (why: bin/v8-flags.js).
setFlagsFromString(INTERRUPT_BUDGET_FLAG);

let cli;
if (distIsCurrent()) {
  const bundled = existsSync(BUNDLE);
  // A full run is sure to recompute: its second thread starts now and boots while the bundle loads (bin/run-thread-start.js).
  if (bundled && process.argv[2] === 'run' && process.argv.includes('--full') && process.env.LEI_ONE_THREAD !== '1') {
    (await import('./run-thread-start.js')).startRunThreadEarly();
  }
  cli = bundled ? loadBundle().cli : await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../cli/main.ts');
}
process.exitCode = await cli.runCli(process.argv.slice(2));
