// Group site (issue 12): building the dashboard of the bundled sample's run and of the scale inbox's run. The runs
// are made once, untimed (prepare); the case times the build inside its process (scripts/bench/build-site.ts), from
// the compiled dist/ as `lei run` runs it (through tsx, compiling the modules would be most of the time). Its peak MB
// is the whole process's (/usr/bin/time, as for every script case): reading the run's rows back included.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { BenchCase } from './cases.ts';
import { ensureBuilt } from './ensure-built.ts';
import { secondsOnProjectMachine } from './node-start.ts';

const CONFIG = 'config/setagaya';

/** A run of `inbox` into `out` (no store), made once. */
function runOnce(inbox: string, out: string, makeInbox: () => Promise<void>) {
  return async () => {
    await ensureBuilt();
    if (existsSync(`${out}/latest/manifest.json`)) return;
    await makeInbox();
    const run = spawnSync(process.execPath, ['bin/lei.js', 'run', '--config', CONFIG, '--inbox', inbox, '--out', out, '--no-store', '--full', '--json'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (run.status !== 0 && run.status !== 2 && run.status !== 5) throw new Error(`site: the preparing run failed (exit ${run.status})`);
  };
}

export const siteCases: BenchCase[] = [
  {
    group: 'site',
    name: 'site-sample',
    script: 'scripts/bench/build-site.ts',
    args: ['.bench-data/site-sample-out/latest', '.bench-data/site-sample-build'],
    beforeEachRun: ensureBuilt,
    prepare: runOnce('.bench-data/site-sample-inbox', '.bench-data/site-sample-out', async () => {
      if (!existsSync('.bench-data/site-sample-inbox'))
        await (await import('../generate-sample-inbox.ts')).generateSampleInbox(CONFIG, '.bench-data/site-sample-inbox');
    }),
    ...secondsOnProjectMachine(0.5),
  },
  {
    group: 'site',
    name: 'site-scale',
    script: 'scripts/bench/build-site.ts',
    args: ['.bench-data/site-scale-out/latest', '.bench-data/site-scale-build'],
    beforeEachRun: ensureBuilt,
    prepare: runOnce('.bench-data/scale-inbox', '.bench-data/site-scale-out', async () =>
      (await import('./make-scale-inbox.ts')).makeScaleInbox('.bench-data/scale-inbox', { ifMissing: true }),
    ),
    ...secondsOnProjectMachine(2),
  },
];
