// The repo runs and tests on a fresh clone with nothing beside it: no code reaches into ../shared (the seeds and
// research notes stay outside; the printed tables the oracle needs are in tests/fixtures/seed-tables/).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.ts';

const CODE_FOLDERS = ['bin', 'cli', 'config', 'lib', 'sources', 'transforms', 'outputs', 'pipelines', 'scripts', 'tests'];
// A path to ../shared, written as a string or joined from parts.
const OUTSIDE = /\.\.\/shared\b|['"]\.\.['"],\s*['"]shared['"]/;

describe('the repo stands alone', () => {
  it('has no code that reads ../shared', async () => {
    const offenders: string[] = [];
    for (const folder of CODE_FOLDERS) {
      for (const e of await readdir(path.join(repoRoot, folder), { recursive: true, withFileTypes: true })) {
        if (!e.isFile() || !/\.(ts|js|sh)$/.test(e.name)) continue;
        const file = path.join(e.parentPath, e.name);
        if (file === import.meta.filename) continue;
        if (OUTSIDE.test(await readFile(file, 'utf8'))) offenders.push(path.relative(repoRoot, file));
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps the seed line numbers of every printed figure the oracle checks', async () => {
    for (const name of ['seed000-indicators.json', 'seed001-actions.json']) {
      const table: { seed: string; rows: { seedLines: [number, number] }[] } = JSON.parse(
        await readFile(path.join(repoRoot, 'tests', 'fixtures', 'seed-tables', name), 'utf8'),
      );
      expect(table.seed, name).toMatch(/^00[01]_[0-9a-f]{16}\.txt$/);
      for (const r of table.rows) expect(r.seedLines[0] >= 1 && r.seedLines[0] <= r.seedLines[1], `${name} ${JSON.stringify(r)}`).toBe(true);
    }
  });
});
