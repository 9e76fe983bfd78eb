// What a run changes: its indicator values against those of the run out/latest points at.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { indicatorValues, type IndicatorValueRow } from '../lib/datasets/indicator-tables.ts';
import { diffIndicatorValues, type ValueChange } from '../transforms/diff-indicator-values.ts';

export async function diffWithPrevious(outDir: string, previous: string | undefined, rows: readonly IndicatorValueRow[]): Promise<ValueChange[]> {
  // The first run has nothing to compare with: no change list rather than every value listed as new.
  return previous === undefined ? [] : diffIndicatorValues(await previousIndicatorValues(outDir), rows);
}

async function previousIndicatorValues(outDir: string): Promise<IndicatorValueRow[]> {
  try {
    return JSON.parse(await readFile(path.join(outDir, 'latest', `${indicatorValues.name}.json`), 'utf8')) as IndicatorValueRow[];
  } catch {
    return [];
  }
}
