// Layout of the RESAS CSV downloads (config/<city>/sources/resas.yaml): how to recognise each kind of export,
// which rows make up each series, and which benchmark (calendar) year is published as which fiscal year.
import { z } from 'zod';
import { fiscalYearSchema } from '../config/catalog-schema.ts';

const key = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'キーは英小文字で始まる英数字（camelCase）で書いてください');
const text = z.string().min(1);
const regex = z
  .string()
  .min(1)
  .refine((s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  }, '正規表現として読めません');

export const resasExportKindSchema = z.strictObject({
  labelJa: text,
  /** long: one row per year and item (a year column); wide: one row per item, one column per year. */
  layout: z.enum(['long', 'wide']).default('long'),
  /** Header names; a header may carry its unit in brackets (付加価値額【百万円】). */
  columns: z.strictObject({
    /** Calendar-year column (long layout only). */
    year: text.optional(),
    /** Municipality code column (13112 or 131121); without it the title must name the municipality. */
    area: text.optional(),
    item: text,
    /** Value column (long layout only). */
    value: text.optional(),
  }),
  /** Unit assumed when the file states none (in a header bracket or a 単位： note). */
  unit: text.optional(),
});
export type ResasExportKind = z.infer<typeof resasExportKindSchema>;

export const resasSeriesSchema = z.strictObject({
  labelJa: text,
  export: key,
  /** Item rows summed into the series (all must be present for a year). */
  items: z.array(text).min(1),
});

export const resasExportConfigSchema = z.strictObject({
  encodings: z
    .array(z.enum(['utf-8', 'cp932']))
    .min(1)
    .default(['utf-8', 'cp932']),
  headerSearchRows: z.number().int().min(1).max(200).default(30),
  /** Years the data exist for (地域経済循環: 2010, 2013, 2015, 2018, 2020); other years are reported and skipped. */
  benchmarkYears: z.array(z.number().int().min(1900).max(2200)).min(1),
  /** How to read a file's vintage (版) from its title/note rows or name: a regular expression with one group. */
  vintage: z.strictObject({ pattern: regex }),
  exports: z.record(key, resasExportKindSchema),
  series: z.record(key, resasSeriesSchema),
  /** Which benchmark year's value is published as which fiscal year's (not the fiscal year's own value). */
  fiscalYears: z
    .array(z.strictObject({ fiscalYear: fiscalYearSchema, benchmarkYear: z.number().int().min(1900).max(2200), series: z.array(key).optional() }))
    .default([]),
});
export type ResasExportConfig = z.infer<typeof resasExportConfigSchema>;
