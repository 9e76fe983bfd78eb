// Where in a config file, as the analyst reads it: the line found through the YAML document and the path named by what
// is printed (指標「loan-mediations」.unit, 柱「Ⅰ」施策「Ⅰ-ⅰ」指標「1-①」) rather than by array index. Shared by the schema's
// messages (describe-zod-issue.ts) and the checks across files, which run on parsed values and find their line here.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { RowNames } from './read-config-file.ts';

/** The node at a path, else the nearest one above it (a missing key is reported at its parent). */
export function nodeAt(doc: Document, segments: readonly (string | number)[]): unknown {
  for (let n = segments.length; n >= 0; n -= 1) {
    const node = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
    if (node) return node;
  }
  return undefined;
}

/** The 1-based line where a node starts. */
export function lineOf(node: unknown, lineCounter: LineCounter): number | undefined {
  const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

/**
 * measures[3].unit → 指標「loan-mediations」.unit, slots[2] → 枠「v2-long-1」, grading.grades[0] → grading.評価「◎」, and in a
 * progress table 柱「Ⅰ」施策「Ⅰ-ⅰ」指標「1-①」.unit (in the plan's own words). A row's label follows a row directly.
 */
export function formatConfigPath(segments: readonly (string | number)[], doc: Document, rowNames: RowNames): string {
  let out = '';
  let afterRow = false;
  for (let i = 0; i < segments.length; i += 1) {
    const s = segments[i]!;
    const next = segments[i + 1];
    const row = typeof next === 'number' ? rowNames[String(s)] : undefined;
    const name = row ? row.name((key) => doc.getIn([...segments.slice(0, i + 2), key])) : undefined;
    if (row && name !== undefined) {
      out += `${out === '' || afterRow ? '' : '.'}${row.label}「${name}」`;
      afterRow = true;
      i += 1;
    } else {
      out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
      afterRow = false;
    }
  }
  return out;
}

/**
 * The place of a path in a file that parsed and passed its schema: for checks across files, which hold parsed values
 * and so no document. The file is read again only when a problem is found (a config with no problem never pays for it).
 */
export function configPlace(file: string, rowNames: RowNames): (segments: readonly (string | number)[]) => { file: string; path: string; line?: number } {
  let parsed: { doc: Document; lineCounter: LineCounter } | null | undefined;
  const load = () => {
    if (parsed !== undefined) return parsed;
    try {
      const lineCounter = new LineCounter();
      parsed = { doc: parseDocument(readFileSync(file, 'utf8'), { lineCounter }), lineCounter };
    } catch {
      parsed = null;
    }
    return parsed;
  };
  return (segments) => {
    const at = load();
    if (!at) return { file, path: segments.join('.') };
    const line = lineOf(nodeAt(at.doc, segments), at.lineCounter);
    return { file, path: formatConfigPath(segments, at.doc, rowNames), ...(line === undefined ? {} : { line }) };
  };
}
