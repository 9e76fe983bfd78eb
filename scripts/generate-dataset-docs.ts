// Writes docs/datasets.md from lib/datasets.ts (and docs/data-contracts.md, docs/issues.md from their catalogs), so the documentation is the code's own.
// `npm run docs` rewrites it; tests/dataset-docs.test.ts fails when it is out of date.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasets } from '../lib/datasets.ts';
import { renderContractDocs } from './render-contract-docs.ts';
import { renderIssueDocs } from './render-issue-docs.ts';

export function renderDatasetDocs(): string {
  const parts = [
    '# 出力データセットの列 / Dataset columns',
    '',
    '<!-- Generated from lib/datasets.ts by `npm run docs`. Do not edit by hand. -->',
    '',
    'CSV は UTF-8（BOM 付き）、改行 CRLF、RFC 4180 の引用規則。空欄は値なし（0 ではない）。',
    "`=` `+` `-` `@` で始まる文字列には先頭に `'` を付けて、表計算ソフトが数式として実行しないようにしている。",

    '`{pillar}` `{section}` `{tier}` `{tiers}` `{indicators}` `{actionPlan}` `{actionPlanIndicator}` `{compositeTier}` `{period}` `{periodShort}` は、',
    '出力時に計画の言葉（plan.yaml の `terms`・`tiers`・`period`。例: 目指す姿、方針、行動指標、中長期アウトカム、令和6〜9年度）に置き換わる',
    '（lib/with-plan-words.ts）。',
    '`indicator_progress` は進捗表（progress.yaml）を持つ計画だけが出力する。',
    '',
  ];
  for (const d of datasets) {
    parts.push(`## ${d.name}.csv — ${d.titleJa}`, '', d.descriptionJa, '', '| 列 | 型 | 説明 | Description |', '|---|---|---|---|');
    for (const c of d.columns) {
      const type = c.decimals === undefined ? c.type : `${c.type}（小数${c.decimals}桁固定）`;
      parts.push(`| \`${c.name}\` | ${type} | ${c.descriptionJa} | ${c.descriptionEn} |`);
    }
    parts.push('');
  }
  return parts.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const target = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'datasets.md');
  await writeFile(target, renderDatasetDocs());
  console.log(`wrote ${target}`);
  const contracts = path.join(path.dirname(target), 'data-contracts.md');
  await writeFile(contracts, renderContractDocs());
  console.log(`wrote ${contracts}`);
  const issues = path.join(path.dirname(target), 'issues.md');
  await writeFile(issues, renderIssueDocs());
  console.log(`wrote ${issues}`);
}
