// How the pipeline is operated for a municipality: folders, schedules and publication (config/<city>/pipeline.yaml).
import cron from 'node-cron';
import { z } from 'zod';

export const jobSchema = z.enum([
  'refresh', // incremental: only what changed since the last successful run
  'fullRefresh', // everything, whatever changed
  'newFiscalYear', // roll the year: write the new manual-entry workbook, then a full refresh
]);
export type Job = z.infer<typeof jobSchema>;

export const pipelineConfigSchema = z.strictObject({
  /** Folders, relative to the working directory. Defaults are per plan, so two plans never share them: */
  /** inbox/<plan folder>, out/<plan folder>, <out>/store.duckdb, <out>/templates (see loadPipelineConfig). */
  inbox: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  store: z.string().min(1).optional(),
  /** Where `newFiscalYear` writes the manual-entry workbook for the offices. */
  templates: z.string().min(1).optional(),
  timezone: z.string().min(1).default('Asia/Tokyo'),
  /** Source families read by a run (inbox folders); files of other families are listed as not read. */
  sources: z
    .array(z.enum(['manual-entry', 'industry-survey', 'resas', 'setagaya-pay', 'kosha']))
    .default(['manual-entry', 'industry-survey', 'resas', 'setagaya-pay', 'kosha']),
  /** Outputs besides the CSV files, manifest.json and datapackage.json, which every run writes. */
  outputs: z
    .strictObject({
      json: z.boolean().default(true),
      parquet: z.boolean().default(true),
      committeeWorkbook: z.boolean().default(true),
      /** The static dashboard in <run>/site/ (docs/dashboard.md). */
      site: z.boolean().default(true),
    })
    .default({ json: true, parquet: true, committeeWorkbook: true, site: true }),
  /** Day of month M+1 by which the せたがやPay report for month M is due (lei status flags it after that). */
  payReportDueDay: z.number().int().min(1).max(28).default(20),
  schedules: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/),
        cron: z.string().refine((e) => cron.validate(e), 'cron 式として読めません（例: "0 2 * * *" は毎日 2:00）'),
        job: jobSchema,
        descriptionJa: z.string().min(1).optional(),
      }),
    )
    .default([]),
  publish: z
    .strictObject({
      /** Name of the environment variable holding the PostgreSQL URL (never the URL itself: it may hold a password). */
      postgresUrlEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/),
      schema: z
        .string()
        .regex(/^[a-z_][a-z0-9_]*$/)
        .default('lei'),
      /** The dashboards' read-only role, granted SELECT on the latest_* views at each publication. */
      readRole: z
        .string()
        .regex(/^[a-z_][a-z0-9_]*$/)
        .optional(),
    })
    .optional(),
  /** Who may read what a run keeps (archive, store, run folders): owner-only unless a group is named. */
  access: z
    .strictObject({
      /** The analysts' group (name or number): folders 0750, files 0640, owned by that group. */
      group: z.string().min(1).optional(),
    })
    .default({}),
});
export type PipelineFile = z.infer<typeof pipelineConfigSchema>;
/** pipeline.yaml with every folder resolved. */
export type PipelineConfig = PipelineFile & { inbox: string; out: string; store: string; templates: string };
