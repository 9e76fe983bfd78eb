// 持続可能な地域経済の充実度 (the composite index): which mid/long-term outcomes feed it and how they are
// normalised, capped, weighted and aggregated, with the targets. Parsed from config/<city>/composite.yaml;
// docs/composite.md gives the rationale for each choice.
import { z } from 'zod';
import { fiscalYearSchema } from './catalog-schema.ts';
import { configRefinement } from './config-problem.ts';

const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'IDは半角英小文字・数字・ハイフン（kebab-case）で書いてください');

/** One complete way of computing the composite: the primary method and every alternative of the sensitivity table. */
export const compositeMethodSchema = z
  .strictObject({
    id: idSchema,
    labelJa: z.string().min(1),
    /** Lower-is-better inputs: invert = baseline ÷ value × 100; asPrinted = the printed 指数 (only to relate to a plain mean). */
    direction: z.enum(['invert', 'asPrinted']),
    /** Each input's direction-adjusted value is clamped to [lo, hi]; null = no capping. */
    cap: z.strictObject({ lo: z.number().positive(), hi: z.number() }).nullable(),
    /** flat = one mean over the measures; byVision = a mean within each vision, then a mean across visions. */
    structure: z.enum(['flat', 'byVision']),
    mean: z.enum(['arithmetic', 'geometric']),
    /** Share (0–1) of the total input weight that must be present for the value to be published. */
    minCoverage: z.number().min(0).max(1),
  })
  .superRefine((m, ctx) => {
    // A cap that excludes 100 would move the reference year away from 100.
    if (m.cap && !(m.cap.lo <= 100 && 100 <= m.cap.hi)) {
      ctx.addIssue({ code: 'custom', path: ['cap'], ...configRefinement('config-composite-cap-range', {}) });
    }
    if (m.mean === 'geometric' && !m.cap) {
      ctx.addIssue({ code: 'custom', path: ['cap'], ...configRefinement('config-composite-geometric-needs-cap', {}) });
    }
  });
export type CompositeMethod = z.infer<typeof compositeMethodSchema>;

export const compositeTargetSchema = z.strictObject({
  fiscalYear: fiscalYearSchema,
  value: z.number(),
  labelJa: z.string().min(1).optional(),
});

export const compositeFileSchema = z
  .strictObject({
    nameJa: z.string().min(1),
    unitJa: z.string().min(1),
    /** The year every input's index is 100 in, and so the composite too (令和5年度 = 2023). */
    referenceFiscalYear: fiscalYearSchema,
    targets: z.array(compositeTargetSchema).default([]),
    inputs: z
      .strictObject({
        /** Only these measures (each printed in a long-tier slot); default: every measure printed in one. */
        include: z.array(idSchema).min(1).optional(),
        exclude: z.array(idSchema).default([]),
        /** Per-measure weight; a measure not listed weighs 1. */
        weights: z.record(idSchema, z.number().positive()).default({}),
        /** Per-vision weight for byVision methods, keyed by the vision number printed on the slot; default 1. */
        visionWeights: z.record(z.string().regex(/^\d+$/, '目指す姿の番号（数字）で書いてください'), z.number().positive()).default({}),
      })
      .prefault({}),
    primary: compositeMethodSchema,
    alternatives: z.array(compositeMethodSchema).default([]),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    [c.primary, ...c.alternatives].forEach((m, i) => {
      if (seen.has(m.id)) {
        ctx.addIssue({
          code: 'custom',
          path: i === 0 ? ['primary', 'id'] : ['alternatives', i - 1, 'id'],
          ...configRefinement('config-composite-duplicate-method', { id: m.id }),
        });
      }
      seen.add(m.id);
    });
    const years = new Set<number>();
    c.targets.forEach((t, i) => {
      if (years.has(t.fiscalYear))
        ctx.addIssue({
          code: 'custom',
          path: ['targets', i, 'fiscalYear'],
          ...configRefinement('config-composite-duplicate-target-year', { fiscalYear: t.fiscalYear }),
        });
      years.add(t.fiscalYear);
    });
  });
export type CompositeConfig = z.infer<typeof compositeFileSchema>;
