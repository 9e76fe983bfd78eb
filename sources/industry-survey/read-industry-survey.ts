// The industry survey (産業基礎調査) source: every respondent file in inbox/industry-survey/, grouped into waves by
// fiscal year and instrument, each version read and checked against its codebook, and each year's frame files.
// Per year and instrument the first readable version is used, and a re-sent version (higher _vN) replaces it only
// when nothing in it touches a published figure; the earlier version stays in the inbox. This reads and decides
// only: the estimates, and what each replacement changes in them, are transforms/estimate-industry-survey.ts.
import type { Measure } from '../../config/catalog-schema.ts';
import { formatFiscalYear, parseFiscalYear } from '../../lib/fiscal-year.ts';
import { issueOf } from '../../lib/issue-catalog.ts';
import type { Issue } from '../../lib/issues.ts';
import type { InboxFile } from '../inbox-file.ts';
import type { Codebook } from './codebook.ts';
import type { IndustrySurveyConfig, Instrument } from './industry-survey-config.ts';
import { INDUSTRY_SURVEY_FAMILY } from './industry-survey-family-id.ts';
import { normalizeHeader } from '../../lib/normalize-header.ts';
import { readFrameFile, type SurveyFrame } from './read-frame-file.ts';
import { readWaveFile, type WaveFile } from './read-wave-file.ts';
import { findQuestion, referenceIn } from '../../lib/find-survey-question.ts';
import { resolveSurveyBindings, type SurveyBinding } from './resolve-survey-bindings.ts';

import type { XlsxLimits } from '../xlsx/xlsx-limits.ts';

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

/** A re-sent version that replaced the one in use: the versions in use before and after it, by instrument. */
export interface WaveReplacement {
  replaced: WaveVersion;
  replacement: WaveVersion;
  before: Map<string, WaveVersion>;
  after: Map<string, WaveVersion>;
}

/** One fiscal year as read: the version in use per instrument, the replacements that led there, and the frame files. */
export interface SurveyYear {
  fiscalYear: number;
  /** Instrument id → the version in use. */
  state: Map<string, WaveVersion>;
  steps: WaveReplacement[];
  /** Instruments whose files this year are all unreadable (no data): still pooled, so their figures are withheld. */
  unusable: Map<string, WaveVersion>;
  /** The year's usable frame files in version order (the last is used). */
  frames: SurveyFrame[];
  /** Rejected re-sends and the frame files' problems, reported before the year's figures. */
  issues: Issue[];
}

/** What the survey reader hands on: the measures' bindings, every wave version read, the years, and the issues of reading. */
export interface IndustrySurveyReading {
  bindings: SurveyBinding[];
  waves: WaveVersion[];
  years: SurveyYear[];
  /** Binding, file-name and per-file issues (each year's own are in years[].issues). */
  issues: Issue[];
}

export async function readIndustrySurvey(
  files: readonly InboxFile[],
  measures: Iterable<Measure>,
  config: IndustrySurveyConfig,
  options: IndustrySurveyOptions = {},
): Promise<IndustrySurveyReading> {
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

  const fiscalYears = [...new Set(selected.map((w) => w.fiscalYear))].sort((a, b) => a - b);
  // Versions are chosen first, so the files' own issues come before the figures' in the report.
  const chosen = fiscalYears.map((year) => ({ year, ...chooseVersions(selected.filter((w) => w.fiscalYear === year)) }));
  for (const w of selected) issues.push(...fileIssues(w));
  const years: SurveyYear[] = [];
  for (const { year, state, steps, rejections } of chosen) {
    // An instrument whose files this year are all unreadable is still in the pool, so its figures are withheld, not silently narrowed.
    const unusable = new Map<string, WaveVersion>();
    for (const w of selected) {
      if (w.fiscalYear !== year || state.has(w.instrument.id) || !w.read) continue;
      unusable.set(w.instrument.id, { ...w, read: { file: w.read.file, sha256: w.read.sha256, format: w.read.format, issues: [] } });
    }
    const yearIssues = [...rejections];
    const frames = await readFrames(
      frameFiles.filter((f) => f.fiscalYear === year),
      config,
      yearIssues,
    );
    years.push({ fiscalYear: year, state, steps, unusable, frames, issues: yearIssues });
  }
  return { bindings, waves: selected, years, issues };
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
        issues.push(issueOf('industry-survey-file-name', { variant: 'frameYear', year: String(asFrame.groups.year) }, { file: file.name }));
      } else if (config.design) {
        frameFiles.push({ fiscalYear, version: asFrame.groups.version ? Number(asFrame.groups.version) : 1, input: file });
      }
      continue;
    }
    const asCodebook = codebookPattern?.exec(rel);
    const match = asCodebook ?? pattern.exec(rel);
    if (!match?.groups) {
      issues.push(
        issueOf(
          'industry-survey-file-name',
          { variant: 'pattern', pattern: config.files.pattern, example: String(config.instruments[0]!.fileLabels[0]) },
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
        fiscalYear === null
          ? issueOf('industry-survey-file-name', { variant: 'year', year: String(match.groups.year) }, { file: file.name })
          : issueOf(
              'industry-survey-file-name',
              { variant: 'instrument', instrument: String(match.groups.instrument), labels: config.instruments.flatMap((i) => i.fileLabels).join('、') },
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
        issueOf(
          'industry-survey-duplicate-version',
          {
            fiscalYear: formatFiscalYear(w.fiscalYear),
            instrument: w.instrument.nameJa,
            version: w.version,
            files: twins.map((t) => t.input.name).join('、'),
            nextVersion: w.version + 1,
          },
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
    if (needsWeights && b.estimate === 'weighted' && (!read.data.hasWeights || read.data.badWeights > 0)) problems.push(`ウェイト（${b.nameJa} は加重推計）`);
  }
  return [...new Set(problems)];
}

/** Decides each version's status for one fiscal year; returns the final state and the replacements in order. */
function chooseVersions(versions: readonly WaveVersion[]): { state: Map<string, WaveVersion>; steps: WaveReplacement[]; rejections: Issue[] } {
  const state = new Map<string, WaveVersion>();
  const steps: WaveReplacement[] = [];
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
        issueOf(
          'industry-survey-resend-rejected',
          {
            file: v.input.name,
            problems: v.blocking.join('；'),
            fiscalYear: formatFiscalYear(v.fiscalYear),
            instrument: v.instrument.nameJa,
            current: current.input.name,
            nextVersion: v.version + 1,
          },
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

/** A file's own issues; those of a version replaced by a re-send are summed up in one line. */
function fileIssues(w: WaveVersion): Issue[] {
  const own = w.read?.issues ?? [];
  if (w.status !== 'superseded' || own.length === 0) return own;
  return [issueOf('industry-survey-superseded-issues', { file: w.input.name, count: own.length }, { file: w.input.name })];
}
