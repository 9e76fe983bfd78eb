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

export const benchCases: BenchCase[] = [
  // survey-xlsx: the streaming XLSX reader (sources/xlsx/) against merely inflating the same sheet part.
  {
    group: 'survey-xlsx',
    name: 'inflate-floor',
    command: ['sh', '-c', 'unzip -p .bench-data/wave-100k.xlsx xl/worksheets/sheet1.xml > /dev/null'],
    prepare: async () => (await import('./make-survey-wave.ts')).makeSurveyWave(100_000, '.bench-data/wave-100k.xlsx', { ifMissing: true }),
  },
  {
    group: 'survey-xlsx',
    name: 'read-rows',
    script: 'scripts/bench/read-survey-wave.ts',
    args: ['.bench-data/wave-100k.xlsx'],
    compareTo: 'inflate-floor',
    maxRatio: 2.5,
    maxPeakMb: 250,
  },
  {
    group: 'survey-xlsx',
    name: 'read-rows-3k',
    script: 'scripts/bench/read-survey-wave.ts',
    args: ['.bench-data/wave-3k.xlsx'],
    prepare: async () => (await import('./make-survey-wave.ts')).makeSurveyWave(3_000, '.bench-data/wave-3k.xlsx', { ifMissing: true }),
    maxSeconds: 1,
  },
];
