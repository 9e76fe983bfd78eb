// The folder flow for the survey estimates (issues 9 and 11): the transforms that compute survey figures take only
// types from sources/ (no runtime code), and the survey reader in sources/ neither estimates nor rounds by itself.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const surveyTransforms = ['estimate-survey-shares', 'respondent-groups', 'survey-design', 'design-share', 'diff-survey-estimates', 'quantiles', 'survey-share'];

it('survey transforms import nothing but types from sources/', () => {
  for (const name of surveyTransforms) {
    const runtime = read(`transforms/${name}.ts`)
      .split('\n')
      .filter((line) => /^import\s+(?!type\b)/.test(line) && line.includes("'../sources/"));
    expect([name, runtime]).toEqual([name, []]);
  }
});

it('the survey reader does no rounding of its own', () => {
  const reader = read('sources/industry-survey/read-industry-survey.ts');
  expect(reader).not.toMatch(/roundHalfUp|Math\.round|lib\/decimal\.ts/);
});
