// The benchmark cases run by `npm run bench`. A case is a script run in its own process (it ends with
// reportPeak() so the runner learns its peak memory) or a plain command (a floor such as `unzip -p`).
export interface BenchCase {
  group: string;
  name: string;
  script?: string;
  args?: string[];
  command?: string[];
  /** Generates the case's input under .bench-data/ once (not timed). */
  prepare?: () => Promise<void>;
  /** Name of the case whose time this one is compared with. */
  compareTo?: string;
  maxRatio?: number;
  maxSeconds?: number;
  maxPeakMb?: number;
}

export const benchCases: BenchCase[] = [];
