// One catalog of issue codes (lib/issue-catalog.ts): every code the code can report is declared there, every declared
// code is reported somewhere, docs/issues.md is generated from it, and messages are filled from named parameters.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readConfigFile } from '../config/read-config-file.ts';
import type { ConfigProblem } from '../config/config-problem.ts';
import { contractIssue, issueCatalog, issueMessageEn, issueOf } from '../lib/issue-catalog.ts';
import { renderIssueDocs } from '../scripts/render-issue-docs.ts';
import { industrySurveyConfigSchema } from '../sources/industry-survey/industry-survey-config.ts';
import { copyConfig, problemsOf, repoRoot, setagayaConfig } from './helpers.ts';

const FOLDERS = ['sources', 'pipelines', 'transforms', 'outputs', 'lib', 'cli', 'config'];
/** Functions that take an issue code, and the argument it is (kosha-records.ts's `report(fileTally, code, …)`). */
const CODE_TAKERS = new Map([
  ...['issue', 'issueOf', 'contractIssue', 'cellIssue', 'rowIssue', 'missingSourceConfig', 'workbookOpenIssue', 'configProblem', 'configRefinement'].map(
    (f) => [f, 0] as const,
  ),
  ['report', 1],
]);
/** `kosha-${detected.code}`: a family prefix before a decode-text code (lib/decode-text.ts). */
const DECODE_TEXT_CODES = ['text-undecodable', 'text-encoding-not-accepted'];
const CATALOG = path.join('lib', 'issue-catalog');

interface Use {
  code: string;
  at: string;
}

/** Issue codes written in the code: literals passed to the issue makers, `code: '…'` fields, XlsxReadErrorCode. */
function codesIn(file: string, text: string): Use[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const uses: Use[] = [];
  const at = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const literals = (node: ts.Node) => {
    const visit = (n: ts.Node) => {
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) uses.push({ code: n.text, at: at(n) });
      else if (ts.isTemplateExpression(n)) for (const c of DECODE_TEXT_CODES) uses.push({ code: `${n.head.text}${c}`, at: at(n) });
      // Parameters and locations are not codes.
      if (ts.isObjectLiteralExpression(n) || ts.isCallExpression(n)) return;
      ts.forEachChild(n, visit);
    };
    visit(node);
  };
  const calleeName = (e: ts.Expression) => (ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : '');
  const visit = (n: ts.Node, inZodRefinement: boolean) => {
    const argument = ts.isCallExpression(n) ? n.arguments[CODE_TAKERS.get(calleeName(n.expression)) ?? -1] : undefined;
    if (argument) literals(argument);
    // `code: '…'` of an issue or a withheld value; a group code such as 'unknown' has no hyphen.
    if (ts.isPropertyAssignment(n) && n.name.getText(source) === 'code' && !inZodRefinement) {
      const before = uses.length;
      literals(n.initializer);
      uses.splice(before, uses.length - before, ...uses.slice(before).filter((u) => u.code.includes('-')));
    }
    if (ts.isTypeAliasDeclaration(n) && n.name.text === 'XlsxReadErrorCode') literals(n.type);
    const zod = inZodRefinement || (ts.isCallExpression(n) && calleeName(n.expression) === 'addIssue');
    ts.forEachChild(n, (c) => visit(c, zod));
  };
  visit(source, false);
  return uses;
}

async function codesInTheCode(): Promise<Use[]> {
  const uses: Use[] = [];
  for (const folder of FOLDERS) {
    for (const name of await readdir(path.join(repoRoot, folder), { recursive: true })) {
      const file = path.join(folder, name);
      if (!name.endsWith('.ts') || file.startsWith(CATALOG)) continue;
      uses.push(...codesIn(file, await readFile(path.join(repoRoot, file), 'utf8')));
    }
  }
  return uses;
}

describe('the issue catalog', () => {
  it('declares every issue code the code reports, the data contracts’ included', async () => {
    const undeclared = (await codesInTheCode()).filter((u) => !(u.code in issueCatalog));
    expect(undeclared.map((u) => `${u.at}: ${u.code}`)).toEqual([]);
  });

  it('declares no code that the code never reports', async () => {
    const used = new Set((await codesInTheCode()).map((u) => u.code));
    expect(Object.keys(issueCatalog).filter((code) => !used.has(code))).toEqual([]);
  });

  it('docs/issues.md lists every code with its messages (run `npm run docs` after changing the catalog)', async () => {
    const docs = await readFile(path.join(repoRoot, 'docs', 'issues.md'), 'utf8');
    expect(docs).toBe(renderIssueDocs());
    for (const code of Object.keys(issueCatalog)) expect(docs).toContain(`| \`${code}\` |`);
  });

  it('fills named parameters, in Japanese for the issue and in English on request', () => {
    const made = issueOf('manual-entry-not-a-number', { measure: 'メルマガ配信数', fiscalYear: '令和6年度', raw: '12件' }, { file: 'm.xlsx', row: 4 }, '12件');
    expect(made).toEqual({
      code: 'manual-entry-not-a-number',
      severity: 'error',
      message:
        'メルマガ配信数（令和6年度）の値「12件」は数値ではありません。単位や文字を除いた数値（例: 1952 や 53.2）を入力してください。この行は読み込みません',
      location: { file: 'm.xlsx', row: 4 },
      raw: '12件',
    });
    expect(issueMessageEn('resas-unit-unknown', { variant: 'missing', exportKey: 'flows' })).toBe(
      'Neither the headers nor the notes (単位：百万円 etc.) give a unit. Write it as exports.flows.unit in resas.yaml. This file is not read',
    );
    expect(issueOf('kosha-bad-date', { variant: 'empty', dateColumn: '相談日' }, {}, undefined, 'info').severity).toBe('info');
  });

  it('words a broken data contract from the catalog, at the severity contracts.yaml gives the rule', () => {
    const params = { measure: '区内事業所数', fiscalYear: '令和6年度', value: 12.5, unit: '件' };
    const withheld = contractIssue('contract-not-integer', params, 'error', { file: 'm.xlsx', row: 4 }, 12.5);
    expect(withheld).toEqual({
      issue: {
        code: 'contract-not-integer',
        severity: 'error',
        message:
          'データ規則「整数でない件数」: 区内事業所数（令和6年度）の値 12.5が整数ではありません（単位 件）。件数は整数で入力してください（小数点や単位の打ち間違いがないか確かめてください）。この値は公表しません',
        location: { file: 'm.xlsx', row: 4 },
        raw: '12.5',
      },
      findingJa: '区内事業所数（令和6年度）の値 12.5が整数ではありません（単位 件）',
    });
    const published = contractIssue('contract-not-integer', params, 'warning', {}).issue;
    expect([published.severity, published.message.split('。').at(-1)]).toEqual(['warning', '値は公表しています']);
  });

  it('takes exactly the parameters its template names (the compiler refuses the rest; a missing one stays visible)', () => {
    // @ts-expect-error fiscalYear is missing
    expect(issueOf('manual-entry-not-a-number', { raw: '12件', measure: 'メルマガ配信数' }).message).toMatch(/^メルマガ配信数（\{fiscalYear\}）の値「12件」/);
    // @ts-expect-error unit is not a parameter of the message
    expect(issueOf('manual-entry-not-a-number', { raw: '12件', measure: 'M', fiscalYear: 'R6', unit: '件' }).message).toMatch(
      /^M（R6）の値「12件」は数値ではありません。/,
    );
    // @ts-expect-error the wording "missing" names exportKey, not unit
    expect(issueMessageEn('resas-unit-unknown', { variant: 'missing', unit: '百万円' })).toContain('exports.{exportKey}.unit');
    const unknownCode = () =>
      // @ts-expect-error not a code of the catalog
      issueOf('manual-entry-typo', {});
    expect(unknownCode).toThrow();
  });

  it('gives a config problem found by a schema refinement its catalog code', async () => {
    const dir = await copyConfig(setagayaConfig, { file: 'composite.yaml', replace: ['  cap: { lo: 50, hi: 200 }', '  cap: { lo: 120, hi: 200 }'] });
    expect((await problemsOf(dir)).map((p) => p.code)).toContain('config-composite-cap-range');
  });

  it('gives the industry survey config’s refinements their own codes, with the message word for word', async () => {
    const dir = await copyConfig(setagayaConfig, {
      file: path.join('sources', 'industry-survey.yaml'),
      replace: ['framePattern: "^(?<year>', 'framePattern: "^(?<yr>'],
    });
    const problems: ConfigProblem[] = [];
    expect(await readConfigFile(path.join(dir, 'sources', 'industry-survey.yaml'), industrySurveyConfigSchema, problems)).toBeUndefined();
    expect(problems.map((p) => [p.code, p.path])).toEqual([['config-survey-pattern-group-missing', 'files.framePattern']]);
    expect(problems[0]!.message).toMatch(/^名前付きグループ \(\?<year>…\) が必要です 値: "\^\(\?<yr>R/);
  });
});
