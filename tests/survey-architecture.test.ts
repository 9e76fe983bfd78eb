// The folder flow for the survey estimates (issues 9 and 11): the transforms that compute survey figures take only
// types from sources/ (no runtime code), and the survey reader in sources/ neither estimates nor rounds by itself.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const surveyTransforms = [
  'estimate-industry-survey',
  'survey-wave-row',
  'estimate-survey-shares',
  'respondent-groups',
  'survey-design',
  'design-share',
  'diff-survey-estimates',
  'quantiles',
  'survey-share',
];

it('survey transforms import nothing but types from sources/', () => {
  for (const name of surveyTransforms) {
    const runtime = read(`transforms/${name}.ts`)
      .split('\n')
      .filter((line) => /^import\s+(?!type\b)/.test(line) && line.includes("'../sources/"));
    expect([name, runtime]).toEqual([name, []]);
  }
});

it('the survey reader rounds nothing and runs no transform (sources/industry-survey/ and its adapter)', () => {
  const files = [
    'sources/industry-survey-adapter.ts',
    ...readdirSync(new URL('../sources/industry-survey/', import.meta.url), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `sources/industry-survey/${f}`),
  ];
  expect(files).toContain('sources/industry-survey/read-industry-survey.ts');
  for (const file of files) {
    const offending = read(file)
      .split('\n')
      .filter((line) => /roundHalfUp|Math\.round|lib\/decimal\.ts/.test(line) || (/^import\s+(?!type\b)/.test(line) && line.includes('/transforms/')));
    expect([file, offending]).toEqual([file, []]);
  }
});
