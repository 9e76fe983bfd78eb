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
  /** Raking variables (region A–C, size class s/m/l) with known population margins (SYNTHETIC_MARGINS). */
  region: string;
  sizeClass: string;
  /** 0/1 answers; null = item non-response. */
  y: (number | null)[];
}

export const SYNTHETIC_OUTCOMES = 3;

export function generateSyntheticWave(seed = 20261205): SyntheticRow[] {
  const random = seededRandom(seed);
  // A second stream for the raking variables, so the rows of the first stream stay as they were.
  const other = seededRandom(seed + 1);
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
      const region = other() < 0.5 ? 'A' : other() < 0.6 ? 'B' : 'C';
      const sizeClass = ['s', 'm', 'l'][Math.min(2, Math.floor(other() * 3 * (0.6 + 0.4 * lean)))]!;
      rows.push({ id, stratum: `s${String(h + 1).padStart(2, '0')}`, population, weight, domain, region, sizeClass, y: [y1, y2, y3] });
      id += 1;
    }
  }
  return rows;
}

/** Population margins to rake to (both sum to the frame's total establishments). */
export function syntheticMargins(rows: readonly SyntheticRow[]): { region: Record<string, number>; sizeClass: Record<string, number> } {
  const total = [...new Map(rows.map((r) => [r.stratum, r.population])).values()].reduce((a, b) => a + b, 0);
  const split = (shares: number[]) => {
    const parts = shares.map((s) => Math.round(total * s));
    parts[parts.length - 1] = total - parts.slice(0, -1).reduce((a, b) => a + b, 0);
    return parts;
  };
  const [a, b, c] = split([0.46, 0.31, 0.23]);
  const [s, m, l] = split([0.55, 0.3, 0.15]);
  return { region: { A: a!, B: b!, C: c! }, sizeClass: { s: s!, m: m!, l: l! } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = new URL('../../tests/fixtures/survey-reference/synthetic-wave.csv', import.meta.url);
  const rows = generateSyntheticWave();
  const lines = [
    'id,stratum,N,w,domain,region,size,y1,y2,y3',
    ...rows.map((r) => [r.id, r.stratum, r.population, r.weight, r.domain, r.region, r.sizeClass, ...r.y.map((v) => (v === null ? 'NA' : v))].join(',')),
  ];
  writeFileSync(out, `${lines.join('\n')}\n`);
  const margins = syntheticMargins(rows);
  const marginLines = [
    'variable,level,Freq',
    ...Object.entries(margins).flatMap(([v, m]) => Object.entries(m).map(([k, n]) => `${v === 'sizeClass' ? 'size' : v},${k},${n}`)),
  ];
  writeFileSync(new URL('../../tests/fixtures/survey-reference/margins.csv', import.meta.url), `${marginLines.join('\n')}\n`);
  console.log(`${lines.length - 1} respondents → ${fileURLToPath(out)}`);
}
