// The catalog of a municipality's plan: measures, logic-model slots, action-plan lines.
// Parsed once from YAML at load time (see load-catalog.ts); inner code trusts these types.
import { z } from 'zod';
import { formatFiscalYear } from '../lib/fiscal-year.ts';
import { configRefinement } from './config-problem.ts';

export const fiscalYearSchema = z.number().int().min(1900).max(2200);

/** 方針 ids (2-1): the vision's number, a hyphen, the section's number, in half-width digits. */
const sectionIdSchema = z.string().regex(/^\d+-\d+$/, '方針は「目指す姿の番号-方針の番号」を半角数字とハイフンで書いてください（例: "2-1"）');

/** Kebab-case English identifier: the plan id (it names folders and packages). */
const planIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'IDは半角英小文字・数字・ハイフン（kebab-case）で書いてください');

/** Measure, slot and line ids: English, Japanese or the printed code; separators of the outputs (; , :) and spaces are not allowed. */
const idSchema = z.string().regex(/^[^\s,;:]+$/u, 'IDに空白・カンマ・セミコロン・コロンは使えません');

const textList = z.array(z.string().min(1));

/** A tier of plan.yaml `tiers`: its id (action, long …) or its printed label (活動指標); checked against the plan at load time. */
export const tierSchema = z.string().min(1);

/** Which way is good: "higher" (more is better), "lower" (e.g. 区内倒産事業者数), or "unknown" (no good/bad reading). */
export const directionSchema = z.enum(['higher', 'lower', 'unknown']);
export type Direction = z.infer<typeof directionSchema>;

/** How a fiscal-year value is formed from the source's periods or records. */
export const aggregationSchema = z.enum(['flow', 'stock', 'rate', 'eventCount', 'surveyShare']);
export type Aggregation = z.infer<typeof aggregationSchema>;

/** Where a measure's values come from. Every measure can also be fed by manual entry. */
export const sourceBindingSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('manual') }),
  z.strictObject({
    kind: z.literal('industrySurvey'),
    /** The question as printed (its topic); without `questions` it is the codebook question id (or wording) itself. */
    question: z.string().min(1),
    /** Codebook question id in each instrument that asks it (instrument id → question id); the share pools them. */
    questions: z.record(z.string().min(1), z.string().min(1)).optional(),
    /** Answer codes (numbers) or answer labels (text) counted in the numerator. */
    countedAnswers: z.array(z.union([z.string().min(1), z.number()])).min(1),
    /** Without `questions`: the one instrument asking `question` (default: every instrument whose codebook has it). */
    instrument: z.string().min(1).optional(),
    /** Who is in the denominator: those who answered (default), all but 非該当 (無回答 stays in), or every respondent. */
    denominator: z.enum(['answered', 'applicable', 'all']).default('answered'),
    /** The published value: the weighted (design-based) estimate, default when the survey declares a design; else the plain share. */
    estimate: z.enum(['unweighted', 'weighted']).optional(),
  }),
  z.strictObject({
    kind: z.literal('residentSurvey'),
    survey: z.string().min(1),
    question: z.string().min(1).optional(),
  }),
  z.strictObject({ kind: z.literal('resas'), series: z.string().min(1) }),
  z.strictObject({
    kind: z.literal('setagayaPay'),
    /** memberStores, cumulativePayers, paymentCount, paymentAmount, cumulativeAmount, continuationRate. */
    metric: z.string().min(1),
    /** Only this store class (店舗区分) of the report's breakdown table. */
    storeClass: z.string().min(1).optional(),
  }),
  z.strictObject({
    kind: z.literal('kosha'),
    recordType: z.string().min(1),
    filter: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
    /** Sum this column instead of counting records. */
    countColumn: z.string().min(1).optional(),
  }),
]);
export type SourceBinding = z.infer<typeof sourceBindingSchema>;

export const measureSchema = z.strictObject({
  id: idSchema,
  nameJa: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  /** Unit of the stored value, e.g. %, 件, 千円, 億円. */
  unit: z.string().min(1),
  /** Precision of a published value: values are rounded half-up to this many decimals. */
  decimals: z.number().int().min(0).max(6),
  direction: directionSchema.default('higher'),
  aggregation: aggregationSchema,
  baseline: z
    .strictObject({
      fiscalYear: fiscalYearSchema,
      /** Declared baseline; the observed value for that fiscal year takes precedence when present. */
      value: z.number().optional(),
      noteJa: z.string().optional(),
    })
    .optional(),
  source: sourceBindingSchema,
  /** number (when absent); status (a state such as 実施, from plan.yaml `statuses`); pair (two figures in one cell: 320人（8回）). */
  valueType: z.enum(['number', 'status', 'pair']).optional(),
  /** The unit of a pair's second figure (回). */
  secondaryUnit: z.string().min(1).optional(),
  /** Data collection method as printed (データの収集方法). */
  methodJa: z.string().min(1).optional(),
  owners: textList.optional(),
  notes: textList.optional(),
});
export type Measure = z.infer<typeof measureSchema>;

/** A revision of a target, kept beside the original (e.g. 20社 ↓ 3社に変更). */
export const targetRevisionSchema = z.strictObject({
  value: z.number(),
  reasonJa: z.string().min(1),
  /** The fiscal year in which the revision was decided. */
  revisedInFiscalYear: fiscalYearSchema,
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日付は「年-月-日」の半角数字で、引用符で囲んで書いてください（例: "2024-09-30"）')
    .optional(),
});

export type TargetRevision = z.infer<typeof targetRevisionSchema>;

/** A target: a plain number, null (printed as ー: no target that year), or a value with revisions. */
export const targetSchema = z.union([z.number(), z.null(), z.strictObject({ value: z.number().nullable(), revisions: z.array(targetRevisionSchema).min(1) })]);
export type Target = z.infer<typeof targetSchema>;

/** The message of a fiscal-year key that is not four digits; describe-zod-issue.ts recognises it to name the key and hint. */
export const YEAR_KEY_MESSAGE = '年度は西暦4桁の半角数字で書いてください（例: 2029）';

/** Keys are fiscal years ("2024"), values targets. */
export const yearKey = z.string().regex(/^\d{4}$/, YEAR_KEY_MESSAGE);
export const targetsByYearSchema = z.record(yearKey, targetSchema);
export const commentsByYearSchema = z.record(yearKey, z.string().min(1));

export const slotFlagSchema = z.enum([
  'baselineChanged', // 現況値変更
  'methodUnderReview', // 収集方法を再考
  'continuousSurvey', // 継続的な調査に変更
  'fromActionPlanRoadmap', // アクションプラン(のロードマップ)から
]);

/** Where a measure is printed in the logic model. */
export const slotSchema = z.strictObject({
  /** Unique id; derived as v{vision}-{tier}-{position} when omitted. */
  id: idSchema.optional(),
  vision: z.number().int().min(1),
  /** Other visions sharing the same printed table (8・9). */
  alsoVisions: z.array(z.number().int().min(1)).optional(),
  tier: tierSchema,
  position: z.number().int().min(1),
  /** The printed number or code if it is not the position (codes may repeat across visions). */
  code: z.string().min(1).optional(),
  measure: idSchema,
  /** Printed name (the current one when renamed). */
  nameJa: z.string().min(1),
  /** The old name when the indicator was renamed (old—new); the printed figures often measure the old one. */
  previousNameJa: z.string().min(1).optional(),
  /** Printed unit when it differs from the measure's (店舗 vs 人). */
  unitJa: z.string().min(1).optional(),
  /** ○ mark. */
  marked: z.boolean().default(false),
  /** 横断的 ○ (only visions 1–4 have the column). */
  crossCutting: z.boolean().optional(),
  methodJa: z.string().min(1).optional(),
  flags: z.array(slotFlagSchema).optional(),
  targets: targetsByYearSchema.optional(),
  comments: commentsByYearSchema.optional(),
  owners: textList.optional(),
  notes: textList.optional(),
});
export type Slot = z.infer<typeof slotSchema>;

/** How the plan-period total (合計) is formed; see shared/research/seed001_notes.md (a). */
export const totalKindSchema = z.enum([
  'sum', // flows: sum of the yearly targets (a printed ー counts as 0)
  'endLevel', // stocks/cumulative levels: the target of the last plan year
  'constant', // rates or fixed levels: the total is each year's value
]);
export type TotalKind = z.infer<typeof totalKindSchema>;

export const actionPlanLineSchema = z.strictObject({
  id: idSchema,
  /** 方針 code, e.g. "2-2". */
  section: sectionIdSchema,
  vision: z.number().int().min(1),
  projectJa: z.string().min(1).optional(),
  /** 施策 / 具体的取組み, e.g. 低利な融資あっせんの実施 等. */
  measureNameJa: z.string().min(1),
  /** 行動指標 as printed. */
  indicatorJa: z.string().min(1),
  /** The measure that supplies the actual. */
  measure: idSchema,
  unitJa: z.string().min(1).optional(),
  /** 【再掲】: the line this one reprints; targets and total are inherited and must not be repeated. */
  reprintOf: idSchema.optional(),
  subIndex: z.number().int().min(1).optional(),
  targets: targetsByYearSchema.optional(),
  total: z
    .strictObject({
      kind: totalKindSchema,
      /** The printed 合計; when it disagrees with the kind's rule it is used and a warning is issued. */
      value: z.number().optional(),
    })
    .optional(),
  /** The plan reports the actual rounded to this many decimals and rates it as reported (77.4% → 77%). */
  actualDecimals: z.number().int().min(0).max(6).optional(),
  markers: z.strictObject({ circle: z.boolean(), bullet: z.boolean() }).optional(),
  /** Figures as printed in the published progress report of a fiscal year, kept for comparison. */
  printed: z.record(yearKey, z.strictObject({ actual: z.number().nullable().optional(), achievementRate: z.number().nullable().optional() })).optional(),
  owners: textList.optional(),
  comments: commentsByYearSchema.optional(),
  notes: textList.optional(),
});
export type ActionPlanLine = z.infer<typeof actionPlanLineSchema>;

export const planSchema = z
  .strictObject({
    id: planIdSchema,
    municipality: z.strictObject({
      code: z.string().regex(/^\d{5,6}$/, '自治体コード（全国地方公共団体コード。6桁の数字、例: 131121）を書いてください'),
      nameJa: z.string().min(1),
    }),
    titleJa: z.string().min(1),
    /** Default baseline fiscal year for measures that do not declare one. */
    baselineFiscalYear: fiscalYearSchema,
    /** The action plan's period (合計 is formed over it). */
    period: z.strictObject({ start: fiscalYearSchema, end: fiscalYearSchema }),
    /** Further target years beyond the period (中間目標・最終目標), e.g. 2031. */
    milestones: z.array(z.strictObject({ fiscalYear: fiscalYearSchema, labelJa: z.string().min(1) })).default([]),
    /** A year of reference values (参考年), if the plan has one. */
    referenceFiscalYear: fiscalYearSchema.optional(),
    policies: z.array(z.strictObject({ number: z.number().int().min(1), nameJa: z.string().min(1) })).default([]),
    /** The logic model's visions (目指す姿); a plan with only a progress table (progress.yaml) has none. */
    visions: z
      .array(
        z.strictObject({
          number: z.number().int().min(1),
          titleJa: z.string().min(1),
          policy: z.number().int().min(1).optional(),
        }),
      )
      .default([]),
    /** Owning sections by default (課). */
    owners: textList.optional(),
    /** What the plan calls its parts; every output prints these words. Defaults are the logic-model plan's. */
    terms: z
      .strictObject({
        pillar: z.string().min(1).default('目指す姿'),
        section: z.string().min(1).default('方針'),
        tier: z.string().min(1).default('区分'),
        /** The column heading of an indicator's owning departments (所管課, 計画所管課 …). */
        owner: z.string().min(1).default('所管課'),
        /** The column heading of the related departments a progress table prints apart (関連所管課（部）…). */
        relatedOwner: z.string().min(1).default('関連所管課'),
        /** The indicator set's name; its list sheet is 「…一覧」. */
        indicators: z.string().min(1).default('ソーシャルインパクト指標'),
        actionPlan: z.string().min(1).default('アクションプラン'),
        /**
         * The heading of the action plan's indicator column (its lines' 行動指標 …); unset, the label of the tier with id
         * `action`, else 指標 (planWord, lib/with-plan-words.ts).
         */
        actionPlanIndicator: z.string().min(1).optional(),
        progressTable: z.string().min(1).default('進捗状況'),
        /** The report's name on the workbook's summary (検証部会資料, 進捗状況報告 …). */
        report: z.string().min(1).default('検証部会資料'),
      })
      .prefault({}),
    /** The plan's indicator tiers, in print order (slots use the ids; progress.yaml the id or the label). */
    tiers: z
      .array(z.strictObject({ id: z.string().min(1), labelJa: z.string().min(1) }))
      .min(1)
      .default([
        { id: 'action', labelJa: '行動指標' },
        { id: 'short', labelJa: '短期アウトカム' },
        { id: 'long', labelJa: '中長期アウトカム' },
        { id: 'reference', labelJa: '参考指標' },
      ]),
    /** Status values a figure may take instead of a number (実施 / 未実施 / 検討中 / ―); notApplicable is never graded. */
    statuses: z.array(z.strictObject({ labelJa: z.string().min(1), notApplicable: z.boolean().default(false) })).default([]),
  })
  .superRefine((plan, ctx) => {
    const { start, end } = plan.period;
    if (end < start) ctx.addIssue({ code: 'custom', path: ['period', 'end'], ...configRefinement('config-period-reversed', { start, end }) });
    else if (plan.baselineFiscalYear > end) {
      const params = { year: plan.baselineFiscalYear, era: formatFiscalYear(plan.baselineFiscalYear), period: planPeriodJa(plan) };
      ctx.addIssue({ code: 'custom', path: ['baselineFiscalYear'], ...configRefinement('config-baseline-after-period', params) });
    }
  });
export type Plan = z.infer<typeof planSchema>;

/** The plan period as messages print it: 2025〜2029年度、令和7年度〜令和11年度. */
export function planPeriodJa(plan: Pick<Plan, 'period'>): string {
  const { start, end } = plan.period;
  return `${start}〜${end}年度、${formatFiscalYear(start)}〜${formatFiscalYear(end)}`;
}

/** 方針 (a section of a vision in the action plan), e.g. 2-2. */
export const sectionSchema = z.strictObject({
  id: sectionIdSchema,
  vision: z.number().int().min(1),
  nameJa: z.string().min(1),
  descriptionJa: z.string().min(1).optional(),
});
export type Section = z.infer<typeof sectionSchema>;

/** File-level shapes: each YAML file holds one list under one key. */
export const measuresFileSchema = z.strictObject({ measures: z.array(measureSchema) });
export const slotsFileSchema = z.strictObject({ slots: z.array(slotSchema) });
export const actionPlanFileSchema = z.strictObject({ lines: z.array(actionPlanLineSchema) });
export const sectionsFileSchema = z.strictObject({ sections: z.array(sectionSchema) });
