// The layout of the industry survey (産業基礎調査) waves: config/<city>/sources/industry-survey.yaml.
// Everything that varies by vendor or year lives here (file names, instruments, column headers, codebooks,
// non-response codes, breakdowns, minimum n); the reader has no header text or code of its own.
import { z } from 'zod';
import { configRefinement } from '../../config/config-problem.ts';

/** The family id: its inbox folder and config file name (sources/industry-survey.yaml). */

const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'IDは半角英小文字・数字・ハイフン（kebab-case）で書いてください');
const fiscalYear = z.number().int().min(1900).max(2200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日付は 2024-07-01 の形で書いてください');

const regexText = z.string().superRefine((text, ctx) => {
  let re: RegExp;
  try {
    re = new RegExp(text, 'u');
  } catch (e) {
    ctx.addIssue({ code: 'custom', ...configRefinement('config-survey-pattern-invalid', { reason: (e as Error).message }) });
    return;
  }
  const groups = new Set([...re.source.matchAll(/\(\?<([A-Za-z]\w*)>/g)].map((m) => m[1]));
  for (const required of ['year', 'instrument']) {
    if (!groups.has(required)) ctx.addIssue({ code: 'custom', ...configRefinement('config-survey-pattern-group-missing', { group: required }) });
  }
});

const frameRegexText = z.string().superRefine((text, ctx) => {
  try {
    if (!/\(\?<year>/.test(new RegExp(text, 'u').source))
      ctx.addIssue({ code: 'custom', ...configRefinement('config-survey-pattern-group-missing', { group: 'year' }) });
  } catch (e) {
    ctx.addIssue({ code: 'custom', ...configRefinement('config-survey-pattern-invalid', { reason: e instanceof Error ? e.message : String(e) }) });
  }
});

/** Answer codes are integers, as vendors deliver them (1, 2, … 99). */
export const answerCodeSchema = z.number().int().min(-9999).max(99999);

export const answerSchema = z.strictObject({ code: answerCodeSchema, labelJa: z.string().min(1) });
export type Answer = z.infer<typeof answerSchema>;

/** Codes that mean the respondent gave no usable answer: 無回答 (no answer) or 非該当 (the question did not apply). */
export const nonResponseSchema = z.strictObject({
  code: answerCodeSchema,
  kind: z.enum(['noAnswer', 'notApplicable']),
  labelJa: z.string().min(1),
});
export type NonResponseCode = z.infer<typeof nonResponseSchema>;

export const questionTypeSchema = z.enum(['single', 'multi', 'number', 'text', 'date']);
export type QuestionType = z.infer<typeof questionTypeSchema>;

export const configQuestionSchema = z.strictObject({
  id: z.string().min(1),
  textJa: z.string().min(1),
  type: questionTypeSchema,
  answers: z.array(answerSchema).min(1).optional(),
  /** A named answer list under answerSets, instead of repeating the same scale. */
  answerSet: z.string().min(1).optional(),
  /** Replaces the default non-response codes for this question. */
  nonResponse: z.array(nonResponseSchema).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** The question was first (last) asked in this fiscal year's wave. */
  fromFiscalYear: fiscalYear.optional(),
  untilFiscalYear: fiscalYear.optional(),
});
export type ConfigQuestion = z.infer<typeof configQuestionSchema>;

export const configCodebookSchema = z.strictObject({
  instrument: idSchema,
  fiscalYears: z.array(fiscalYear).min(1),
  questions: z.array(configQuestionSchema).min(1),
});

/** Column headers of a codebook sheet (long format: one row per answer code under its question). */
const codebookSheetSchema = z.strictObject({
  name: z.string().min(1).default('コードブック'),
  headerRow: z.number().int().min(1).default(1),
  columns: z
    .strictObject({
      id: z.string().min(1).default('設問ID'),
      text: z.string().min(1).default('設問文'),
      type: z.string().min(1).default('形式'),
      code: z.string().min(1).default('コード'),
      label: z.string().min(1).default('選択肢'),
      role: z.string().min(1).default('区分'),
      min: z.string().min(1).default('最小値'),
      max: z.string().min(1).default('最大値'),
    })
    .prefault({}),
  /** Words used in the 形式 column for each question type. */
  typeWords: z
    .strictObject({
      single: z.array(z.string().min(1)).default(['SA', '単一回答', '単数回答']),
      multi: z.array(z.string().min(1)).default(['MA', '複数回答']),
      number: z.array(z.string().min(1)).default(['数値', 'N', 'NUM']),
      text: z.array(z.string().min(1)).default(['FA', '自由記述', '自由回答']),
      date: z.array(z.string().min(1)).default(['日付', 'DATE']),
    })
    .prefault({}),
  /** Words used in the 区分 column; an empty cell means an ordinary answer. */
  roleWords: z
    .strictObject({
      answer: z.array(z.string().min(1)).default(['回答', '選択肢']),
      noAnswer: z.array(z.string().min(1)).default(['無回答']),
      notApplicable: z.array(z.string().min(1)).default(['非該当']),
    })
    .prefault({}),
});

/** A vendor column that is not named by a question id or wording: header → question (and option of a 0/1 column). */
const columnTarget = z.union([z.string().min(1), z.strictObject({ question: z.string().min(1), option: answerCodeSchema })]);

const breakdownSourceSchema = z.strictObject({
  question: z.string().min(1),
  /** Answer code → group code; without it each answer code is its own group. */
  groups: z.record(z.string().regex(/^-?\d+$/, 'キーは回答コード（整数）です'), z.string().min(1)).optional(),
  /** For a number question: the first class whose max is at least the value (the last may have no max). */
  classes: z
    .array(z.strictObject({ max: z.number().optional(), group: z.string().min(1) }))
    .min(1)
    .optional(),
});
export type BreakdownSource = z.infer<typeof breakdownSourceSchema>;

export const instrumentSchema = z.strictObject({
  id: idSchema,
  nameJa: z.string().min(1),
  /** How the instrument is named in file names (the pattern's instrument group). */
  fileLabels: z.array(z.string().min(1)).min(1),
  /** Data sheet of an .xlsx wave; default: the first sheet that is not the codebook sheet. */
  sheet: z.string().min(1).optional(),
  headerRow: z.number().int().min(1).default(1),
  /** CSV text encoding: auto = UTF-8 (with or without BOM) when the whole file is valid UTF-8, else CP932. */
  encoding: z.enum(['auto', 'utf-8', 'cp932']).default('auto'),
  /** Header of the respondent id column. */
  respondentId: z.string().min(1),
  /** Header of the weight column (post-stratification weights), if the wave carries weights. */
  weight: z.string().min(1).optional(),
  /** Header of the response date column, if any. */
  responseDate: z.string().min(1).optional(),
  /** Headers that are neither a question id nor its wording. */
  columns: z.record(z.string(), columnTarget).default({}),
  /** Headers naming a question; {id} and {text} are filled in from the codebook. */
  questionHeaders: z.array(z.string().min(1)).default(['{id}', '{text}', '{id} {text}', '{id}.{text}']),
  /** Headers of the 0/1 columns of a multi-select question; {id} {code} {text} {label} are filled in. */
  optionHeaders: z
    .array(z.string().min(1))
    .default(['{id}_{code}', '{id}-{code}', '{id}.{code}', '{id}({code})', '{text}_{label}', '{text}:{label}', '{id}_{label}']),
  /** Separator of a multi-select answer written in one cell ("1;3;5"). */
  multiSelectSeparator: z.string().min(1).default(';'),
  /** Columns the reader may ignore without a warning (e.g. the vendor's own bookkeeping). */
  ignoreColumns: z.array(z.string().min(1)).default([]),
  /** Breakdown dimension id → the question that gives a respondent's group in this instrument. */
  breakdowns: z.record(idSchema, breakdownSourceSchema).default({}),
});
export type Instrument = z.infer<typeof instrumentSchema>;

/**
 * The sampling design of the waves: a stratified single-stage sample of establishments. A stratum is an instrument ×
 * the groups of the `strata` breakdown dimensions (industry × size class); its population N_h comes from the year's
 * frame file. Estimates are then design-based (docs/industry-survey.md §6) and weighted is the default.
 */
export const surveyDesignSchema = z.strictObject({
  /** Breakdown dimension ids whose groups, within an instrument, make the strata. */
  strata: z.array(idSchema).min(1),
  /** frame: w = N_h ÷ n_h (n_h = the stratum's respondents, after non-response); file: the wave's weight column. */
  weights: z.enum(['frame', 'file']).default('frame'),
  /** Headers of the frame file: instrument (id, name or file label), population, and one column per strata dimension (its nameJa). */
  frameColumns: z.strictObject({ instrument: z.string().min(1).default('調査票'), population: z.string().min(1).default('母集団') }).prefault({}),
  /** A cell whose design-based effective n or relative SE passes these limits is flagged (or withheld). */
  limits: z
    .strictObject({
      minEffectiveN: z.number().min(0).optional(),
      /** SE ÷ share, e.g. 0.3. */
      maxRelativeSe: z.number().gt(0).optional(),
      action: z.enum(['flag', 'withhold']).default('flag'),
    })
    .prefault({}),
});
export type SurveyDesign = z.infer<typeof surveyDesignSchema>;

export const breakdownDimensionSchema = z.strictObject({
  id: idSchema,
  nameJa: z.string().min(1),
  groups: z.array(z.strictObject({ code: z.string().min(1), labelJa: z.string().min(1) })).min(1),
});

export const industrySurveyConfigSchema = z
  .strictObject({
    files: z.strictObject({
      /** Path inside inbox/industry-survey/ of a respondent file, with named groups year, instrument and optionally version. */
      pattern: regexText,
      /** Path of a separate codebook workbook (same groups). */
      codebookPattern: regexText.optional(),
      /** Path of the sampling frame of a year (population per stratum), same groups but no instrument (frameRegexText). */
      framePattern: frameRegexText.optional(),
    }),
    /** Non-response codes of every question unless a question lists its own; a blank cell is always 無回答. */
    nonResponse: z.array(nonResponseSchema).default([]),
    answerSets: z.record(z.string(), z.array(answerSchema).min(1)).default({}),
    /** Two-sided level of the intervals. */
    confidence: z.number().gt(0).lt(1).default(0.95),
    /** Cell problems listed one by one per column and kind; the rest are counted in one summary issue. */
    maxCellIssues: z.number().int().min(1).default(20),
    codebookSheet: codebookSheetSchema.prefault({}),
    instruments: z.array(instrumentSchema).min(1),
    codebooks: z.array(configCodebookSchema).default([]),
    waves: z
      .array(
        z.strictObject({
          fiscalYear,
          fieldwork: z.strictObject({ from: isoDate, to: isoDate }).optional(),
          /** Calibration of the design weights to known population margins (breakdown dimension → group code → population): rake (R's rake) or linear (R's calibrate). */
          calibration: z
            .strictObject({
              method: z.enum(['rake', 'linear']).default('rake'),
              margins: z.record(idSchema, z.record(z.string().min(1), z.number().int().min(0))),
            })
            .optional(),
        }),
      )
      .default([]),
    breakdowns: z
      .strictObject({
        /** Groups with fewer respondents in the denominator are published as suppressed (never as 0). */
        minN: z.number().int().min(1),
        dimensions: z.array(breakdownDimensionSchema).default([]),
      })
      .optional(),
    design: surveyDesignSchema.optional(),
  })
  .superRefine((config, ctx) => {
    const instruments = new Set(config.instruments.map((i) => i.id));
    const dimensions = new Map((config.breakdowns?.dimensions ?? []).map((d) => [d.id, new Set(d.groups.map((g) => g.code))]));
    config.instruments.forEach((instrument, i) => {
      for (const [dimension, source] of Object.entries(instrument.breakdowns)) {
        const path = ['instruments', i, 'breakdowns', dimension];
        const groups = dimensions.get(dimension);
        if (!groups) {
          ctx.addIssue({ code: 'custom', path, ...configRefinement('config-survey-unknown-dimension', { dimension }) });
          continue;
        }
        const used = [...Object.values(source.groups ?? {}), ...(source.classes ?? []).map((c) => c.group)];
        for (const g of used) {
          if (!groups.has(g)) ctx.addIssue({ code: 'custom', path, ...configRefinement('config-survey-unknown-group', { group: g, dimension }) });
        }
      }
    });
    if (config.design) {
      config.design.strata.forEach((d, i) => {
        if (!dimensions.has(d))
          ctx.addIssue({ code: 'custom', path: ['design', 'strata', i], ...configRefinement('config-survey-unknown-stratum-dimension', { dimension: d }) });
        config.instruments.forEach((instrument) => {
          if (!instrument.breakdowns[d])
            ctx.addIssue({
              code: 'custom',
              path: ['design', 'strata', i],
              ...configRefinement('config-survey-stratum-question-missing', { instrument: instrument.id, dimension: d }),
            });
        });
      });
      if (!config.files.framePattern)
        ctx.addIssue({ code: 'custom', path: ['files', 'framePattern'], ...configRefinement('config-survey-frame-pattern-missing', {}) });
      if (config.design.weights === 'file' && config.instruments.some((i) => !i.weight)) {
        ctx.addIssue({
          code: 'custom',
          path: ['design', 'weights'],
          ...configRefinement('config-survey-weight-column-missing', {}),
        });
      }
    }
    config.waves.forEach((wave, i) => {
      if (!wave.calibration) return;
      if (!config.design)
        ctx.addIssue({ code: 'custom', path: ['waves', i, 'calibration'], ...configRefinement('config-survey-calibration-without-design', {}) });
      for (const [dimension, totals] of Object.entries(wave.calibration.margins)) {
        const path = ['waves', i, 'calibration', 'margins', dimension];
        const groups = dimensions.get(dimension);
        if (!groups) {
          ctx.addIssue({ code: 'custom', path, ...configRefinement('config-survey-unknown-dimension', { dimension }) });
          continue;
        }
        for (const g of Object.keys(totals))
          if (!groups.has(g)) ctx.addIssue({ code: 'custom', path: [...path, g], ...configRefinement('config-survey-unknown-group', { group: g, dimension }) });
        if (config.instruments.some((instrument) => !instrument.breakdowns[dimension])) {
          ctx.addIssue({ code: 'custom', path, ...configRefinement('config-survey-margin-question-missing', { dimension }) });
        }
      }
    });
    config.codebooks.forEach((codebook, i) => {
      if (!instruments.has(codebook.instrument)) {
        ctx.addIssue({
          code: 'custom',
          path: ['codebooks', i, 'instrument'],
          ...configRefinement('config-survey-unknown-instrument', { instrument: codebook.instrument }),
        });
      }
      codebook.questions.forEach((q, j) => {
        const path = ['codebooks', i, 'questions', j];
        const choice = q.type === 'single' || q.type === 'multi';
        if (choice && !q.answers && !q.answerSet) ctx.addIssue({ code: 'custom', path, ...configRefinement('config-survey-question-without-answers', {}) });
        if (q.answerSet && !(q.answerSet in config.answerSets)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'answerSet'], ...configRefinement('config-survey-unknown-answer-set', { answerSet: q.answerSet }) });
        }
      });
    });
  });
export type IndustrySurveyConfig = z.infer<typeof industrySurveyConfigSchema>;
