// The floor of the bench cases whose targets are times: Node's own start-up, `node -e 0`, timed in alternation with
// each such case. Their targets (issues 9 and 12) were set on the project's machine type — 2 vCPU (Xeon 2.30 GHz),
// 24 GiB, Node v20.20.2 — where `node -e 0` takes 0.049 s (median of the team's measurements of 2026-11-21). The VMs
// the bench runs on are slower, by up to 2–3× and by a different factor from one hour to the next (docs/benchmarks.md),
// so a target of t seconds is judged as the case's median ratio to this floor, paired run by run: at most t ÷ 0.049.
// Of the floors measured against the project machine, start-up is the one that slows least on these VMs (~2× where a
// UTF-8 read of a 32 MB CSV slows ~2.5×): the ratio asks for no less than the seconds would there.
import type { BenchCase } from './cases.ts';

/** `node -e 0` on the project's machine type, seconds. */
export const PROJECT_NODE_START_SECONDS = 0.049;

export const NODE_START: BenchCase = { group: 'machine', name: 'node-start', command: [process.execPath, '-e', '0'] };

/** A target of `seconds` on the project's machine type: paired with NODE_START, at most seconds ÷ PROJECT_NODE_START_SECONDS. */
export function secondsOnProjectMachine(seconds: number): Pick<BenchCase, 'compareTo' | 'maxRatio' | 'projectSeconds'> {
  return { compareTo: NODE_START.name, maxRatio: seconds / PROJECT_NODE_START_SECONDS, projectSeconds: seconds };
}
