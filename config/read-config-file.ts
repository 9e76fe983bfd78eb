// One YAML config file read and parsed with its schema, or the value a run checked before (config/config-file-cache.ts).
// Kept apart from the catalog's loader so that code which reads only a layout config (a source family, in either of a
// run's threads) loads neither the catalog's schemas nor, for a file checked before, zod or a schema.
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { configProblem, type ConfigProblem } from './config-problem.ts';
import { configFileCache } from './config-file-cache.ts';

/** How a row of a list is named in a message: its label and the keys that identify it as printed. */
export type RowNames = Record<string, { label: string; name: (get: (key: string) => unknown) => string | undefined }>;

/**
 * Reads one YAML config file and parses it with a schema. Problems (with line and path; list rows named by `rowNames`, else by index) are appended to
 * `problems` and undefined is returned, so a caller can collect every problem of every file before stopping.
 */
export async function readConfigFile<S extends z.ZodType>(
  file: string,
  schemaOrLoader: S | (() => Promise<S>),
  problems: ConfigProblem[],
  rowNames: RowNames = {},
): Promise<z.infer<S> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    problems.push(configProblem('config-file-unreadable', {}, { file, path: '' }));
    return undefined;
  }
  const cache = await configFileCache(file, text);
  // Checked before by this code with this text: the value its schema made then (a cast: it passed the same schema).
  const checked = await cache.checked();
  if (checked !== undefined) return checked as z.infer<S>;
  // A schema given as a loader is imported only now: a file checked before never needs it (nor zod's work to build it).
  const schema = typeof schemaOrLoader === 'function' ? await schemaOrLoader() : schemaOrLoader;
  (await import('./zod-locale.ts')).useConfigLocale();
  const cached = await cache.yaml();
  if (cached !== undefined) {
    const parsed = schema.safeParse(cached, ONCE);
    if (parsed.success) {
      await cache.saveChecked(parsed.data);
      return parsed.data;
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // One mistake (a line indented wrongly) makes the library report several errors after it: the first is the one to fix.
    const [e] = doc.errors;
    const { describeYamlError } = await import('./describe-yaml-error.ts');
    const original = (e!.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    const more = doc.errors.length > 1 ? `。ほかに ${doc.errors.length - 1} 件の誤りが続きますが、多くはこの行を直すと消えます` : '';
    problems.push(
      configProblem(
        'config-yaml-invalid',
        { column: e!.linePos?.[0]?.col ?? '?', reason: `${describeYamlError(e!)}${more}`, original },
        { file, line: e!.linePos?.[0]?.line, path: '' },
      ),
    );
    return undefined;
  }
  const js: unknown = doc.toJS();
  const parsed = schema.safeParse(js, ONCE);
  if (!parsed.success) {
    const { describeZodIssue } = await import('./describe-zod-issue.ts');
    // One slip can break several checks the same way (550,000 in a list of targets): each problem is listed once.
    const seen = new Set<string>();
    for (const zi of parsed.error.issues) {
      const problem = describeZodIssue(file, schema, doc, lineCounter, zi, rowNames);
      const key = JSON.stringify([problem.line, problem.path, problem.message]);
      if (!seen.has(key)) problems.push(problem);
      seen.add(key);
    }
    return undefined;
  }
  await cache.saveYaml(js);
  await cache.saveChecked(parsed.data);
  return parsed.data;
}

// Each schema parses one file once a run: compiling zod's fast parser for it (new Function) costs more than it saves.
const ONCE = { jitless: true } as const;
