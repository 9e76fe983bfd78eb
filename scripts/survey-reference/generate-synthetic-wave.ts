// A synthetic stratified establishment wave for checking the design-based estimators against R's survey package:
// 55 strata with sampling fractions from 3 % to 100 % (certainty strata), weights unequal within strata (a
// non-response adjustment), item non-response, tiny domains, and domains where a share is exactly 0 % or 100 %.
// Writes tests/fixtures/survey-reference/synthetic-wave.csv; scripts/survey-reference/survey-reference.R reads it.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../sample/seeded-random.ts';

export interface SyntheticRow {
  id: number;
  stratum: string;
  population: number;
  weight: number;
  domain: string;
  /** 0/1 answers; null = item non-response. */
  y: (number | null)[];
}

export const SYNTHETIC_OUTCOMES = 3;

export function generateSyntheticWave(seed = 20261205): SyntheticRow[] {
  const random = seededRandom(seed);
  const rows: SyntheticRow[] = [];
  let id = 1;
  for (let h = 0; h < 55; h += 1) {
    const population = h % 11 === 10 ? 2 + Math.floor(random() * 6) : 20 + Math.floor(random() * 900);
    const fraction = h % 11 === 10 ? 1 : h % 5 === 0 ? 0.3 + random() * 0.4 : 0.02 + random() * 0.1;
    const sampled = Math.min(population, Math.max(2, Math.round(population * fraction)));
    const base = population / sampled;
    const lean = random();
    for (let i = 0; i < sampled; i += 1) {
      // Within-stratum spread of the weights, as a response-propensity adjustment leaves it.
      const weight = Math.round(base * (0.7 + 0.6 * random()) * 1e6) / 1e6;
      const u = random();
      const domain = u < 0.002 ? 'tiny' : h === 7 || h === 33 ? 'allzero' : h === 12 ? 'allone' : ['a', 'b', 'c', 'd', 'e'][Math.floor(u * 5)]!;
      const y1 = domain === 'allzero' ? 0 : domain === 'allone' ? 1 : random() < 0.2 + 0.6 * lean ? 1 : 0;
      const y2 = domain === 'allone' ? 1 : random() < 0.03 ? 1 : 0;
      const y3 = random() < 0.12 ? null : domain === 'allzero' ? 0 : random() < 0.5 - 0.3 * lean ? 1 : 0;
      rows.push({ id, stratum: `s${String(h + 1).padStart(2, '0')}`, population, weight, domain, y: [y1, y2, y3] });
      id += 1;
    }
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = new URL('../../tests/fixtures/survey-reference/synthetic-wave.csv', import.meta.url);
  const lines = ['id,stratum,N,w,domain,y1,y2,y3', ...generateSyntheticWave().map((r) => [r.id, r.stratum, r.population, r.weight, r.domain, ...r.y.map((v) => (v === null ? 'NA' : v))].join(','))];
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`${lines.length - 1} respondents → ${fileURLToPath(out)}`);
}
