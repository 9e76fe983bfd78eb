// The sample inbox with one file spoiled, case by case (tests/fixtures/make-spoiled-inputs.ts): every case is either
// rejected at its place or published with a warning that names it. Every published figure is compared with the
// unspoiled run: one that differs must be withheld or named by an issue. No crash; no hang (the test's time limit).
// The runs write only the JSON tables the checks read (no site, workbook or Parquet: they add nothing to a run's issues
// or figures), and each case starts from the unspoiled run's family cache: the spoiled file's family is read afresh,
// the untouched families' readings are reused as an incremental run would (pipelines/family-cache.ts).
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionPlanProgressRow, IndicatorValueRow } from '../lib/datasets/indicator-tables.ts';
import type { ObservationRow } from '../lib/datasets/run-tables.ts';
import type { Issue } from '../lib/issues.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import { makeSpoiledInputs, spoiledCases } from './fixtures/make-spoiled-inputs.ts';
import { setagayaConfig, tablesOnlyConfig, tempDir } from './helpers.ts';
import { sampleInbox } from './sample-fixtures.ts';

// Fiscal year 2024 is closed and 2025 has started; 2026 has not.
const AS_OF = '2025-06';

interface Outcome {
  issues: Issue[];
  values: IndicatorValueRow[];
  progress: ActionPlanProgressRow[];
  observations: ObservationRow[];
}

/** A fresh run over `inbox` in a new output folder; with `cacheOf`, that folder starts with the family cache of an earlier run's. */
async function run(configDir: string, inbox: string, archiveDir: string, cacheOf?: string): Promise<Outcome & { outDir: string }> {
  const outDir = await tempDir('lei-spoiled-out-');
  if (cacheOf) await cp(path.join(cacheOf, 'cache'), path.join(outDir, 'cache'), { recursive: true });
  const result = await runPipeline({ configDir, inboxDir: inbox, outDir, archiveDir, storePath: null, asOf: AS_OF });
  const read = async <T>(name: string) => JSON.parse(await readFile(path.join(result.folder, `${name}.json`), 'utf8')) as T[];
  return {
    issues: result.issues,
    values: await read('indicator_values'),
    progress: await read('action_plan_progress'),
    observations: await read('observations'),
    outDir,
  };
}

/** Every published figure and why it is withheld, by indicator and year. */
const figures = (o: Outcome) => ({
  values: o.values.map((r) => [r.slot_id, r.fiscal_year, r.value, r.withheld_reason]),
  progress: o.progress.map((r) => [r.line_id, r.fiscal_year, r.actual, r.withheld_reason]),
});

/** Figures that differ from the unspoiled run with neither a withheld mark nor a new issue naming the value or its file. */
function silentDifferences(before: Outcome, after: Outcome): string[] {
  const issueKey = (i: Issue) => `${i.code}|${i.location.file}|${i.location.row}|${i.message}`;
  const old = new Set(before.issues.map(issueKey));
  const fresh = after.issues.filter((i) => i.severity !== 'info' && !old.has(issueKey(i)));
  const named = (measureId: string, nameJa: string, fiscalYear: number) => {
    const files = new Set(
      [...before.observations, ...after.observations]
        .filter((o) => o.measure_id === measureId && o.fiscal_year === fiscalYear)
        .flatMap((o) => [o.file, ...(o.other_files?.split(';') ?? [])]),
    );
    return fresh.some((i) => i.message.includes(nameJa) || (i.location.file !== undefined && files.has(i.location.file)));
  };
  const silent: string[] = [];
  const compare = <R>(
    rows: (r: Outcome) => R[],
    key: (r: R) => string,
    figure: (r: R) => number | null,
    withheld: (r: R) => boolean,
    who: (r: R) => [string, string, number],
  ) => {
    const old = new Map(rows(before).map((r) => [key(r), r]));
    for (const r of rows(after)) {
      const was = old.get(key(r));
      const then = was === undefined ? null : figure(was);
      if (then === figure(r) || (figure(r) === null && withheld(r))) continue;
      if (!named(...who(r))) silent.push(`${key(r)}: ${then} → ${figure(r)}`);
    }
  };
  compare(
    (o) => o.values,
    (r) => `${r.slot_id} ${r.fiscal_year}`,
    (r) => r.value,
    (r) => r.withheld_reason !== null,
    (r) => [r.measure_id, r.name_ja, r.fiscal_year],
  );
  compare(
    (o) => o.progress,
    (r) => `${r.line_id} ${r.fiscal_year}`,
    (r) => r.actual,
    (r) => r.withheld_reason !== null,
    (r) => [r.measure_id, r.indicator_ja, r.fiscal_year],
  );
  return silent;
}

describe('spoiled inputs: rejected at their place or published with a warning that names them', () => {
  let dir: string;
  let config: string;
  let unspoiled: Outcome & { outDir: string };

  beforeAll(async () => {
    dir = await tempDir('lei-spoiled-');
    config = await tablesOnlyConfig(setagayaConfig);
    await makeSpoiledInputs(await sampleInbox(), dir, spoiledCases, { link: true });
    unspoiled = await run(config, path.join(dir, 'unspoiled'), path.join(dir, 'archive'));
  }, 180_000);

  it('the unspoiled sample breaks no data contract', () => {
    expect(unspoiled.issues.filter((i) => i.code.startsWith('contract-') || i.code === 'xlsx-too-large')).toEqual([]);
  });

  it.each(spoiledCases.map((c) => [c.id, c] as const))(
    '%s',
    async (_id, c) => {
      const spoiled = await run(config, path.join(dir, c.id), path.join(dir, 'archive'), unspoiled.outDir);
      const found = spoiled.issues.filter((i) => c.expectCodes.includes(i.code));
      // No code expected: the file is read as it was meant, every figure as in the unspoiled run.
      if (c.expectCodes.length === 0) expect(figures(spoiled)).toEqual(figures(unspoiled));
      else
        expect(
          found.length,
          `${c.what}: expected one of ${c.expectCodes.join(', ')}; got ${[...new Set(spoiled.issues.map((i) => i.code))].join(', ')}`,
        ).toBeGreaterThan(0);
      // Every issue names its place and says what to do, in Japanese.
      for (const i of found) {
        expect(i.location.file ?? i.raw, `${i.code} has no place`).toBeTruthy();
        expect(i.message).toMatch(/[ぁ-んァ-ン一-龠]/);
      }
      expect(silentDifferences(unspoiled, spoiled)).toEqual([]);
    },
    120_000,
  );
});
