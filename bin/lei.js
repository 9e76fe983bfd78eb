#!/usr/bin/env node
// Entry point. Runs the compiled copy in dist/ (made by `npm ci` / `npm run build`) when it matches the
// sources, for a fast start (its bundle in dist/bundle/ when esbuild made one); otherwise runs the TypeScript sources through tsx, so an edit takes effect at once.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { distIsCurrent } from './source-stamp.js';

// V8 optimises a function after a budget of ticks; a run is seconds long, and at the default budget a quarter of its CPU went
// to optimising code it then barely used. 16× the default (measured in pairs, docs/benchmarks.md): the sample's full run
// 3.2 → 2.5 s CPU (user+sys) with the same bytes out. Set before the bundle loads, so it applies to every function of the run.
setFlagsFromString('--interrupt-budget=1081344');

let cli;
if (distIsCurrent()) {
  cli = await import(existsSync(new URL('../dist/bundle/main.js', import.meta.url)) ? '../dist/bundle/main.js' : '../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../cli/main.ts');
}
process.exitCode = await cli.runCli(process.argv.slice(2));
