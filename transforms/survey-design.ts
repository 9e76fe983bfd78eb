// A year's stratified design from its frame and the respondents of the pooled waves: each respondent's stratum
// (instrument × the groups of the strata dimensions), n_h, and the weights (N_h ÷ n_h after non-response, or the
// file's). A respondent outside the frame, n_h > N_h, or a lone respondent in a stratum of several establishments
// (no variance estimate: R's survey.lonely.psu = "fail") makes the design unusable; the reasons are issues.
import { issueOf } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import type { SurveyDesign } from '../sources/industry-survey/industry-survey-config.ts';
import type { FrameStratum } from '../sources/industry-survey/read-frame-file.ts';
import type { WaveData } from '../sources/industry-survey/wave-data.ts';
import type { PooledWave } from './estimate-survey-shares.ts';
import { calibrateWeights } from './calibrate-weights.ts';
import type { CalibratedDesign } from './calibrated-share.ts';
import { rakeWeights, type RakeMargin } from './rake-weights.ts';
import { respondentGroups } from './respondent-groups.ts';

export interface Stratum {
  instrument: string;
  groups: string[];
  labelJa: string;
  population: number;
  /** n_h: respondents of the pooled waves in the stratum. */
  sampled: number;
}

export interface StratifiedDesign {
  strata: Stratum[];
  /** Per wave: each respondent's stratum index. */
  stratumOf: WeakMap<WaveData, Int32Array>;
  weightsOf: WeakMap<WaveData, Float64Array>;
  /** The frame file (for provenance and revision rows). */
  frameFile: string;
  /** The calibrated design when the wave is calibrated (respondents in pool order; offsetOf gives each wave's first). */
  calibrated: (CalibratedDesign & { method: 'rake' | 'linear'; offsetOf: WeakMap<WaveData, number> }) | null;
}

/** Calibration of a wave: rake (R's rake) or linear (R's calibrate, GREG) to margins: dimension → group code → population. */
export interface Calibration {
  method: 'rake' | 'linear';
  margins: Record<string, Record<string, number>>;
}

type Dimension = { id: string; nameJa: string; groups: { code: string; labelJa: string }[] };

export function buildSurveyDesign(
  pool: readonly PooledWave[],
  frame: { file: string; strata: readonly FrameStratum[] },
  design: SurveyDesign,
  dimensions: readonly Dimension[],
  calibration?: Calibration,
): { design: StratifiedDesign | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const dims = design.strata.map((id) => dimensions.find((d) => d.id === id)!);
  const labelOf = (instrument: string, groups: readonly string[]): string =>
    [
      pool.find((p) => p.instrument.id === instrument)?.instrument.nameJa ?? instrument,
      ...groups.map((g, k) => dims[k]!.groups.find((x) => x.code === g)?.labelJa ?? g),
    ].join('・');
  const index = new Map<string, number>();
  const strata: Stratum[] = frame.strata.map((s, i) => {
    index.set([s.instrument, ...s.groups].join('\u0000'), i);
    return { instrument: s.instrument, groups: s.groups, labelJa: labelOf(s.instrument, s.groups), population: s.population, sampled: 0 };
  });
  const stratumOf = new WeakMap<WaveData, Int32Array>();
  const weightsOf = new WeakMap<WaveData, Float64Array>();
  let usable = true;
  for (const p of pool) {
    const data = p.wave.data;
    if (!data) continue;
    const groups = dims.map((d) => respondentGroups(p, data, d));
    const of = new Int32Array(data.count).fill(-1);
    const outside = new Map<string, { count: number; rows: number[] }>();
    // A respondent's stratum depends only on its groups: looked up once per combination of group indexes.
    const sizes = dims.map((d) => d.groups.length + 1);
    const byCombination = new Map<number, number | undefined>();
    const codesOf = (i: number) => dims.map((d, k) => d.groups[groups[k]![i]!]?.code ?? '');
    for (let i = 0; i < data.count; i += 1) {
      let combination = 0;
      for (let k = 0; k < dims.length; k += 1) combination = combination * sizes[k]! + groups[k]![i]!;
      let at = byCombination.get(combination);
      if (at === undefined && !byCombination.has(combination)) {
        const codes = codesOf(i);
        at = codes.includes('') ? undefined : index.get([p.instrument.id, ...codes].join('\u0000'));
        byCombination.set(combination, at);
      }
      if (at === undefined) {
        const key = codesOf(i)
          .map((c, k) => c || `${dims[k]!.nameJa}不明`)
          .join('・');
        const o = outside.get(key) ?? { count: 0, rows: [] };
        o.count += 1;
        if (o.rows.length < 5) o.rows.push(data.rowNumbers.at(i));
        outside.set(key, o);
        continue;
      }
      of[i] = at;
      strata[at]!.sampled += 1;
    }
    for (const [key, o] of outside) {
      usable = false;
      issues.push(
        issueOf(
          'industry-survey-stratum-not-in-frame',
          {
            instrument: p.instrument.nameJa,
            count: o.count,
            rows: o.rows.join('・'),
            more: o.count > o.rows.length ? ' など' : '',
            stratum: key,
            frame: frame.file,
            dimensions: dims.map((d) => d.nameJa).join('・'),
          },
          { file: p.wave.file },
          key,
        ),
      );
    }
    stratumOf.set(data, of);
  }
  for (const s of strata) {
    if (s.sampled > s.population) {
      usable = false;
      issues.push(
        issueOf(
          'industry-survey-stratum-over-frame',
          { stratum: s.labelJa, sampled: s.sampled, population: s.population, frame: frame.file },
          { file: frame.file },
          `${s.sampled} > ${s.population}`,
        ),
      );
    } else if (s.sampled === 1 && s.population > 1) {
      usable = false;
      issues.push(issueOf('industry-survey-lonely-stratum', { stratum: s.labelJa, population: s.population, frame: frame.file }, { file: frame.file }));
    } else if (s.sampled === 0) {
      issues.push(issueOf('industry-survey-stratum-no-respondents', { stratum: s.labelJa, population: s.population }, { file: frame.file }));
    }
  }
  for (const p of pool) {
    const data = p.wave.data;
    if (!data) continue;
    if (design.weights === 'file') {
      if (data.weights === null || data.badWeights > 0) usable = false;
      else weightsOf.set(data, data.weights);
      continue;
    }
    const of = stratumOf.get(data)!;
    const w = new Float64Array(data.count);
    for (let i = 0; i < data.count; i += 1) {
      const s = strata[of[i]!];
      if (s) w[i] = s.population / s.sampled;
    }
    weightsOf.set(data, w);
  }
  if (!usable) return { design: null, issues };
  const calibrated = calibration ? calibrate(pool, strata, stratumOf, weightsOf, calibration, dimensions, issues) : null;
  return { design: { strata, stratumOf, weightsOf, frameFile: frame.file, calibrated }, issues };
}

/**
 * Calibrates the design weights of the pooled respondents to the margins (R's rake() or calibrate()); the calibrated
 * weights replace the design weights. Margins that cannot be met (a group with population but no respondents,
 * respondents whose group is unknown or has no population, no convergence) are reported; the design stays uncalibrated.
 */
function calibrate(
  pool: readonly PooledWave[],
  strata: readonly Stratum[],
  stratumOf: WeakMap<WaveData, Int32Array>,
  weightsOf: WeakMap<WaveData, Float64Array>,
  calibration: Calibration,
  dimensions: readonly Dimension[],
  issues: Issue[],
): (CalibratedDesign & { method: 'rake' | 'linear'; offsetOf: WeakMap<WaveData, number> }) | null {
  const waves = pool.flatMap((p) => (p.wave.data ? [{ p, data: p.wave.data }] : []));
  const n = waves.reduce((sum, w) => sum + w.data.count, 0);
  const offsetOf = new WeakMap<WaveData, number>();
  const base = new Float64Array(n);
  const stratum = new Int32Array(n);
  let at = 0;
  for (const { data } of waves) {
    offsetOf.set(data, at);
    base.set(weightsOf.get(data)!, at);
    stratum.set(stratumOf.get(data)!, at);
    at += data.count;
  }
  const problems: string[] = [];
  const margins: RakeMargin[] = Object.entries(calibration.margins).map(([id, totals]) => {
    const d = dimensions.find((x) => x.id === id)!;
    const category = new Int32Array(n);
    let unknown = 0;
    for (const { p, data } of waves) {
      const groups = respondentGroups(p, data, d);
      const offset = offsetOf.get(data)!;
      for (let i = 0; i < data.count; i += 1) {
        category[offset + i] = groups[i]!;
        if (groups[i] === d.groups.length) unknown += 1;
      }
    }
    if (unknown > 0) problems.push(`${d.nameJa}が無回答・読めない回答者が ${unknown} 人います（どのグループの周辺にも入りません）`);
    return { category, population: [...d.groups.map((g) => totals[g.code] ?? 0), 0] };
  });
  const ids = Object.keys(calibration.margins);
  const result = problems.length > 0 ? null : calibration.method === 'rake' ? rakeWeights(base, margins) : calibrateWeights(base, margins);
  if (result && !result.ok) {
    for (const u of result.unmet) {
      const d = dimensions.find((x) => x.id === ids[u.margin])!;
      const label = d.groups[u.category]?.labelJa ?? '不明・無回答';
      problems.push(
        u.kind === 'no-respondents'
          ? `${d.nameJa}「${label}」は母集団 ${calibration.margins[d.id]![d.groups[u.category]!.code]} ですが回答者がいません`
          : `${d.nameJa}「${label}」に回答者がいますが、その母集団が設定にありません`,
      );
    }
    if (result.converged === false)
      problems.push(`周辺の合計に ${result.passes} 回の反復で収束しません（周辺どうしの合計が食い違っていないか確かめてください）`);
    if (result.unmet.length === 0 && result.converged !== false)
      problems.push('較正の方程式が解けません（周辺のグループが互いに重なっていないか確かめてください）');
  }
  if (!result || !result.ok) {
    issues.push(
      issueOf('industry-survey-calibration-unmet', { method: calibration.method === 'rake' ? 'レイキング' : '線形較正', problems: problems.join('；') }, {}),
    );
    return null;
  }
  at = 0;
  for (const { data } of waves) {
    weightsOf.set(data, result.weights.slice(at, at + data.count));
    at += data.count;
  }
  if ('negative' in result && result.negative > 0) {
    issues.push(issueOf('industry-survey-calibration-negative-weights', { count: result.negative }, {}));
  }
  return { method: calibration.method, weights: result.weights, residuals: result.residuals, stratum, strata, offsetOf };
}
