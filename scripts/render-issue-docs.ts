// docs/issues.md from lib/issue-catalog.ts: every code a user can see, in one place.
// Written by `npm run docs`; tests/issue-catalog.test.ts fails when it is out of date.
import { issueCatalogAreas, type IssueSpec } from '../lib/issue-catalog.ts';
import { contractConsequenceJa } from '../lib/issue-catalog/contracts.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|');
const variants = (template: IssueSpec['ja']) =>
  typeof template === 'string'
    ? cell(template)
    : Object.entries(template)
        .map(([variant, text]) => `*${variant}*: ${cell(text)}`)
        .join('<br>');
const severity = (s: IssueSpec['severity']) => (typeof s === 'string' ? s : s.join(' / '));

export function renderIssueDocs(): string {
  const parts = [
    '# 問題のコード一覧 / Issue codes',
    '',
    '<!-- Generated from lib/issue-catalog.ts by `npm run docs`. Do not edit by hand. -->',
    '',
    '実行で見つかった問題は `issues.csv`（列 `code`・`severity`・`message`・場所・元の値）に、設定ファイルの誤りは実行を止めて',
    'ファイル・行・パスとともに表示される。コードは英語の kebab-case で、版が変わっても変えない。メッセージの `{file}` のような',
    '部分には、実際のファイル名・値などが入る。*斜体* は同じコードの言い分け（状況によって文面が違う）。',
    '',
    'Problems found in a run go to `issues.csv` (columns `code`, `severity`, `message`, place, raw value); config problems stop the',
    'run and are listed with file, line and path. Codes are stable English kebab-case; `{name}` parts of a message are filled with',
    'the actual file, value and so on; *italic* names a wording of the same code for a particular case.',
    '',
    'データ規則（[data-contracts.md](data-contracts.md)）の重大度は contracts.yaml で error / warning を選べ、メッセージの最後の',
    `\`{consequence}\` は error なら「${contractConsequenceJa.error}」、warning なら「${contractConsequenceJa.warning}」になる。`,
    'A data contract (see [data-contracts.md](data-contracts.md)) is an error or a warning as contracts.yaml sets it; its',
    '`{consequence}` says whether the value is withheld (error) or published (warning).',
    '',
  ];
  for (const area of issueCatalogAreas) {
    parts.push(`## ${area.titleJa} / ${area.titleEn}`, '', '| コード / Code | 重大度 | メッセージ | Message | 対処 / What to do |', '|---|---|---|---|---|');
    for (const [code, spec] of Object.entries(area.specs) as [string, IssueSpec][]) {
      parts.push(
        `| \`${code}\` | ${severity(spec.severity)} | ${variants(spec.ja)} | ${variants(spec.en)} | ${cell(spec.whatToDoJa)}<br>${cell(spec.whatToDoEn)} |`,
      );
    }
    parts.push('');
  }
  return parts.join('\n');
}
