// The survey-based measures of one fiscal year: for each, the share of respondents choosing a counted answer among
// those in the denominator (the measure's rule), pooled over the instruments that ask the question, with n, the
// numerator, Wilson intervals, the weighted estimate when every pooled file carries sound weights, and the same by
// breakdown group. An estimate whose question has unusable cells in any pooled file is withheld, with the reasons.
import { designInterval, designMoments, designStatistics, type DesignMoments, type EmptyDomain } from './design-share.ts';
import { calibratedMoments } from './calibrated-share.ts';
import { shareFromTotals, type ShareEstimate } from './survey-share.ts';
import type { StratifiedDesign } from './survey-design.ts';
import { respondentGroups } from './respondent-groups.ts';
import { accumulate, accumulateStrata, multiStanding, singleStanding, StratumAccumulators, type Accumulators } from './survey-share-sums.ts';
import { suppressSmallCells, type Suppression } from './suppress-small-cells.ts';
import type { Instrument, IndustrySurveyConfig } from '../sources/industry-survey/industry-survey-config.ts';
import type { WaveFile } from '../sources/industry-survey/read-wave-file.ts';
import { countedCodes, findQuestion, referenceIn } from '../lib/find-survey-question.ts';
import type { SurveyBinding } from '../sources/industry-survey/resolve-survey-bindings.ts';
import type { QuestionData, WaveData } from '../sources/industry-survey/wave-data.ts';
import type { Codebook, CodebookQuestion } from '../sources/industry-survey/codebook.ts';

export interface PooledWave {
  instrument: Instrument;
  /** The active file of the instrument for the year (its data is undefined when it could not be read). */
  wave: WaveFile;
}

export interface ShareCell {
  /** 'total', or a breakdown dimension id. */
  dimension: string;
  dimensionJa: string;
  groupCode: string;
  groupLabelJa: string;
  estimate: ShareEstimate;
  /** Standard error of the unweighted share, percentage points. */
  se: number | null;
  /** How the weighted_* figures were made: design-based (raked when the wave is calibrated), Kish (weights only), or none. */
  weightedMethod: 'design' | 'design-raked' | 'design-calibrated' | 'kish' | null;
  /** Design effect and Korn–Graubard degrees of freedom (design-based only). */
  deff: number | null;
  df: number | null;
  /** A design limit the cell passes (effective n below, or relative SE above, the configured one). */
  designFlag: 'effective-n' | 'relative-se' | null;
  suppression: Suppression;
}

export interface SourceUse {
  instrument: string;
  question: string;
  file: string;
  sha256: string;
  /** Data rows of the file, as the user sees them (e.g. 2-736). */
  rows: string;
  /** The counted answers with their labels (1 黒字・2 収支均衡). */
  counted: string;
}

export type MeasureEstimate =
  | { measureId: string; fiscalYear: number; status: 'estimated'; total: ShareCell; groups: ShareCell[]; sources: SourceUse[] }
  | { measureId: string; fiscalYear: number; status: 'withheld'; reasonsJa: string[]; sources: SourceUse[] }
  | { measureId: string; fiscalYear: number; status: 'notAsked' };

export interface EstimationSettings {
  confidence: number;
  /** false: no design-based intervals (a revision comparison reads only values, n and status). */
  intervals?: boolean;
  breakdowns: IndustrySurveyConfig['breakdowns'];
  /** The year's stratified design; null when one is declared but cannot be used (withheld weighted figures). */
  design?: {
    design: StratifiedDesign | null;
    reasonJa?: string;
    limits: { minEffectiveN?: number | undefined; maxRelativeSe?: number | undefined; action: 'flag' | 'withhold' };
  };
}

export const UNKNOWN_GROUP = { code: 'unknown', labelJa: '不明・無回答' } as const;

export function estimateSurveyShares(binding: SurveyBinding, fiscalYear: number, pool: readonly PooledWave[], settings: EstimationSettings): MeasureEstimate {
  const reasons: string[] = [];
  const used: { pooled: PooledWave; data: WaveData; q: QuestionData; countedLut: Uint8Array; countedWords: Uint8Array[]; countedMasks: number[] }[] = [];
  const sources: SourceUse[] = [];
  const asked = binding.questions.size === 0 ? pool.map((p) => p.instrument.id) : [...binding.questions.keys()];
  let askedSomewhere = false;
  const missing: string[] = [];
  const absentIn: string[] = [];
  for (const instrumentId of asked) {
    const pooled = pool.find((p) => p.instrument.id === instrumentId);
    const reference = referenceIn(binding, instrumentId)!;
    if (!pooled) {
      missing.push(instrumentId);
      continue;
    }
    const name = pooled.instrument.nameJa;
    const codebook = pooled.wave.codebook;
    const question = codebook ? questionOf(codebook, reference) : undefined;
    if (codebook && !question) {
      if (binding.questions.size > 0) absentIn.push(`「${name}」のコードブックに設問「${reference}」がありません`);
      continue;
    }
    askedSomewhere = true;
    const data = pooled.wave.data;
    if (!question || !data) {
      reasons.push(`「${name}」のファイル ${pooled.wave.file} を使えません（このファイルの問題を参照）`);
      continue;
    }
    const { codes, unknown } = countedCodes(question, binding.counted);
    const counted = question.answers
      .filter((a) => codes.has(a.code))
      .map((a) => `${a.code} ${a.labelJa}`)
      .join('・');
    sources.push({ instrument: instrumentId, question: question.id, file: pooled.wave.file, sha256: pooled.wave.sha256, rows: rowsOf(data), counted });
    if (unknown.length > 0) {
      reasons.push(
        `数える回答「${unknown.join('」「')}」が「${name}」の設問 ${question.id} の選択肢にありません（measures.yaml の countedAnswers を確かめてください）`,
      );
      continue;
    }
    if (question.type !== 'single' && question.type !== 'multi') {
      reasons.push(`「${name}」の設問 ${question.id} は選択式ではないため割合を出せません`);
      continue;
    }
    const touched = data.touched.get(question.id);
    if (touched && touched.size > 0) {
      reasons.push(`${pooled.wave.file} の設問 ${question.id} に使えない回答があります（${[...touched].map(([code, n]) => `${code} ${n}件`).join('、')}）`);
      continue;
    }
    const q = data.questions.get(question.id);
    if (!q) {
      reasons.push(`${pooled.wave.file} に設問 ${question.id} の列がありません`);
      continue;
    }
    used.push({ pooled, data, q, ...countedLookup(q, codes) });
  }
  if (!askedSomewhere && reasons.length === 0) return { measureId: binding.measureId, fiscalYear, status: 'notAsked' };
  // Asked of some instruments but not of others: the pooled share would silently cover fewer businesses.
  reasons.push(...absentIn);
  if (askedSomewhere && missing.length > 0) {
    reasons.push(`調査票「${missing.join('」「')}」の${fiscalYear}年度のファイルがありません（他の調査票だけでは対象が変わってしまうため出しません）`);
  }
  const design = settings.design?.design ?? null;
  const weighted =
    design !== null || (settings.design === undefined && used.length > 0 && used.every((u) => u.data.weights !== null && u.data.badWeights === 0));
  if (binding.estimate === 'weighted' && !weighted && reasons.length === 0) {
    reasons.push(
      settings.design
        ? `標本設計による推計を出せません（${settings.design.reasonJa ?? '母集団ファイルの問題を参照'}）`
        : '加重推計を公表する指標ですが、ウェイトの列がないか、空欄・正の数でないウェイトがあります',
    );
  }
  if (reasons.length > 0) return { measureId: binding.measureId, fiscalYear, status: 'withheld', reasonsJa: reasons, sources };

  const dimensions = settings.breakdowns?.dimensions ?? [];
  // Cells: [0] is the total, then each dimension's groups followed by its unknown group.
  const offsets: number[] = [];
  let cells = 1;
  for (const d of dimensions) {
    offsets.push(cells);
    cells += d.groups.length + 1;
  }
  // Respondents are summed once into their joint group (industry × size …); totals and each dimension's
  // groups are then sums of joint cells, so a large wave is walked once per measure, not once per dimension.
  const strides: number[] = [];
  let jointCells = 1;
  for (const d of dimensions) {
    strides.push(jointCells);
    jointCells *= d.groups.length + 1;
  }
  const n = new Float64Array(jointCells);
  const numerator = new Float64Array(jointCells);
  const wSum = new Float64Array(jointCells);
  const wCounted = new Float64Array(jointCells);
  const wSquared = new Float64Array(jointCells);
  const acc: Accumulators = { n, numerator, wSum, wCounted, wSquared };
  // Design-based: the same sums per stratum × joint group, and Σw²y for the linearised variance.
  const strataCount = design?.strata.length ?? 0;
  const byStratum = design ? new StratumAccumulators(strataCount * jointCells) : null;
  const denominatorRule = binding.denominator === 'all' ? 2 : binding.denominator === 'applicable' ? 1 : 0;
  // A raked design's variance needs each respondent (margin residuals cross strata): member, y and joint group.
  const raking = design?.calibrated ?? null;
  const perRespondent = raking
    ? { member: new Uint8Array(raking.weights.length), y: new Uint8Array(raking.weights.length), joint: new Int32Array(raking.weights.length), offset: 0 }
    : null;
  // Two passes per wave: each respondent's standing in the measure (not in the denominator, counted or not), then the
  // sums. Every floating-point sum still adds the respondents of a cell in file order, wave after wave.
  for (const u of used) {
    const joint = jointGroups(u.pooled, u.data, dimensions, strides);
    const y = u.q.codes
      ? singleStanding(u.data.count, u.q.role, u.q.codes, u.countedLut, denominatorRule)
      : multiStanding(u.data.count, u.q.role, u.countedWords, u.countedMasks, denominatorRule);
    if (design && byStratum && !raking) {
      const weights = design.weightsOf.get(u.data)!;
      accumulateStrata(byStratum, y, design.stratumOf.get(u.data)!, joint, jointCells, weights);
      continue;
    }
    const weights = design ? design.weightsOf.get(u.data)! : weighted ? u.data.weights! : null;
    if (perRespondent && raking) perRespondent.offset = raking.offsetOf.get(u.data)!;
    const stratified = design && byStratum ? { acc: byStratum, stratumOf: design.stratumOf.get(u.data)!, jointCells, perRespondent } : null;
    accumulate(acc, y, joint, weights, stratified);
  }
  // A stratified design sums per stratum × joint group only: the joint groups' counts are their strata's (exact integers).
  if (design && byStratum && !raking) byStratum.countsByJointGroup(n, numerator, jointCells);
  const sum = (values: Float64Array, cell: number): number => {
    if (cell === 0) return values.reduce((a, b) => a + b, 0);
    let d = offsets.length - 1;
    while (offsets[d]! > cell) d -= 1;
    const group = cell - offsets[d]!;
    let total = 0;
    for (let j = 0; j < jointCells; j += 1) if (Math.floor(j / strides[d]!) % (dimensions[d]!.groups.length + 1) === group) total += values[j]!;
    return total;
  };
  const inCell = (index: number): ((j: number) => boolean) => {
    if (index === 0) return () => true;
    let d = offsets.length - 1;
    while (offsets[d]! > index) d -= 1;
    const group = index - offsets[d]!;
    return (j) => Math.floor(j / strides[d]!) % (dimensions[d]!.groups.length + 1) === group;
  };
  const limits = settings.design?.limits;
  const pendingIntervals = new Map<ShareEstimate, DesignMoments>();
  const cell = (index: number): Omit<ShareCell, 'dimension' | 'dimensionJa' | 'groupCode' | 'groupLabelJa' | 'suppression'> => {
    const cellN = sum(n, index);
    const estimate = shareFromTotals(
      {
        n: cellN,
        numerator: sum(numerator, index),
        weights: weighted && !design && cellN > 0 ? { sum: sum(wSum, index), countedSum: sum(wCounted, index), squaredSum: sum(wSquared, index) } : null,
      },
      { confidence: settings.confidence },
    );
    const p = estimate.share === null ? null : estimate.share / 100;
    const se = p === null ? null : Math.sqrt((p * (1 - p)) / estimate.n) * 100;
    if (!design || !byStratum) return { estimate, se, weightedMethod: estimate.weightedShare === null ? null : 'kish', deff: null, df: null, designFlag: null };
    const member = inCell(index);
    const js: number[] = [];
    for (let j = 0; j < jointCells; j += 1) if (member(j)) js.push(j);
    let moments: DesignMoments | EmptyDomain;
    if (raking && perRespondent) {
      const inDomain = new Uint8Array(perRespondent.member.length);
      for (let i = 0; i < inDomain.length; i += 1) if (perRespondent.member[i] === 1 && member(perRespondent.joint[i]!)) inDomain[i] = 1;
      moments = calibratedMoments(raking, inDomain, perRespondent.y);
    } else {
      moments = designMoments(design.strata.map((s, h) => byStratum.totals(h, jointCells, js, s.population, s.sampled)));
    }
    // The interval waits until suppression is known: a suppressed cell never shows it (see withIntervals).
    const d = designStatistics(moments, settings.confidence, false);
    const designed: ShareEstimate = {
      ...estimate,
      weightedShare: d.share,
      weightedSe: d.se,
      weightedCiLow: d.ciLow,
      weightedCiHigh: d.ciHigh,
      effectiveN: d.effectiveN,
    };
    if (moments.p !== null) pendingIntervals.set(designed, moments);
    let designFlag: ShareCell['designFlag'] = null;
    if (d.share !== null && limits?.minEffectiveN !== undefined && d.effectiveN !== null && d.effectiveN < limits.minEffectiveN) designFlag = 'effective-n';
    else if (d.share !== null && d.share > 0 && d.se !== null && limits?.maxRelativeSe !== undefined && d.se / d.share > limits.maxRelativeSe)
      designFlag = 'relative-se';
    return {
      estimate: designed,
      se,
      weightedMethod: d.share === null ? null : raking ? (raking.method === 'rake' ? 'design-raked' : 'design-calibrated') : 'design',
      deff: d.deff,
      df: d.share === null ? null : d.df,
      designFlag,
    };
  };
  const total: ShareCell = { dimension: 'total', dimensionJa: '全体', groupCode: 'all', groupLabelJa: '全体', ...cell(0), suppression: null };
  const groups: ShareCell[] = [];
  dimensions.forEach((d, k) => {
    const list = [...d.groups, UNKNOWN_GROUP].map((g, j) => ({
      dimension: d.id,
      dimensionJa: d.nameJa,
      groupCode: g.code,
      groupLabelJa: g.labelJa,
      ...cell(offsets[k]! + j),
    }));
    const byDesign =
      limits?.action === 'withhold'
        ? list.map((c) => (c.designFlag === null ? null : c.designFlag === 'effective-n' ? 'design-effective-n' : 'design-relative-se'))
        : [];
    const suppression = suppressSmallCells(
      list.map((c) => c.estimate.n),
      settings.breakdowns!.minN,
      byDesign,
    );
    list.forEach((c, j) => groups.push({ ...c, suppression: suppression[j]! }));
  });
  if (settings.intervals !== false) withIntervals([total, ...groups], pendingIntervals, settings.confidence);
  return { measureId: binding.measureId, fiscalYear, status: 'estimated', total, groups, sources };
}

/** The Korn–Graubard bounds of the cells that are shown (the total and every group not suppressed). */
function withIntervals(cells: readonly ShareCell[], pending: ReadonlyMap<ShareEstimate, DesignMoments>, confidence: number): void {
  for (const c of cells) {
    const moments = c.suppression === null ? pending.get(c.estimate) : undefined;
    if (!moments) continue;
    const { ciLow, ciHigh } = designInterval(moments, confidence);
    c.estimate.weightedCiLow = ciLow;
    c.estimate.weightedCiHigh = ciHigh;
  }
}

/** Counted codes as a lookup table (single choice) or the counted options' bits, one mask per byte column (multi-select). */
function countedLookup(q: QuestionData, codes: Set<number>): { countedLut: Uint8Array; countedWords: Uint8Array[]; countedMasks: number[] } {
  const max = Math.max(0, ...codes);
  const countedLut = new Uint8Array(max < 1 << 20 ? max + 1 : 0);
  for (const c of codes) if (c >= 0 && c < countedLut.length) countedLut[c] = 1;
  const masks = new Map<number, number>();
  for (const code of q.chosen ? codes : []) {
    const bit = q.chosen!.bitOf.get(code);
    if (bit) masks.set(bit.word, (masks.get(bit.word) ?? 0) | bit.mask);
  }
  return { countedLut, countedWords: [...masks.keys()].map((w) => q.chosen!.words[w]!), countedMasks: [...masks.values()] };
}

const questionCache = new WeakMap<Codebook, Map<string, CodebookQuestion | undefined>>();

/** findQuestion once per codebook and reference: every measure of a year looks its question up in the same codebooks. */
function questionOf(codebook: Codebook, reference: string): CodebookQuestion | undefined {
  let byReference = questionCache.get(codebook);
  if (!byReference) questionCache.set(codebook, (byReference = new Map()));
  if (!byReference.has(reference)) byReference.set(reference, findQuestion(codebook, reference));
  return byReference.get(reference);
}

const jointCache = new WeakMap<WaveData, Map<string, Int32Array>>();

/** Each respondent's joint group: Σ group index × stride over the dimensions (the unknown group is each dimension's last). */
function jointGroups(
  pooled: PooledWave,
  data: WaveData,
  dimensions: readonly { id: string; groups: { code: string }[] }[],
  strides: readonly number[],
): Int32Array {
  let cache = jointCache.get(data);
  if (!cache) jointCache.set(data, (cache = new Map()));
  const key = dimensions.map((d) => `${d.id}:${d.groups.length}`).join('|');
  const cached = cache.get(key);
  if (cached) return cached;
  const joint = new Int32Array(data.count);
  dimensions.forEach((d, k) => {
    const index = respondentGroups(pooled, data, d);
    const stride = strides[k]!;
    for (let i = 0; i < data.count; i += 1) joint[i]! += index[i]! * stride;
  });
  cache.set(key, joint);
  return joint;
}

const rowsCache = new WeakMap<WaveData, string>();

function rowsOf(data: WaveData): string {
  const cached = rowsCache.get(data);
  if (cached !== undefined) return cached;
  const rows = rowRange(data);
  rowsCache.set(data, rows);
  return rows;
}

function rowRange(data: WaveData): string {
  if (data.count === 0) return '';
  const { min, max } = data.rowNumbers;
  return min === max ? String(min) : `${min}-${max}`;
}
