// A ward progress table (progress.yaml): pillars (柱) → sections (施策) → indicators with printed codes,
// the plan's year roles, per-indicator targets with revisions, and the plan's own grading rule.
// Parsed once at load time (load-catalog.ts); the words printed come from here and plan.yaml, never from code.
import { z } from 'zod';
import { fiscalYearSchema, targetRevisionSchema, yearKey } from './catalog-schema.ts';

const text = z.string().min(1);

/** A column of the printed table: 基準値 (FY2016), 中間値, 参考実績, 実績値 (the latest year with a value), 目標値. */
export const yearRoleSchema = z
  .strictObject({
    labelJa: text,
    /** The fixed fiscal year of the column; omit with `latest: true`. */
    fiscalYear: fiscalYearSchema.optional(),
    /** The column shows the latest fiscal year with a value (実績値). */
    latest: z.boolean().optional(),
    /** baseline: graded against (基準値); target: the target year (目標値); actual: any other year. */
    kind: z.enum(['baseline', 'target', 'actual']).default('actual'),
  })
  .refine((r) => (r.fiscalYear === undefined) === (r.latest === true), {
    message: '年度の役割には fiscalYear（年度）か latest: true（最新の実績年度）のどちらか一方を書いてください',
  });
export type YearRole = z.infer<typeof yearRoleSchema>;

/** One grade of the plan's rule, tried in order: the first whose condition holds is the grade. */
export const gradeRuleSchema = z
  .strictObject({
    grade: text,
    /** The rule in the plan's words, printed beside the grade (e.g. 実績値が目標値以上). */
    ruleJa: text,
    /** Compare the value with: the target in force that year, the original target, or the baseline. */
    against: z.enum(['target', 'originalTarget', 'baseline']).optional(),
    /** Bounds on the ratio value ÷ reference × 100 (reference ÷ value for lower-is-better), in %. */
    atLeast: z.number().optional(),
    above: z.number().optional(),
    atMost: z.number().optional(),
    below: z.number().optional(),
    /** For a status figure (実施 …): met = the status equals the target's, notMet = it does not. */
    status: z.enum(['met', 'notMet']).optional(),
  })
  .refine((g) => (g.against === undefined) !== (g.status === undefined), {
    message: '評価の規則には against（比べる相手）か status（met / notMet）のどちらか一方を書いてください',
  });
export type GradeRule = z.infer<typeof gradeRuleSchema>;

export const gradingSchema = z.strictObject({
  /** What the grade is called in the plan (評価, 達成度 …). */
  labelJa: text,
  grades: z.array(gradeRuleSchema).min(1),
  /** When no grade applies (no value, no reference, direction unknown, 該当なし). */
  notEvaluable: z.strictObject({ grade: text, ruleJa: text }),
  /** Years at or after an indicator's definition change get this outcome instead of a comparison. */
  definitionChanged: z.strictObject({ grade: text, ruleJa: text }).optional(),
});
export type Grading = z.infer<typeof gradingSchema>;

/** An owning department (所管課); a renamed one keeps its former names (old → new). */
export const ownerSchema = z.union([
  text,
  z.strictObject({ nameJa: text, formerNamesJa: z.array(text).min(1), renamedInFiscalYear: fiscalYearSchema.optional() }),
]);
export type Owner = z.infer<typeof ownerSchema>;

const revisedValueSchema = z.strictObject({ value: z.number(), revisions: z.array(targetRevisionSchema).optional() });

/**
 * The target of an indicator (for the 目標値 year): a number, with revisions, or a state such as 実施. `byYear` holds
 * targets the plan sets for other years (a 中間目標 for the 中間値 year, yearly targets): that year is rated against its own.
 */
export const indicatorTargetSchema = z.union([
  revisedValueSchema.extend({
    byYear: z.record(yearKey, z.union([z.number(), revisedValueSchema])).optional(),
  }),
  z.strictObject({ status: text }),
  /** A target stated in words (29年度: 「…の充実」): printed as is, never graded. */
  z.strictObject({ text: text }),
]);
export type IndicatorTarget = z.infer<typeof indicatorTargetSchema>;

export const progressIndicatorSchema = z.strictObject({
  /** The printed code, kept exactly (1-①, Ⅰ-ⅰ, 施策2-③); it may repeat in other pillars. */
  code: text,
  /** The id used in the manual-entry workbook; default 「柱の記号/番号」 (e.g. Ⅰ/1-①). Japanese is fine. */
  id: z
    .string()
    .regex(/^[^\s,;:]+$/u, 'IDに空白・カンマ・セミコロン・コロンは使えません')
    .optional(),
  nameJa: text,
  /** One of plan.yaml `tiers` (its id or its printed label, e.g. 活動指標). */
  tier: text,
  unit: text,
  decimals: z.number().int().min(0).max(6).default(0),
  /** higher / lower is better, or unknown (no good/bad reading is printed and no grade by ratio is given). */
  direction: z.enum(['higher', 'lower', 'unknown']),
  /** number; status (実施 / 未実施 …, plan.yaml `statuses`); pair: two figures in one cell, 320人（8回）. */
  valueType: z.enum(['number', 'status', 'pair']).default('number'),
  /** The second figure of a pair: its unit (回) and what it counts. */
  secondary: z.strictObject({ unit: text, nameJa: text.optional() }).optional(),
  /** A measure of measures*.yaml fed by a source adapter; default: a manual-entry row of its own. */
  measure: z.string().min(1).optional(),
  /** Declared baseline when the baseline year's value is not entered. */
  baselineValue: z.number().optional(),
  /** The baseline cell when it is stated in words (現状: 「支援策の検討」), printed as is; shown when no value is entered. */
  baselineText: text.optional(),
  /** A note printed with the declared baseline (平成25年度末見込み). */
  baselineNoteJa: text.optional(),
  target: indicatorTargetSchema.optional(),
  definitionChanged: z.strictObject({ fiscalYear: fiscalYearSchema, reasonJa: text }).optional(),
  owners: z.array(ownerSchema).min(1).optional(),
  /** 関連所管課: departments the plan prints apart from the owning ones. */
  relatedOwners: z.array(ownerSchema).min(1).optional(),
  methodJa: text.optional(),
  notes: z.array(text).optional(),
});
export type ProgressIndicator = z.infer<typeof progressIndicatorSchema>;

export const progressSectionSchema = z.strictObject({
  code: text,
  nameJa: text,
  indicators: z.array(progressIndicatorSchema).min(1),
});

export const progressPillarSchema = z.strictObject({
  code: text,
  nameJa: text,
  sections: z.array(progressSectionSchema).min(1),
});

export const progressFileSchema = z.strictObject({
  yearRoles: z.array(yearRoleSchema).min(1),
  /** The plan's grading rule; a plan that grades nothing leaves it out (every year is then 「−」). */
  grading: gradingSchema.optional(),
  pillars: z.array(progressPillarSchema).min(1),
});
export type ProgressFile = z.infer<typeof progressFileSchema>;
