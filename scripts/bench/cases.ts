// The benchmark cases run by `npm run bench`. A case is a script run in its own process as plain `node` from its
// compiled copy in dist/ (peak memory from /usr/bin/time), or a command (`lei run` under time-lei.sh).
import { NODE_START, secondsOnProjectMachine } from './node-start.ts';
import { siteCases } from './site-cases.ts';
import { wholeJobCases } from './whole-job-cases.ts';

export interface BenchCase {
  group: string;
  name: string;
  script?: string;
  args?: string[];
  command?: string[];
  /** Generates the case's input under .bench-data/ once (not timed). */
  prepare?: () => Promise<void>;
  /** Runs before every timed run, outside the timing (e.g. clears the output folder of a full refresh). */
  beforeEachRun?: () => Promise<void>;
  /** Name of the case (a floor) whose time this one is compared with: the two run in alternation, pair by pair. */
  compareTo?: string;
  maxRatio?: number;
  /** The target as set, in seconds on the project's machine type, when maxRatio comes from it (node-start.ts). */
  projectSeconds?: number;
  maxPeakMb?: number;
  /**
   * The input of case `base` made `factor` times larger: its peak memory may exceed the base's by at most
   * `maxPeakGrowth` (0.2 = 20 %), and its time may grow at most linearly (the seconds each further factor adds stay
   * within 25 % of what the smallest scaled case's factors added).
   */
  scaleOf?: { base: string; factor: number; maxPeakGrowth: number };
}

export const benchCases: BenchCase[] = [
  // machine: Node's start-up, the floor of every case whose target is a time (node-start.ts).
  NODE_START,
  // survey-xlsx: the streaming XLSX reader (sources/xlsx/) against merely inflating the same sheet part.
  {
    group: 'survey-xlsx',
    name: 'inflate-floor',
    script: 'scripts/bench/inflate-floor.ts',
    args: ['.bench-data/wave-100k.xlsx'],
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
    ...secondsOnProjectMachine(1),
  },
  // The whole industry-survey ingest of the 100k wave: read and hash the file, check all 150 columns against the
  // codebook, estimate 135 shares design-based (strata, fpc, Korn–Graubard) with breakdowns (issues 3 and 11).
  {
    group: 'survey-xlsx',
    name: 'ingest-estimate',
    script: 'scripts/bench/ingest-estimate-survey.ts',
    args: ['.bench-data/wave-100k.xlsx'],
    compareTo: 'inflate-floor',
    maxRatio: 3,
    maxPeakMb: 500,
  },
  // The same on a wave of the real survey's size (3,000 respondents): the whole process within a second.
  {
    group: 'survey-xlsx',
    name: 'ingest-estimate-3k',
    script: 'scripts/bench/ingest-estimate-survey.ts',
    args: ['.bench-data/wave-3k.xlsx'],
    prepare: async () => (await import('./make-survey-wave.ts')).makeSurveyWave(3_000, '.bench-data/wave-3k.xlsx', { ifMissing: true }),
    ...secondsOnProjectMachine(1),
  },
  // kosha-1m: counting 1,000,000 公社 records (CSV) into fiscal-year measures against reading and splitting the
  // file's lines.
  {
    group: 'kosha-1m',
    name: 'line-floor',
    script: 'scripts/bench/line-floor.ts',
    args: ['.bench-data/kosha-1m.csv'],
    prepare: async () => (await import('./make-kosha-records.ts')).makeKoshaRecords(1_000_000, '.bench-data/kosha-1m.csv', { ifMissing: true }),
  },
  {
    group: 'kosha-1m',
    name: 'count-records',
    script: 'scripts/bench/count-kosha-records.ts',
    args: ['.bench-data/kosha-1m.csv'],
    compareTo: 'line-floor',
    maxRatio: 2,
  },
  // The same records without 業種 and 相談概要 (61 MB): the fixed start-up cost weighs more (reference, no target).
  {
    group: 'kosha-1m',
    name: 'line-floor-narrow',
    script: 'scripts/bench/line-floor.ts',
    args: ['.bench-data/kosha-1m-narrow.csv'],
    prepare: async () =>
      (await import('./make-kosha-records.ts')).makeKoshaRecords(1_000_000, '.bench-data/kosha-1m-narrow.csv', { ifMissing: true, narrow: true }),
  },
  {
    group: 'kosha-1m',
    name: 'count-records-narrow',
    script: 'scripts/bench/count-kosha-records.ts',
    args: ['.bench-data/kosha-1m-narrow.csv'],
    compareTo: 'line-floor-narrow',
  },
  // whole-job: `lei run` at scale (100k-respondent wave, 1M 公社 records, 120 Pay reports) and on the bundled sample.
  ...wholeJobCases,
  // site: the dashboard built from a run's rows (outputs/site/), for the bundled sample and the scale inbox.
  ...siteCases,
];
