// Layout of the せたがやPay monthly reports (config/<city>/sources/setagaya-pay.yaml). The operator's layout
// changes between system versions, so each version is a layout recognised by a text on its sheet, and every
// figure is found by its label (the value is the first filled cell to its right).
import { z } from 'zod';
import { payMetrics, type PayMetric } from '../lib/pay-metrics.ts';

const metricKey = z.enum(Object.keys(payMetrics) as [PayMetric, ...PayMetric[]]);

const text = z.string().min(1);
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '年月は 2024-02 のように書いてください');

export const payLayoutSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'IDは半角英小文字・数字・ハイフンで書いてください'),
  labelJa: text,
  /** A text on the sheet (title, form number) that identifies this layout. */
  detect: text,
  /** Sheet name; by default the first sheet where `detect` is found. */
  sheet: text.optional(),
  /** Label of the report month (対象月: 2024年4月, 令和6年4月, a date). */
  month: text,
  /** Label of the fiscal year the report belongs to (報告年度), when the layout prints one. */
  fiscalYear: text.optional(),
  metrics: z.partialRecord(
    metricKey,
    z.strictObject({
      label: text,
      /** Unit of the cell (千円, 円, 件, 千件, 店, 人, %); a unit printed beside the label must agree. */
      unit: text,
      /**
       * The cell holds a fraction (0.774 for 77.4%), read ×100 even when the cell lacks the percent format; a cell in a
       * percent format is read as Excel shows it in every layout (0.718 shown as 71.8% is 71.8).
       */
      fraction: z.boolean().default(false),
    }),
  ),
  /** A table by store class (店舗区分) under a header row: the class column header and metric column headers. */
  storeClasses: z
    .strictObject({
      header: text,
      metrics: z.partialRecord(metricKey, text),
    })
    .optional(),
});
export type PayLayout = z.infer<typeof payLayoutSchema>;

export const setagayaPayConfigSchema = z.strictObject({
  layouts: z.array(payLayoutSchema).min(1),
  /** 継続率 for a fiscal year: the March report's figure, or the mean of the 12 months. */
  rateAggregation: z.enum(['march', 'mean']).default('march'),
  /** Point-back campaigns: fiscal-year values including these months carry a note. */
  campaigns: z.array(z.strictObject({ nameJa: text, from: yearMonth, to: yearMonth })).default([]),
});
export type SetagayaPayConfig = z.infer<typeof setagayaPayConfigSchema>;
