// A zod issue in a config file as the analyst reads it: the file, the line found through the YAML document, the path
// named by what is printed (指標「loan-mediations」.unit), and the catalog's message with the value found.
import { isMap, isScalar, type Document, type LineCounter, type YAMLMap } from 'yaml';
import { z } from 'zod';
import { parseFiscalYear } from '../lib/fiscal-year.ts';
import { isConfigProblemCode, issueMessageJa, type IssueParams } from '../lib/issue-catalog.ts';
import { YEAR_KEY_MESSAGE } from './catalog-schema.ts';
import { formatConfigPath, lineOf, nodeAt } from './config-place.ts';
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
  // A union (a target: a number, or { value, revisions } …) hides the real cause behind 「無効な入力」: the form the value was
  // written in says which of its problems is the one to report.
  const cause = zi.code === 'invalid_union' ? causeInUnion(zi, node) : undefined;
  if (cause) return describeZodIssue(file, schema, doc, lineCounter, { ...cause, path: [...zi.path, ...cause.path] }, rowNames);
  const absent = segments.length > 0 && doc.getIn(segments, true) === undefined;
  const where = { file, path: '' };
  const own = zi.code === 'custom' ? zi.params?.['configCode'] : undefined;
  let problem: Pick<ConfigProblem, 'code' | 'message'> = { code: isConfigProblemCode(own) ? own : 'config-invalid-value', message: zi.message };
  // The value is quoted after the message, unless the message names what was found itself.
  let quoted = zi.code !== 'unrecognized_keys';
  if (zi.code === 'too_small' && zi.origin === 'string' && zi.minimum === 1) problem = configProblem('config-empty-value', {}, where);
  if (zi.code === 'too_small' && zi.origin === 'array') problem = configProblem('config-empty-list', { minimum: String(zi.minimum) }, where);
  if (zi.code === 'invalid_type' && !absent && EXPECTED_JA[zi.expected]) {
    problem = configProblem('config-wrong-type', { expected: EXPECTED_JA[zi.expected]! }, where);
    const text = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
    const asNumber = zi.expected === 'number' && text !== undefined ? numberWrittenAsText(text, YEAR_FIELD.test(String(segments.at(-1)))) : undefined;
    if (asNumber) problem = configProblem('config-number-text', asNumber, where);
  }
  if (zi.code === 'invalid_key' && zi.issues.some((i) => i.message === YEAR_KEY_MESSAGE)) {
    // A fiscal year written as a key in full-width digits or as an era year (「２０２９」、令和7).
    const key = String(segments.at(-1));
    const year = parseFiscalYear(key);
    problem = configProblem('config-year-key', { key, hint: year === null ? '' : `。「${key}」は ${year} と書きます` }, where);
    quoted = false;
  }
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
  // 550,000 inside { } is read by YAML as two entries, 550 and a key 000: whatever the schema says of it, the comma is the cause.
  const comma = isMap(node) ? commaSplitNumber(node) : undefined;
  let named = segments;
  if (comma) {
    problem = configProblem('config-number-text', { variant: 'comma', number: comma.number }, where);
    // Named by the entry that holds the number (targets.2029), not by the stray key YAML made of its last digits.
    const depth = [...segments.keys(), segments.length].reverse().find((n) => (n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true)) === node);
    named = [...segments.slice(0, depth ?? segments.length), comma.key];
    node = comma.at;
    quoted = false;
  }
  // A problem with a value is followed by the value found, so the user sees what to change.
  const raw = quoted && isScalar(node) ? ` 値: ${JSON.stringify(node.value)}` : '';
  return {
    code: problem.code,
    file,
    line: lineOf(node, lineCounter),
    path: formatConfigPath(named, doc, rowNames),
    message: `${problem.message}${raw}`,
  };
}

/**
 * The issue to report for a value no form of a union accepts: for a map, the problems of the one form whose keys it uses
 * (a full-width digit deep inside { value, revisions }); for text where a number may stand, the number's.
 */
function causeInUnion(zi: z.core.$ZodIssueInvalidUnion, node: unknown): z.core.$ZodIssue | undefined {
  const forms = zi.errors.filter((issues) => issues.length > 0);
  if (isMap(node)) {
    const fitting = forms.filter((issues) => !issues.some((i) => i.code === 'unrecognized_keys' || (i.path.length === 0 && i.code === 'invalid_type')));
    return fitting.length === 1 ? fitting[0]![0] : undefined;
  }
  if (isScalar(node) && typeof node.value === 'string')
    return forms.flat().find((i) => i.path.length === 0 && i.code === 'invalid_type' && i.expected === 'number');
  return undefined;
}

/** The keys that hold a fiscal year (fiscalYear, revisedInFiscalYear, period.start …): an era year there is read as one. */
const YEAR_FIELD = /fiscalyear|^start$|^end$/i;

/** What a number written as text should have been: 550,000 → 550000, ２０２７ → 2027, 令和7 → 2025, 8.0% → 8.0. */
function numberWrittenAsText(text: string, isYear: boolean): IssueParams<'config-number-text'> | undefined {
  const folded = text.normalize('NFKC').trim();
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(folded)) return { variant: 'comma', number: folded.replaceAll(',', '') };
  if (folded !== text.trim() && /^-?\d+(\.\d+)?$/.test(folded)) return { variant: 'fullWidth', number: folded };
  const year = !isYear || /^\d+(\.\d+)?$/.test(folded) ? null : parseFiscalYear(folded);
  if (year !== null) return { variant: 'era', text, number: year };
  const leading = /^(-?\d+(?:\.\d+)?)\s*[^\d\s.,]+$/.exec(folded);
  if (leading) return { variant: 'unit', number: leading[1]! };
  return undefined;
}

/** In a flow map, a number followed by digit-only keys without a value ({ value: 550,000 }): the number meant, and where. */
function commaSplitNumber(map: YAMLMap): { number: string; key: string; at: unknown } | undefined {
  const items = map.items;
  for (let i = 0; i < items.length - 1; i += 1) {
    const { key: first, value } = items[i]!;
    if (!isScalar(first) || !isScalar(value) || typeof value.value !== 'number' || !/^-?\d+$/.test(String(value.source))) continue;
    let number = String(value.source);
    let j = i + 1;
    for (; j < items.length; j += 1) {
      const { key, value: rest } = items[j]!;
      if (!isScalar(key) || rest !== null || !/^\d{3}(\.\d+)?$/.test(String(key.source))) break;
      number += String(key.source);
    }
    if (j > i + 1) return { number, key: String(first.value), at: value };
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
