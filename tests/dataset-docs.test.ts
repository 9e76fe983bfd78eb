import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { renderDatasetDocs } from '../scripts/generate-dataset-docs.ts';
import { repoRoot } from './helpers.ts';

it('docs/datasets.md documents exactly the columns the code writes (run `npm run docs` after changing them)', async () => {
  expect(await readFile(path.join(repoRoot, 'docs', 'datasets.md'), 'utf8')).toBe(renderDatasetDocs());
});
