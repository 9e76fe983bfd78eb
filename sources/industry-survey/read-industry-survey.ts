// The industry survey (産業基礎調査) source: every respondent file in inbox/industry-survey/, grouped into waves by
// fiscal year and instrument, each version read and checked against its codebook. Per year and instrument the first
// readable version is used, and a re-sent version (higher _vN) replaces it only when nothing in it touches a published
// figure; the earlier version stays in the inbox and every figure that the replacement changes is reported.
import type { Measure } from '../../config/catalog-schema.ts';
import type { SurveyBreakdownRow, SurveyRevisionRow, SurveyWaveRow } from '../../lib/datasets.ts';
import { formatFiscalYear, parseFiscalYear } from '../../lib/fiscal-year.ts';
import { countBySeverity, issue, type Issue } from '../../lib/issues.ts';
import type { Observation, SourceResult } from '../../lib/observation.ts';
import {
  estimateSurveyShares,
  type EstimationSettings,
  type MeasureEstimate,
  type PooledWave,
  type ShareCell,
} from '../../transforms/estimate-survey-shares.ts';
import type { InboxFile } from '../inbox-file.ts';
import type { Codebook } from './codebook.ts';
import type { IndustrySurveyConfig, Instrument } from './industry-survey-config.ts';
import { normalizeHeader } from '../../lib/normalize-header.ts';
import { formatDay } from './parse-response-day.ts';
import { readFrameFile, type SurveyFrame } from './read-frame-file.ts';
import { readWaveFile, type WaveFile } from './read-wave-file.ts';
import { buildSurveyDesign } from '../../transforms/survey-design.ts';
import { diffSurveyEstimates } from '../../transforms/diff-survey-estimates.ts';
import { findQuestion, referenceIn } from '../../lib/find-survey-question.ts';
import { resolveSurveyBindings, type SurveyBinding } from './resolve-survey-bindings.ts';

import type { XlsxLimits } from '../xlsx/xlsx-limits.ts';

export const INDUSTRY_SURVEY_FAMILY = 'industry-survey';

export interface IndustrySurveyOptions {
  /** Progress of reading each respondent file (bytes of the file or of its sheet part). */
  onProgress?: (file: string, done: number, total: number) => void;
  /** Only these fiscal years' waves (reprocess); default all. */
  fiscalYears?: readonly number[];
  /** Size limits of .xlsx waves (contracts.yaml limits). */
  xlsxLimits?: XlsxLimits;
}

export interface WaveVersion {
  fiscalYear: number;
  instrument: Instrument;
  version: number;
  input: InboxFile;
  read?: WaveFile;
  status?: 'active' | 'superseded' | 'rejected' | 'unreadable';
  /** Problems in it that touch published figures (why a re-send is rejected). */
  blocking: string[];
}

export interface IndustrySurveyResult extends SourceResult {
  tables: { survey_breakdowns: SurveyBreakdownRow[]; survey_waves: SurveyWaveRow[]; survey_revisions: SurveyRevisionRow[] };
  waves: WaveVersion[];
}

type Row<T> = Omit<T, 'run_id'>;

export async function readIndustrySurvey(
  files: readonly InboxFile[],
  measures: Iterable<Measure>,
  config: IndustrySurveyConfig,
  options: IndustrySurveyOptions = {},
): Promise<IndustrySurveyResult> {
  const issues: Issue[] = [];
  const resolved = resolveSurveyBindings(measures, config);
  issues.push(...resolved.issues);
  const bindings = resolved.bindings;

  const { waves, codebookFiles, frameFiles } = classifyFiles(files, config, issues);
  const selected = options.fiscalYears ? waves.filter((w) => options.fiscalYears!.includes(w.fiscalYear)) : waves;
  for (const w of selected) {
    w.read = await readWaveFile({
      file: w.input,
      instrument: w.instrument,
      fiscalYear: w.fiscalYear,
      config,
      codebookFile: codebookFiles.get(`${w.fiscalYear}\u0000${w.instrument.id}`),
      usedBy: (codebook) => usedBy(bindings, w.instrument.id, codebook),
      ...(options.onProgress ? { onProgress: (done: number, total: number) => options.onProgress!(w.input.name, done, total) } : {}),
      ...(options.xlsxLimits ? { xlsxLimits: options.xlsxLimits } : {}),
    });
    w.blocking = blockingProblems(w.read, w.instrument.id, bindings, config.design?.weights !== 'frame');
  }

  const observations: Observation[] = [];
  const breakdownRows: Row<SurveyBreakdownRow>[] = [];
  const revisionRows: Row<SurveyRevisionRow>[] = [];
  const years = [...new Set(selected.map((w) => w.fiscalYear))].sort((a, b) => a - b);
  // Versions are chosen first, so the files' own issues come before the figures' in the report.
  const chosen = years.map((year) => ({ year, ...chooseVersions(selected.filter((w) => w.fiscalYear === year)) }));
  for (const w of selected) issues.push(...fileIssues(w));
  for (const { year, state, steps, rejections } of chosen) {
    issues.push(...rejections);
    // An instrument whose files this year are all unreadable is still in the pool, so its figures are withheld, not silently narrowed.
    const unusable = new Map<string, WaveVersion>();
    for (const w of selected) {
      if (w.fiscalYear !== year || state.has(w.instrument.id) || !w.read) continue;
      unusable.set(w.instrument.id, { ...w, read: { file: w.read.file, sha256: w.read.sha256, format: w.read.format, issues: [] } });
    }
    const frames = await readFrames(
      frameFiles.filter((f) => f.fiscalYear === year),
      config,
      issues,
    );
    const frame = frames.at(-1);
    const estimate = (s: Map<string, WaveVersion>, withFrame = frame, report?: Issue[]) => {
      const pool = [...s.values(), ...unusable.values()].map((v): PooledWave => ({ instrument: v.instrument, wave: v.read! }));
      const settings = designSettings(config, pool, year, withFrame, report);
      return bindings.map((b) => estimateSurveyShares(b, year, pool, settings));
    };
    // A corrected frame file (_v2 …) replaces the earlier one; every published figure it changes is listed.
    for (let k = 1; k < frames.length; k += 1) {
      const changes = diffSurveyEstimates(bindings, estimate(state, frames[k - 1]), estimate(state, frames[k]), frames[k - 1]!.file, frames[k]!.file);
      revisionRows.push(...changes);
      issues.push(
        issue(
          'industry-survey-frame-replaced',
          'info',
          `修正された母集団ファイル ${frames[k]!.file} を ${frames[k - 1]!.file} に代えて${formatFiscalYear(year)}の推計に使います。変わった公表値は ${changes.length} 件です（survey_revisions）`,
          { file: frames[k]!.file },
        ),
      );
    }
    for (const step of steps) {
      const changes = diffSurveyEstimates(bindings, estimate(step.before), estimate(step.after), step.replaced.input.name, step.replacement.input.name);
      revisionRows.push(...changes);
      const headline = changes.filter((c) => c.dimension === 'total');
      issues.push(
        issue(
          'industry-survey-wave-replaced',
          'info',
          `再送された ${step.replacement.input.name} は検証に合格したため、${step.replaced.input.name} に代えて${formatFiscalYear(year)}の値に使います（前の版は受信箱に残し、survey_waves に superseded として載せています）。変わった公表値は ${changes.length} 件です（survey_revisions）`,
          { file: step.replacement.input.name },
        ),
      );
      for (const c of headline) {
        issues.push(
          issue(
            'industry-survey-figure-revised',
            'warning',
            `指標「${c.name_ja}」の${formatFiscalYear(year)}の値が、再送データで ${show(c.old_value, c.old_status)} → ${show(c.new_value, c.new_status)} に変わりました（n ${c.old_n ?? '—'} → ${c.new_n ?? '—'}）`,
            { file: step.replacement.input.name },
            `${show(c.old_value, c.old_status)} → ${show(c.new_value, c.new_status)}`,
          ),
        );
      }
    }
    const finals = estimate(state, frame, issues);
    finals.forEach((e, k) => publish(bindings[k]!, e, state, observations, breakdownRows, issues));
  }

  const waveRows = selected.map(waveRow).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    observations,
    issues,
    tables: {
      survey_breakdowns: breakdownRows as SurveyBreakdownRow[],
      survey_waves: waveRows as SurveyWaveRow[],
      survey_revisions: revisionRows as SurveyRevisionRow[],
    },
    waves: selected,
  };
}

interface FrameFile {
  fiscalYear: number;
  version: number;
  input: InboxFile;
}

function classifyFiles(
  files: readonly InboxFile[],
  config: IndustrySurveyConfig,
  issues: Issue[],
): { waves: WaveVersion[]; codebookFiles: Map<string, InboxFile>; frameFiles: FrameFile[] } {
  const pattern = new RegExp(config.files.pattern, 'u');
  const codebookPattern = config.files.codebookPattern ? new RegExp(config.files.codebookPattern, 'u') : undefined;
  const framePattern = config.files.framePattern ? new RegExp(config.files.framePattern, 'u') : undefined;
  const waves: WaveVersion[] = [];
  const frameFiles: FrameFile[] = [];
  const codebooks = new Map<string, { file: InboxFile; version: number }>();
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = file.name.startsWith(`${INDUSTRY_SURVEY_FAMILY}/`) ? file.name.slice(INDUSTRY_SURVEY_FAMILY.length + 1) : file.name;
    const asFrame = framePattern?.exec(rel);
    if (asFrame?.groups) {
      const fiscalYear = parseFiscalYear(asFrame.groups.year ?? '');
      if (fiscalYear === null) {
        issues.push(
          issue(
            'industry-survey-file-name',
            'warning',
            `母集団ファイルの年度「${asFrame.groups.year}」を読み取れません（R6、令和6年度、2024 などにしてください）。読み込んでいません`,
            { file: file.name },
          ),
        );
      } else if (config.design) {
        frameFiles.push({ fiscalYear, version: asFrame.groups.version ? Number(asFrame.groups.version) : 1, input: file });
      }
      continue;
    }
    const asCodebook = codebookPattern?.exec(rel);
    const match = asCodebook ?? pattern.exec(rel);
    if (!match?.groups) {
      issues.push(
        issue(
          'industry-survey-file-name',
          'warning',
          `ファイル名が設定 files.pattern（${config.files.pattern}）に合わないため、どの年度・調査票か分からず読み込んでいません。名前を付け直してください（例: R6_産業基礎調査_${config.instruments[0]!.fileLabels[0]}.xlsx）`,
          { file: file.name },
        ),
      );
      continue;
    }
    const fiscalYear = parseFiscalYear(match.groups.year ?? '');
    const label = normalizeHeader(match.groups.instrument);
    const instrument = config.instruments.find((i) => i.fileLabels.some((l) => normalizeHeader(l) === label));
    if (fiscalYear === null || !instrument) {
      issues.push(
        issue(
          'industry-survey-file-name',
          'warning',
          fiscalYear === null
            ? `ファイル名の年度「${match.groups.year}」を読み取れません（R6、令和6年度、2024 などにしてください）。読み込んでいません`
            : `ファイル名の調査票「${match.groups.instrument}」が設定 instruments[].fileLabels（${config.instruments.flatMap((i) => i.fileLabels).join('、')}）のどれでもありません。読み込んでいません`,
          { file: file.name },
        ),
      );
      continue;
    }
    const version = match.groups.version ? Number(match.groups.version) : 1;
    if (asCodebook) {
      const key = `${fiscalYear}\u0000${instrument.id}`;
      if ((codebooks.get(key)?.version ?? 0) < version) codebooks.set(key, { file, version });
      continue;
    }
    waves.push({ fiscalYear, instrument, version, input: file, blocking: [] });
  }
  // Two files claiming the same version of the same wave: neither can be trusted to be the one meant.
  for (const w of waves) {
    const twins = waves.filter((o) => o !== w && o.fiscalYear === w.fiscalYear && o.instrument === w.instrument && o.version === w.version);
    if (twins.length > 0) {
      w.status = 'unreadable';
      issues.push(
        issue(
          'industry-survey-duplicate-version',
          'error',
          `${formatFiscalYear(w.fiscalYear)}「${w.instrument.nameJa}」の版 ${w.version} が複数あります（${twins.map((t) => t.input.name).join('、')}）。どれを使うか決められないため、この版は使いません。不要なファイルを消すか、新しい方の名前に _v${w.version + 1} を付けてください`,
          { file: w.input.name },
        ),
      );
    }
  }
  return {
    waves: waves.sort(
      (a, b) => a.fiscalYear - b.fiscalYear || (a.instrument.id < b.instrument.id ? -1 : a.instrument.id > b.instrument.id ? 1 : 0) || a.version - b.version,
    ),
    codebookFiles: new Map([...codebooks].map(([k, v]) => [k, v.file])),
    frameFiles: frameFiles.sort((a, b) => a.fiscalYear - b.fiscalYear || a.version - b.version),
  };
}

/** The year's usable frame files in version order (the last is used); unusable ones are reported and skipped. */
async function readFrames(files: readonly FrameFile[], config: IndustrySurveyConfig, issues: Issue[]): Promise<SurveyFrame[]> {
  const frames: SurveyFrame[] = [];
  for (const f of files) {
    const frame = await readFrameFile(f.input, f.fiscalYear, f.version, config, config.design!);
    issues.push(...frame.issues);
    if (frame.strata) frames.push(frame);
  }
  return frames;
}

/** Estimation settings with the year's design when the config declares one (issues only for the published state). */
function designSettings(
  config: IndustrySurveyConfig,
  pool: readonly PooledWave[],
  year: number,
  frame: SurveyFrame | undefined,
  report?: Issue[],
): EstimationSettings {
  const settings: EstimationSettings = { confidence: config.confidence, breakdowns: config.breakdowns };
  if (!config.design) return settings;
  const limits = config.design.limits;
  if (!frame?.strata) {
    report?.push(
      issue(
        'industry-survey-no-frame',
        'error',
        `${formatFiscalYear(year)}の母集団ファイル（名前は設定 files.framePattern: ${config.files.framePattern}）がないか読めないため、標本設計による推計（加重の公表値）を出せません。母集団ファイルを受信箱に置いてください`,
        {},
      ),
    );
    return { ...settings, design: { design: null, reasonJa: `${formatFiscalYear(year)}の母集団ファイルがありません`, limits } };
  }
  const calibration = config.waves.find((w) => w.fiscalYear === year)?.calibration;
  const built = buildSurveyDesign(pool, { file: frame.file, strata: frame.strata }, config.design, config.breakdowns?.dimensions ?? [], calibration);
  report?.push(...built.issues);
  return { ...settings, design: { design: built.design, reasonJa: `母集団ファイル ${frame.file} と回答の層が合いません`, limits } };
}

function usedBy(bindings: readonly SurveyBinding[], instrument: string, codebook: Codebook): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const b of bindings) {
    const reference = referenceIn(b, instrument);
    const q = reference === undefined ? undefined : findQuestion(codebook, reference);
    if (q) map.set(q.id, [...(map.get(q.id) ?? []), b.nameJa]);
  }
  return map;
}

/** What in a version would change or withhold a published figure: a re-send with any of these is not adopted. */
function blockingProblems(read: WaveFile, instrument: string, bindings: readonly SurveyBinding[], needsWeights: boolean): string[] {
  if (!read.data || !read.codebook) return ['ファイルを読み込めません'];
  const problems: string[] = [];
  for (const b of bindings) {
    const reference = referenceIn(b, instrument);
    if (reference === undefined) continue;
    const q = findQuestion(read.codebook, reference);
    if (!q) continue;
    const touched = read.data.touched.get(q.id);
    if (touched && touched.size > 0) problems.push(`設問 ${q.id}（${b.nameJa}）: ${[...touched].map(([code, n]) => `${code} ${n}件`).join('、')}`);
    if (needsWeights && b.estimate === 'weighted' && (read.data.weights === null || read.data.badWeights > 0))
      problems.push(`ウェイト（${b.nameJa} は加重推計）`);
  }
  return [...new Set(problems)];
}

interface Step {
  replaced: WaveVersion;
  replacement: WaveVersion;
  before: Map<string, WaveVersion>;
  after: Map<string, WaveVersion>;
}

/** Decides each version's status for one fiscal year; returns the final state and the replacements in order. */
function chooseVersions(versions: readonly WaveVersion[]): { state: Map<string, WaveVersion>; steps: Step[]; rejections: Issue[] } {
  const state = new Map<string, WaveVersion>();
  const steps: Step[] = [];
  const rejections: Issue[] = [];
  const ordered = [...versions].sort((a, b) => a.version - b.version || (a.instrument.id < b.instrument.id ? -1 : 1));
  for (const v of ordered) {
    if (v.status === 'unreadable') continue;
    if (!v.read?.data || !v.read.codebook) {
      v.status = 'unreadable';
      continue;
    }
    const current = state.get(v.instrument.id);
    if (!current) {
      v.status = 'active';
      state.set(v.instrument.id, v);
      continue;
    }
    if (v.blocking.length > 0) {
      v.status = 'rejected';
      rejections.push(
        issue(
          'industry-survey-resend-rejected',
          'error',
          `再送された ${v.input.name} には公表値に関わる問題があるため採用しません（${v.blocking.join('；')}）。${formatFiscalYear(v.fiscalYear)}「${v.instrument.nameJa}」は引き続き ${current.input.name} を使います。問題を直した版を、版を上げた名前（_v${v.version + 1}）で置いてください`,
          { file: v.input.name },
        ),
      );
      continue;
    }
    const before = new Map(state);
    state.set(v.instrument.id, v);
    current.status = 'superseded';
    v.status = 'active';
    steps.push({ replaced: current, replacement: v, before, after: new Map(state) });
  }
  return { state, steps, rejections };
}

function publish(
  binding: SurveyBinding,
  e: MeasureEstimate,
  state: Map<string, WaveVersion>,
  observations: Observation[],
  rows: Row<SurveyBreakdownRow>[],
  issues: Issue[],
): void {
  const label = formatFiscalYear(e.fiscalYear);
  if (e.status === 'notAsked') {
    issues.push(
      issue(
        'industry-survey-question-not-asked',
        'info',
        `指標「${binding.nameJa}」の設問は${label}の調査票（コードブック）にないため、${label}の値はありません`,
        {},
      ),
    );
    return;
  }
  const firstFile = e.sources[0]?.file ?? [...state.values()][0]?.input.name;
  if (e.status === 'withheld') {
    issues.push(
      issue(
        'industry-survey-estimate-withheld',
        'error',
        `指標「${binding.nameJa}」の${label}の値は出しません: ${e.reasonsJa.join('；')}。ファイルを直し、版を上げた名前（_v2 など）で受信箱に置いてください`,
        { file: firstFile },
      ),
    );
    return;
  }
  const sources = e.sources.map((s) => `${s.instrument}:${s.question}@${s.file}`).join('; ');
  const total = e.total.estimate;
  const weighted = binding.estimate === 'weighted';
  const value = weighted ? total.weightedShare : total.share;
  if (value === null) {
    issues.push(
      issue('industry-survey-no-respondents', 'warning', `指標「${binding.nameJa}」の${label}は分母になる回答者が0人のため、値を出しません`, {
        file: firstFile,
      }),
    );
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

/** A file's own issues; those of a version replaced by a re-send are summed up in one line. */
function fileIssues(w: WaveVersion): Issue[] {
  const own = w.read?.issues ?? [];
  if (w.status !== 'superseded' || own.length === 0) return own;
  return [
    issue(
      'industry-survey-superseded-issues',
      'info',
      `${w.input.name} は再送された版に置き換えたため、この版で見つかった問題 ${own.length} 件は表示していません（ファイルは残してあります）`,
      { file: w.input.name },
    ),
  ];
}

function waveRow(w: WaveVersion): Row<SurveyWaveRow> {
  const data = w.read?.data;
  const counts = countBySeverity(w.read?.issues ?? []);
  let first: number | null = null;
  let last: number | null = null;
  for (const d of data?.responseDays ?? []) {
    if (d === -2147483648) continue;
    if (first === null || d < first) first = d;
    if (last === null || d > last) last = d;
  }
  return {
    fiscal_year: w.fiscalYear,
    fiscal_year_label: formatFiscalYear(w.fiscalYear),
    instrument: w.instrument.id,
    instrument_name_ja: w.instrument.nameJa,
    file: w.input.name,
    version: w.version,
    sha256: w.input.sha256,
    format: w.read?.format === 'csv' ? `csv-${w.read.encoding ?? 'unknown'}` : 'xlsx',
    codebook: w.read?.codebook?.sourceJa ?? null,
    status: w.status ?? 'unreadable',
    data_rows: data?.stats.dataRows ?? null,
    respondents: data?.count ?? null,
    empty_rows: data?.stats.emptyRows ?? null,
    duplicate_rows: data?.stats.duplicateRows ?? null,
    errors: counts.error,
    warnings: counts.warning,
    weighted: data !== undefined && data.weights !== null && data.badWeights === 0,
    first_response_date: first === null ? null : formatDay(first),
    last_response_date: last === null ? null : formatDay(last),
  };
}

function show(value: number | null, status: string): string {
  return value === null ? (status === 'withheld' ? '不公表' : status === 'suppressed' ? '秘匿' : '—') : String(value);
}
