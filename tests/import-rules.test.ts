// The folders show the flow (docs/architecture.md): sources/ read → transforms/ compute (pure) → outputs/ write,
// wired in pipelines/. This reads every import of the code folders and holds them to that.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.ts';

interface Import {
  file: string;
  target: string;
  typeOnly: boolean;
}

async function importsOf(folder: string): Promise<Import[]> {
  const entries = await readdir(path.join(repoRoot, folder), { recursive: true, withFileTypes: true });
  const found: Import[] = [];
  for (const e of entries.filter((x) => x.isFile() && x.name.endsWith('.ts'))) {
    const full = path.join(e.parentPath, e.name);
    const text = await readFile(full, 'utf8');
    const file = path.relative(repoRoot, full);
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gms)) {
      const spec = m[2]!;
      const target = spec.startsWith('.') ? path.relative(repoRoot, path.resolve(path.dirname(full), spec)) : spec;
      found.push({ file, target, typeOnly: Boolean(m[1]) });
    }
    for (const m of text.matchAll(/import\(\s*'([^']+)'\s*\)/g)) {
      const spec = m[1]!;
      const target = spec.startsWith('.') ? path.relative(repoRoot, path.resolve(path.dirname(full), spec)) : spec;
      found.push({ file, target, typeOnly: false });
    }
  }
  return found;
}

const inFolder = (target: string, ...folders: string[]) => folders.some((f) => target.startsWith(`${f}/`));
const IO_MODULES =
  /^(node:)?(fs|fs\/promises|child_process|net|http|https|os|worker_threads|readline|dgram|cluster)$|^(pg|exceljs|@duckdb\/|yauzl|jszip|papaparse)/;

// Source adapters that still run their family's fiscal-year rollup or the survey estimation themselves:
// moving that wiring to pipelines/ is the rest of issue 9. The list may only shrink.
const KNOWN_SOURCE_TO_TRANSFORM = new Set<string>([]);

describe('import rules', () => {
  it('transforms/ is pure: no sources/, outputs/, pipelines/, cli/ at run time, and no I/O module', async () => {
    const bad = (await importsOf('transforms')).filter(
      (i) => (!i.typeOnly && inFolder(i.target, 'sources', 'outputs', 'pipelines', 'cli')) || IO_MODULES.test(i.target),
    );
    expect(bad).toEqual([]);
  });

  it('sources/ imports no outputs/, pipelines/ or cli/, and transforms/ only where the known adapters still do', async () => {
    const imports = await importsOf('sources');
    expect(imports.filter((i) => inFolder(i.target, 'outputs', 'pipelines', 'cli') && !i.typeOnly)).toEqual([]);
    const toTransforms = imports.filter((i) => !i.typeOnly && inFolder(i.target, 'transforms'));
    expect([...new Set(toTransforms.map((i) => i.file))].filter((f) => !KNOWN_SOURCE_TO_TRANSFORM.has(f))).toEqual([]);
  });

  it('outputs/ does not read sources/ or run pipelines/', async () => {
    const bad = (await importsOf('outputs')).filter((i) => !i.typeOnly && inFolder(i.target, 'sources', 'pipelines', 'cli'));
    expect(bad).toEqual([]);
  });

  it('lib/ depends on no folder of the flow', async () => {
    const bad = (await importsOf('lib')).filter((i) => !i.typeOnly && inFolder(i.target, 'sources', 'transforms', 'outputs', 'pipelines', 'cli'));
    expect(bad).toEqual([]);
  });
});
