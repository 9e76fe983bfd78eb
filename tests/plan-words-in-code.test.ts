// The code speaks no plan's words: what a pillar, a tier or the report is called, and the plan's years, come from
// config (plan.yaml terms, tiers, period). Comments may cite the seeds; code and messages may not.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from './helpers.ts';

const FOLDERS = ['transforms', 'outputs', 'pipelines', 'cli', 'lib'];
/** Config problems name the logic-model schema's own fields (slots.yaml's vision and tier), as config/ does. */
const CONFIG_MESSAGES = path.join('lib', 'issue-catalog', 'config.ts');
/** Setagaya's names and example indicators, its plan's parts (アクションプラン, the shared 8・9 table) and its plan years (令和6〜9年度, R6〜R9, R6-R9). */
const PLAN_WORDS =
  /世田谷|区内倒産事業者数|config\/setagaya|目指す姿|ソーシャルインパクト|検証部会|アクションプラン|8・9|行動指標|短期アウトカム|中長期アウトカム|令和\d+〜\d+年度|R\d+〜R?\d+|R\d+-R\d+/;

/** Source lines without comments: whole-line comments and a trailing `// …`. */
function codeLines(text: string): { line: number; code: string }[] {
  return text
    .split('\n')
    .map((code, i) => ({ line: i + 1, code: code.replace(/\s\/\/\s.*$/, '') }))
    .filter(({ code }) => !/^\s*(\/\/|\*|\/\*)/.test(code));
}

it('no Setagaya-specific word or year range in transforms/, outputs/, pipelines/, cli/, lib/ outside comments', async () => {
  const found: string[] = [];
  for (const folder of FOLDERS) {
    for (const name of await readdir(path.join(repoRoot, folder), { recursive: true })) {
      if (!name.endsWith('.ts')) continue;
      const file = path.join(folder, name);
      if (file === CONFIG_MESSAGES) continue;
      for (const { line, code } of codeLines(await readFile(path.join(repoRoot, file), 'utf8'))) {
        if (PLAN_WORDS.test(code)) found.push(`${file}:${line}: ${code.trim()}`);
      }
    }
  }
  expect(found).toEqual([]);
});
