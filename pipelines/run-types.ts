// What a run is given and what it reports back (pipelines/run-pipeline.ts and every step it calls).
import type { Issue } from '../lib/issues.ts';
import type { PostgresTarget } from '../outputs/publish-to-postgres.ts';
import type { ValueChange } from '../transforms/diff-indicator-values.ts';

export interface RunOptions {
  configDir: string;
  inboxDir: string;
  outDir: string;
  /** DuckDB file; null to skip the store. */
  storePath: string | null;
  /** PostgreSQL to publish to after the run is activated (shared dashboards). */
  publish?: Omit<PostgresTarget, 'onBatch'>;
  /** Content-addressed copies of every input and config file; default <outDir>/archive. */
  archiveDir?: string;
  /** What started the run; recorded in the run ledger. */
  trigger?: RunTrigger;
  /** Recompute and republish even when nothing changed since the last successful run. */
  full?: boolean;
  /** Compute everything and report what would change against out/latest, but write and publish nothing. */
  dryRun?: boolean;
  now?: () => Date;
  /** The month (YYYY-MM, Japan) the data contracts judge a year not started or closed against; default the month of `now`. */
  asOf?: string;
  /** Progress lines in Japanese, with the English text for --lang en. */
  log?: (message: string, messageEn?: string) => void;
  /** Progress through large input files (the CLI draws a bar on a terminal). */
  onProgress?: (file: string, done: number, total: number) => void;
}

export type RunTrigger = 'manual' | 'schedule' | 'reprocess';
export type { ValueChange };

export interface RunResult {
  /** published: a new run folder; unchanged: inputs and config equal the last successful run's, nothing written. */
  status: 'published' | 'unchanged' | 'dry-run';
  runId: string;
  folder: string;
  issues: Issue[];
  counts: { inputs: number; observations: number; indicatorValues: number; actionPlanRows: number };
  /** repaired: an unchanged run found the store without the latest run and filled it from the run folder. */
  store: 'written' | 'already-stored' | 'repaired' | 'skipped';
  /** Indicator values that differ from the previous run's (out/latest) — or would differ, in a dry run. */
  changes: ValueChange[];
  /** The run the changes are measured against; null on the first run of an output folder. */
  previousRunId: string | null;
  /** PostgreSQL publication; a failure there leaves the local run published and is reported here. */
  postgres: { result: 'written' | 'already-published' | 'repaired' | 'skipped' } | { result: 'failed'; error: string };
  /** Runs a target lacked (a crash, PostgreSQL down) and this run supplied before its own. */
  repaired: { store: string | null; postgres: string | null };
  /** Staging folders left by a killed run and removed. */
  cleaned: string[];
}
