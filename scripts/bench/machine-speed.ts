// How fast the machine is while the bench runs: the VMs the bench runs on differ, and drift, by up to 2× from one session to
// the next (the same build's sample run took 0.9 s one day and 1.8 s the next), so a table of seconds says little without
// it. Two figures, each the median of a few child processes started as the cases are (plain `node`): Node's own start-up
// (`node -e 0`), and a fixed loop of integer arithmetic timed inside its process (no I/O, no allocation).
import { spawnSync } from 'node:child_process';

const LOOP = 'const t=performance.now();let s=0;for(let i=0;i<2e8;i++)s+=i%7;process.stdout.write(String(performance.now()-t)+" "+(s%2))';

export interface MachineSpeed {
  /** `node -e 0`, wall ms. */
  nodeStartMs: number;
  /** The loop's ms inside its process. */
  loopMs: number;
}

export function machineSpeed(): MachineSpeed {
  const starts = Array.from({ length: 5 }, () => {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    return Number(process.hrtime.bigint() - t) / 1e6;
  });
  const loops = Array.from({ length: 3 }, () => Number(spawnSync(process.execPath, ['-e', LOOP], { encoding: 'utf8' }).stdout.split(' ')[0]));
  return { nodeStartMs: median(starts), loopMs: median(loops) };
}

export function describeSpeed({ nodeStartMs, loopMs }: MachineSpeed): string {
  return `node の起動 ${nodeStartMs.toFixed(0)} ms・一定の計算 ${loopMs.toFixed(0)} ms`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
