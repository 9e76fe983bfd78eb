// docs/issues.md from lib/issue-catalog.ts and config/contract-rules.ts: every code a user can see, in one place.
// Written by `npm run docs`; tests/issue-catalog.test.ts fails when it is out of date.
import { contractRuleKinds, contractRules } from '../config/contract-rules.ts';
import { issueCatalogAreas, type IssueSpec } from '../lib/issue-catalog.ts';

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
    '<!-- Generated from lib/issue-catalog.ts and config/contract-rules.ts by `npm run docs`. Do not edit by hand. -->',
    '',
    '実行で見つかった問題は `issues.csv`（列 `code`・`severity`・`message`・場所・元の値）に、設定ファイルの誤りは実行を止めて',
    'ファイル・行・パスとともに表示される。コードは英語の kebab-case で、版が変わっても変えない。メッセージの `{file}` のような',
    '部分には、実際のファイル名・値などが入る。*斜体* は同じコードの言い分け（状況によって文面が違う）。',
    '',
    'Problems found in a run go to `issues.csv` (columns `code`, `severity`, `message`, place, raw value); config problems stop the',
    'run and are listed with file, line and path. Codes are stable English kebab-case; `{name}` parts of a message are filled with',
    'the actual file, value and so on; *italic* names a wording of the same code for a particular case.',
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
  parts.push(
    '## データ規則 / Data contracts',
    '',
    '値を公表する前の検査（config/contract-rules.ts）。メッセージは「データ規則「{規則名}」: {何が起きたか}。{対処}。{公表しない・確認が必要}」の形。',
    '重大度は contracts.yaml で error / warning を選べる。詳しくは [data-contracts.md](data-contracts.md)。',
    '',
    'Checks before publication (config/contract-rules.ts); severity error or warning as set in contracts.yaml. See [data-contracts.md](data-contracts.md).',
    '',
    '| コード / Code | 規則 (`rule`) | 内容 | 対処 / What to do |',
    '|---|---|---|---|',
  );
  for (const kind of contractRuleKinds) {
    const r = contractRules[kind];
    parts.push(`| \`${r.code}\` | \`${kind}\` | **${cell(r.titleJa)}**: ${cell(r.checksJa)} | ${cell(r.whatToDoJa)} |`);
  }
  parts.push('');
  return parts.join('\n');
}
