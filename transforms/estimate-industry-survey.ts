// The industry survey's published figures from what the reader decided (sources/industry-survey/read-industry-survey.ts):
// per fiscal year, every measure estimated over the versions in use (design-based where the config declares a design
// and the year has a frame file), every figure a re-sent wave or a corrected frame file changes (survey_revisions),
// the observations and the survey tables (survey_breakdowns with suppression applied, survey_waves, survey_revisions).
// Pure: no I/O, files are already read.
import type { SurveyBreakdownRow, SurveyRevisionRow, SurveyWaveRow } from '../lib/datasets/survey-tables.ts';
import { formatFiscalYear } from '../lib/fiscal-year.ts';
import { issueOf, rejectsFile } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import type { Gap, Observation } from '../lib/observation.ts';
import type { IndustrySurveyConfig } from '../sources/industry-survey/industry-survey-config.ts';
import type { SurveyFrame } from '../sources/industry-survey/read-frame-file.ts';
import type { IndustrySurveyReading, WaveVersion } from '../sources/industry-survey/read-industry-survey.ts';
import type { SurveyBinding } from '../sources/industry-survey/resolve-survey-bindings.ts';
import { diffSurveyEstimates } from './diff-survey-estimates.ts';
import { estimateSurveyShares, type EstimationSettings, type MeasureEstimate, type PooledWave, type ShareCell } from './estimate-survey-shares.ts';
import { suppressAcrossMeasures } from './suppress-small-cells.ts';
import { buildSurveyDesign } from './survey-design.ts';
import { surveyWaveRow } from './survey-wave-row.ts';

/** A dataset's row (lib/datasets.ts) as a family gives it: without run_id, which the run adds. */
type Row<T> = Omit<T, 'run_id'>;

/** The survey family's tables (lib/datasets.ts adapterDatasets), by dataset name (a type, so it is a SourceResult's tables). */
export type SurveyTables = {
  survey_breakdowns: Row<SurveyBreakdownRow>[];
  survey_waves: Row<SurveyWaveRow>[];
  survey_revisions: Row<SurveyRevisionRow>[];
};

export interface IndustrySurveyEstimates {
  observations: Observation[];
  /** Every withheld figure, with its reasons: published as withheld (invalid), not as never surveyed. */
  gaps: Gap[];
  /** The reading's issues, then each year's: its own, the replacements', the design's and the figures'. */
  issues: Issue[];
  tables: SurveyTables;
}

export function estimateIndustrySurvey(reading: IndustrySurveyReading, config: IndustrySurveyConfig): IndustrySurveyEstimates {
  const { bindings } = reading;
  const issues: Issue[] = [...reading.issues];
  const observations: Observation[] = [];
  const gaps: Gap[] = [];
  const breakdownRows: Row<SurveyBreakdownRow>[] = [];
  const revisionRows: Row<SurveyRevisionRow>[] = [];
  for (const { fiscalYear: year, state, steps, unusable, frames, issues: yearIssues } of reading.years) {
    issues.push(...yearIssues);
    const frame = frames.at(-1);
    // Frame files of the year rejected whole: with none usable, the design-based figures are withheld for them.
    const rejectedFrames = frame ? [] : yearIssues.filter((i) => i.code === 'industry-survey-frame-invalid' && i.location.file !== undefined);
    // The published estimate reports the design's issues; a revision's before and after compare values, n and status
    // only, so they skip the intervals (their beta quantiles are most of an estimate's time).
    const estimate = (s: Map<string, WaveVersion>, withFrame = frame, report?: Issue[]) => {
      const pool = [...s.values(), ...unusable.values()].map((v): PooledWave => ({ instrument: v.instrument, wave: v.read! }));
      const settings: EstimationSettings = {
        ...designSettings(config, pool, year, withFrame, rejectedFrames, report),
        intervals: report !== undefined,
      };
      return protectAcrossQuestions(
        bindings,
        bindings.map((b) => estimateSurveyShares(b, year, pool, settings)),
      );
    };
    // A corrected frame file (_v2 …) replaces the earlier one; every published figure it changes is listed.
    for (let k = 1; k < frames.length; k += 1) {
      const changes = diffSurveyEstimates(bindings, estimate(state, frames[k - 1]), estimate(state, frames[k]), frames[k - 1]!.file, frames[k]!.file);
      revisionRows.push(...changes);
      issues.push(
        issueOf(
          'industry-survey-frame-replaced',
          { file: frames[k]!.file, replaced: frames[k - 1]!.file, fiscalYear: formatFiscalYear(year), changes: changes.length },
          { file: frames[k]!.file },
        ),
      );
    }
    for (const step of steps) {
      const changes = diffSurveyEstimates(bindings, estimate(step.before), estimate(step.after), step.replaced.input.name, step.replacement.input.name);
      revisionRows.push(...changes);
      const headline = changes.filter((c) => c.dimension === 'total');
      issues.push(
        issueOf(
          'industry-survey-wave-replaced',
          { file: step.replacement.input.name, replaced: step.replaced.input.name, fiscalYear: formatFiscalYear(year), changes: changes.length },
          { file: step.replacement.input.name },
        ),
      );
      for (const c of headline) {
        issues.push(
          issueOf(
            'industry-survey-figure-revised',
            {
              measure: c.name_ja,
              fiscalYear: formatFiscalYear(year),
              oldValue: show(c.old_value, c.old_status),
              newValue: show(c.new_value, c.new_status),
              oldN: c.old_n ?? '—',
              newN: c.new_n ?? '—',
            },
            { file: step.replacement.input.name },
            `${show(c.old_value, c.old_status)} → ${show(c.new_value, c.new_status)}`,
          ),
        );
      }
    }
    const finals = estimate(state, frame, issues);
    const why = (e: MeasureEstimate & { status: 'withheld' }) => withheldCode(e, rejectedFrames, reading.waves);
    finals.forEach((e, k) => publish(bindings[k]!, e, state, { observations, gaps, rows: breakdownRows, issues, why }));
  }
  const waveRows = reading.waves.map(surveyWaveRow).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { observations, gaps, issues, tables: { survey_breakdowns: breakdownRows, survey_waves: waveRows, survey_revisions: revisionRows } };
}

/** The year's estimates, with a group hidden in one measure of a question hidden in every measure of it (suppress-small-cells.ts). */
function protectAcrossQuestions(bindings: readonly SurveyBinding[], estimates: MeasureEstimate[]): MeasureEstimate[] {
  const byQuestion = new Map<string, ShareCell[][]>();
  estimates.forEach((e, i) => {
    if (e.status !== 'estimated') return;
    const b = bindings[i]!;
    const question = b.questions.size === 0 ? b.question : JSON.stringify([...b.questions].sort());
    const measures = byQuestion.get(question);
    if (measures) measures.push(e.groups);
    else byQuestion.set(question, [e.groups]);
  });
  for (const measures of byQuestion.values()) if (measures.length > 1) suppressAcrossMeasures(measures);
  return estimates;
}

/** Estimation settings with the year's design when the config declares one (issues only for the published state). */
function designSettings(
  config: IndustrySurveyConfig,
  pool: readonly PooledWave[],
  year: number,
  frame: SurveyFrame | undefined,
  rejectedFrames: readonly Issue[],
  report?: Issue[],
): EstimationSettings {
  const settings: EstimationSettings = { confidence: config.confidence, breakdowns: config.breakdowns };
  if (!config.design) return settings;
  const limits = config.design.limits;
  if (!frame?.strata) {
    report?.push(issueOf('industry-survey-no-frame', { fiscalYear: formatFiscalYear(year), pattern: String(config.files.framePattern) }));
    const reasonJa =
      rejectedFrames.length > 0
        ? `${formatFiscalYear(year)}の母集団ファイル ${rejectedFrames.map((i) => i.location.file).join('、')} を読み込めません`
        : `${formatFiscalYear(year)}の母集団ファイルがありません`;
    return { ...settings, design: { design: null, reasonJa, limits } };
  }
  const calibration = config.waves.find((w) => w.fiscalYear === year)?.calibration;
  const built = buildSurveyDesign(pool, { file: frame.file, strata: frame.strata }, config.design, config.breakdowns?.dimensions ?? [], calibration);
  report?.push(...built.issues);
  return { ...settings, design: { design: built.design, reasonJa: `母集団ファイル ${frame.file} と回答の層が合いません`, limits } };
}

interface Published {
  observations: Observation[];
  gaps: Gap[];
  rows: Row<SurveyBreakdownRow>[];
  issues: Issue[];
  /** The code a withheld figure is published with. */
  why: (e: MeasureEstimate & { status: 'withheld' }) => string;
}

function publish(binding: SurveyBinding, e: MeasureEstimate, state: Map<string, WaveVersion>, out: Published): void {
  const { observations, rows, issues } = out;
  const label = formatFiscalYear(e.fiscalYear);
  if (e.status === 'notAsked') {
    issues.push(issueOf('industry-survey-question-not-asked', { measure: binding.nameJa, label }));
    return;
  }
  const firstFile = e.sources[0]?.file ?? [...state.values()][0]?.input.name;
  if (e.status === 'withheld') {
    issues.push(issueOf('industry-survey-estimate-withheld', { measure: binding.nameJa, label, reasons: e.reasonsJa.join('；') }, { file: firstFile }));
    const code = out.why(e);
    out.gaps.push({
      measureId: binding.measureId,
      fiscalYear: e.fiscalYear,
      sourceKind: 'industrySurvey',
      status: 'invalid',
      reasonJa: `${e.reasonsJa.join('；')}（${code}）`,
      code,
    });
    return;
  }
  const sources = e.sources.map((s) => `${s.instrument}:${s.question}@${s.file}`).join('; ');
  const total = e.total.estimate;
  const weighted = binding.estimate === 'weighted';
  const value = weighted ? total.weightedShare : total.share;
  if (value === null) {
    issues.push(issueOf('industry-survey-no-respondents', { measure: binding.nameJa, label }, { file: firstFile }));
  } else {
    observations.push({
      measureId: binding.measureId,
      fiscalYear: e.fiscalYear,
      value,
      sourceKind: 'industrySurvey',
      provenance: {
        file: e.sources[0]!.file,
        sha256: e.sources[0]!.sha256,
        rows: e.sources[0]!.rows,
        ...(e.sources.length > 1 ? { otherInputs: e.sources.slice(1).map((s) => ({ file: s.file, sha256: s.sha256, rows: s.rows })) } : {}),
        rule: `産業基礎調査 ${e.sources.map((s) => `${s.instrument} ${s.question}（${s.rows}行）`).join('・')}: 回答「${e.sources[0]!.counted}」を選んだ回答者 ÷ ${DENOMINATOR_JA[binding.denominator]}（${weighted ? (e.total.weightedMethod === 'design-raked' ? '標本設計による加重推計（レイキングで較正）' : e.total.weightedMethod === 'design-calibrated' ? '標本設計による加重推計（線形較正）' : e.total.weightedMethod === 'design' ? '標本設計による加重推計' : '加重') : '単純集計'}、n=${total.n}）`,
      },
      n: total.n,
      ciLow: (weighted ? total.weightedCiLow : total.ciLow)!,
      ciHigh: (weighted ? total.weightedCiHigh : total.ciHigh)!,
    });
  }
  for (const c of [e.total, ...e.groups]) rows.push(breakdownRow(binding, e.fiscalYear, c, sources));
}

/**
 * Why a figure is withheld, as a code: the frame file rejected (when the design is what it lacks), else what rejected
 * a wave file that could not be read (its first error otherwise), else the estimate's own.
 */
function withheldCode(e: MeasureEstimate & { status: 'withheld' }, rejectedFrames: readonly Issue[], waves: readonly WaveVersion[]): string {
  const frame = rejectedFrames[0];
  if (frame && e.reasonsJa.some((r) => r.includes(frame.location.file!))) return frame.code;
  const unread = waves.find((w) => w.fiscalYear === e.fiscalYear && w.read && !w.read.data && e.reasonsJa.some((r) => r.includes(w.input.name)));
  const errors = unread?.read?.issues.filter((i) => i.severity === 'error') ?? [];
  return (errors.find((i) => rejectsFile(i.code)) ?? errors[0])?.code ?? 'industry-survey-estimate-withheld';
}

const DENOMINATOR_JA = { answered: 'その設問に回答した回答者（無回答・非該当を除く）', applicable: '非該当を除く回答者', all: 'すべての回答者' } as const;

function breakdownRow(binding: SurveyBinding, fiscalYear: number, c: ShareCell, sources: string): Row<SurveyBreakdownRow> {
  const hide = c.suppression !== null;
  const s = c.estimate;
  return {
    measure_id: binding.measureId,
    name_ja: binding.nameJa,
    fiscal_year: fiscalYear,
    fiscal_year_label: formatFiscalYear(fiscalYear),
    dimension: c.dimension,
    dimension_ja: c.dimensionJa,
    group_code: c.groupCode,
    group_label: c.groupLabelJa,
    n: s.n,
    numerator: hide ? null : s.numerator,
    share: hide ? null : s.share,
    se: hide ? null : c.se,
    ci_low: hide ? null : s.ciLow,
    ci_high: hide ? null : s.ciHigh,
    weighted_share: hide ? null : s.weightedShare,
    weighted_se: hide ? null : s.weightedSe,
    weighted_ci_low: hide ? null : s.weightedCiLow,
    weighted_ci_high: hide ? null : s.weightedCiHigh,
    effective_n: hide ? null : s.effectiveN,
    estimator: binding.estimate === 'unweighted' ? 'unweighted' : (c.weightedMethod ?? 'unweighted'),
    weighted_method: c.weightedMethod,
    deff: hide ? null : c.deff,
    design_df: hide ? null : c.df,
    design_flag: c.designFlag,
    suppressed: hide,
    suppression_reason: c.suppression,
    sources,
  };
}

function show(value: number | null, status: string): string {
  return value === null ? (status === 'withheld' ? '不公表' : status === 'suppressed' ? '秘匿' : '—') : String(value);
}
