// Each respondent's group in one breakdown dimension (industry, size class …), from the instrument's breakdown
// question: an answer code mapped to a group, or a number put in the first class whose max it does not pass.
import type { PooledWave } from './estimate-survey-shares.ts';
import { findQuestion } from '../lib/find-survey-question.ts';
import { Role } from '../lib/survey-answer-role.ts';
import type { WaveData } from '../sources/industry-survey/wave-data.ts';

const groupCache = new WeakMap<WaveData, Map<string, Int32Array>>();

/** Each respondent's group index in a dimension (the dimension's group count = 不明・無回答). */
export function respondentGroups(pooled: PooledWave, data: WaveData, dimension: { id: string; groups: { code: string }[] }): Int32Array {
  let cache = groupCache.get(data);
  if (!cache) groupCache.set(data, (cache = new Map()));
  const cached = cache.get(dimension.id);
  if (cached) return cached;
  const unknown = dimension.groups.length;
  const index = new Int32Array(data.count).fill(unknown);
  const source = pooled.instrument.breakdowns[dimension.id];
  const question = source && pooled.wave.codebook ? findQuestion(pooled.wave.codebook, source.question) : undefined;
  const q = question ? data.questions.get(question.id) : undefined;
  if (source && q) {
    const position = new Map(dimension.groups.map((g, i) => [g.code, i]));
    const groupOf = (value: number): number => {
      let group: string | undefined;
      if (q.codes) group = source.groups ? source.groups[String(value)] : String(value);
      else if (source.classes) group = source.classes.find((c) => c.max === undefined || value <= c.max)?.group;
      return (group === undefined ? undefined : position.get(group)) ?? unknown;
    };
    // A wave has a few distinct codes (or sizes) and many respondents: each value's group is worked out once.
    const byValue = new Map<number, number>();
    const values = q.codes ?? (source.classes ? q.numbers : undefined);
    if (values) {
      for (let i = 0; i < data.count; i += 1) {
        if (q.role[i] !== Role.Answer) continue;
        const value = values[i]!;
        let at = byValue.get(value);
        if (at === undefined) byValue.set(value, (at = groupOf(value)));
        index[i] = at;
      }
    }
  }
  cache.set(dimension.id, index);
  return index;
}
