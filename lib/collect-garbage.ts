// A full collection at the one point where a run knows it dropped much memory that the collector has no reason to look
// at yet: once the families are read, the industry survey's respondent-level columns (typed arrays, ~94 MB at 1M
// respondents) are garbage, and V8 collects ArrayBuffer garbage when new allocations push it to, which the output step
// then does only after adding its own ~75 MB (docs/benchmarks.md, 10 倍の受信箱のピーク). gc() is exposed the way test
// runners expose it (jest's leak detector): the flag set at run time, then read from a fresh context.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/** Collects now if the process holds at least `minExternalBytes` of ArrayBuffer memory (live or garbage); whether it did. */
export function collectIfExternalOver(minExternalBytes: number): boolean {
  if (process.memoryUsage().external < minExternalBytes) return false;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  return true;
}
