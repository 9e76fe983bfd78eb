// A zod issue in a config file as the analyst reads it: the file, the line found through the YAML document, the path
// named by what is printed (指標「loan-mediations」.unit), and the catalog's message with the value found.
import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import { z } from 'zod';
import { isConfigProblemCode, issueMessageJa } from '../lib/issue-catalog.ts';
import { configProblem, type ConfigProblem } from './config-problem.ts';
import type { RowNames } from './read-config-file.ts';
import { closest } from './closest.ts';

export function describeZodIssue(
  file: string,
  schema: z.ZodType,
  doc: Document,
  lineCounter: LineCounter,
  zi: z.core.$ZodIssue,
  rowNames: RowNames,
): ConfigProblem {
  const segments = zi.path.filter((p): p is string | number => typeof p !== 'symbol');
  let node = nodeAt(doc, segments);
  const absent = segments.length > 0 && doc.getIn(segments, true) === undefined;
  const where = { file, path: '' };
  const own = zi.code === 'custom' ? zi.params?.['configCode'] : undefined;
  let problem: Pick<ConfigProblem, 'code' | 'message'> = { code: isConfigProblemCode(own) ? own : 'config-invalid-value', message: zi.message };
  if (zi.code === 'too_small' && zi.origin === 'string' && zi.minimum === 1) problem = configProblem('config-empty-value', {}, where);
  if (zi.code === 'too_small' && zi.origin === 'array') problem = configProblem('config-empty-list', { minimum: String(zi.minimum) }, where);
  if (zi.code === 'invalid_type' && !absent && EXPECTED_JA[zi.expected])
    problem = configProblem('config-wrong-type', { expected: EXPECTED_JA[zi.expected]! }, where);
  if (zi.code === 'invalid_union') {
    // Name the forms the value may take, and a misspelt key among them, rather than only 「無効な入力」.
    const forms = shapesAt(schema, segments).filter((keys) => keys.length > 0);
    const given = isMap(node) ? node.items.flatMap((it) => (isScalar(it.key) ? [String(it.key.value)] : [])) : [];
    const unknown = given.filter((k) => !forms.some((keys) => keys.includes(k)));
    const hints = unknown.map((k) => {
      const hint = closest(k, forms.flat());
      return `${issueMessageJa('config-unknown-key', { key: k, hint: hint ? `（「${hint}」のことですか？）` : '' })}。`;
    });
    if (forms.length > 0)
      problem = configProblem('config-form-unknown', { unknownKeys: hints.join(''), forms: forms.map((keys) => `{ ${keys.join(', ')} }`).join('・') }, where);
  }
  if (absent && (zi.code === 'invalid_type' || zi.code === 'invalid_value')) {
    const key = String(segments.at(-1));
    problem =
      zi.code === 'invalid_value'
        ? configProblem('config-missing-key', { variant: 'withReason', key, reason: problem.message }, where)
        : configProblem('config-missing-key', { variant: 'plain', key }, where);
  }
  if (zi.code === 'unrecognized_keys') {
    const known = [...new Set([...shapesAt(schema, segments).flat(), ...knownKeysAt(doc, segments, zi.keys)])];
    const message = zi.keys
      .map((k) => {
        const hint = closest(k, known);
        return issueMessageJa('config-unknown-key', { key: k, hint: hint ? `（「${hint}」のことですか？）` : '' });
      })
      .join('、');
    problem = { code: 'config-unknown-key', message };
    const keyNode = isMap(node) ? node.items.find((it) => isScalar(it.key) && it.key.value === zi.keys[0])?.key : undefined;
    if (keyNode && isScalar(keyNode)) node = keyNode;
  }
  const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
  // A problem with a value is followed by the value found, so the user sees what to change.
  const raw = isScalar(node) ? ` 値: ${JSON.stringify(node.value)}` : '';
  return {
    code: problem.code,
    file,
    line: offset === undefined ? undefined : lineCounter.linePos(offset).line,
    path: formatPath(segments, doc, rowNames),
    message: `${problem.message}${zi.code === 'unrecognized_keys' ? '' : raw}`,
  };
}

function nodeAt(doc: Document, segments: (string | number)[]): unknown {
  for (let n = segments.length; n >= 0; n -= 1) {
    const node = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
    if (node) return node;
  }
  return undefined;
}

/** The key sets the schema allows at a path, one per object shape (a union gives one per form), through lists and wrappers. */
function shapesAt(schema: z.ZodType, segments: (string | number)[]): string[][] {
  const shapes: string[][] = [];
  const visit = (s: z.core.$ZodType, rest: (string | number)[]): void => {
    if (s instanceof z.core.$ZodOptional || s instanceof z.core.$ZodDefault || s instanceof z.core.$ZodPrefault || s instanceof z.core.$ZodNullable)
      return visit(s._zod.def.innerType, rest);
    if (s instanceof z.core.$ZodPipe) return visit(s._zod.def.in, rest);
    if (s instanceof z.core.$ZodUnion) return s._zod.def.options.forEach((o) => visit(o, rest));
    if (s instanceof z.core.$ZodArray && typeof rest[0] === 'number') return visit(s._zod.def.element, rest.slice(1));
    if (s instanceof z.core.$ZodRecord && rest.length > 0) return visit(s._zod.def.valueType, rest.slice(1));
    if (!(s instanceof z.core.$ZodObject)) return;
    const shape: Record<string, z.core.$ZodType> = s._zod.def.shape;
    const next = typeof rest[0] === 'string' ? shape[rest[0]] : undefined;
    if (rest.length === 0) shapes.push(Object.keys(shape));
    else if (next) visit(next, rest.slice(1));
  };
  visit(schema, segments);
  return shapes;
}

/** What a value of the wrong type should have been, in the analyst's words. */
const EXPECTED_JA: Record<string, string> = {
  number: '数値',
  string: '文字',
  boolean: 'true か false',
  array: '一覧（[a, b] か - で始まる行）',
  object: 'キーと値（{ key: 値 }）',
};

/** Keys that exist beside an unknown key elsewhere in the same list: good candidates for "did you mean". */
function knownKeysAt(doc: Document, segments: (string | number)[], unknown: string[]): string[] {
  const keys = new Set<string>();
  const parentPath = typeof segments.at(-1) === 'number' ? segments.slice(0, -1) : undefined;
  const collect = (node: unknown) => {
    if (isMap(node)) for (const it of node.items) if (isScalar(it.key)) keys.add(String(it.key.value));
  };
  const parent = parentPath ? doc.getIn(parentPath, true) : undefined;
  if (parent && 'items' in (parent as object)) for (const item of (parent as { items: unknown[] }).items) collect(item);
  for (const k of unknown) keys.delete(k);
  return [...keys];
}

/**
 * Where in a file, named by what is printed rather than by array index: measures[3].unit → 指標「loan-mediations」.unit,
 * slots[2] → 枠「v2-long-1」, and in a progress table 柱「Ⅰ」施策「Ⅰ-ⅰ」指標「1-①」.unit (in the plan's own words).
 */
function formatPath(segments: (string | number)[], doc: Document, rowNames: RowNames): string {
  let out = '';
  for (let i = 0; i < segments.length; i += 1) {
    const s = segments[i]!;
    const next = segments[i + 1];
    const row = typeof next === 'number' ? rowNames[String(s)] : undefined;
    const name = row ? row.name((key) => doc.getIn([...segments.slice(0, i + 2), key])) : undefined;
    if (row && name !== undefined) {
      out += `${row.label}「${name}」`;
      i += 1;
    } else out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  }
  return out;
}
