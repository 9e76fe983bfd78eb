// An analyst's slips in a new municipality's config (tests/fixtures/catalog-minami, set up from docs/config.md alone), one
// at a time: each stops check-config with the file, the line, the value and what to do, in Japanese. Settings the plan
// cannot mean (a period that ends before it starts, a target for a year the plan does not cover) are among them: they
// used to pass and give a run with figures silently dropped.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadCatalog } from '../config/load-catalog.ts';
import { copyConfig, repoRoot } from './helpers.ts';

const minamiConfig = path.join(repoRoot, 'tests', 'fixtures', 'catalog-minami');

interface Slip {
  name: string;
  file: string;
  from: string;
  to: string;
  /** Where in `to` the reported line is (default: its start). */
  at?: string;
  /** Only the problem of this code is checked (a slip that also breaks references elsewhere). */
  code?: string;
  /** Each in the printed `path: message`. */
  says: string[];
  never?: string[];
}

/** The one problem a slip gives (of `code`, when given), its line expected where the slip is, and the whole error's text. */
async function refused(slip: Slip) {
  const config = await copyConfig(minamiConfig);
  const file = path.join(config, slip.file);
  const before = await readFile(file, 'utf8');
  const offset = before.indexOf(slip.from);
  if (offset < 0) throw new Error(`test setup: ${slip.from} is not in ${slip.file}`);
  const after = before.slice(0, offset) + slip.to + before.slice(offset + slip.from.length);
  await writeFile(file, after);
  const line = after.slice(0, offset + (slip.at ? slip.to.indexOf(slip.at) : 0)).split('\n').length;
  const error = await loadCatalog(config).then(
    () => undefined,
    (e: unknown) => (e instanceof ConfigError ? e : Promise.reject(e)),
  );
  const problems = (error?.problems ?? []).filter((p) => slip.code === undefined || p.code === slip.code);
  return { file, line, problems, text: error?.message ?? '' };
}

const slips: Slip[] = [
  // Settings the plan cannot mean.
  { name: 'a period that ends before it starts', file: 'plan.yaml', from: 'end: 2029 }', to: 'end: 2024 }', says: ['period.end:', 'start ≤ end', '値: 2024'] },
  {
    name: 'a baseline year after the period',
    file: 'plan.yaml',
    from: 'baselineFiscalYear: 2023',
    to: 'baselineFiscalYear: 2030',
    says: ['baselineFiscalYear:', '基準年度 2030（令和12年度）', '計画期間の終わり以前の年度にしてください'],
  },
  {
    name: 'an action-plan line of a vision the plan lacks',
    file: 'action-plan.yaml',
    from: 'section: "3-1"\n    vision: 3',
    to: 'section: "3-1"\n    vision: 4',
    at: 'vision: 4',
    says: ['行「m3-1-hires」.vision:', '目指す姿 4 は plan.yaml の visions にありません（1・2・3）'],
  },
  {
    name: 'an action-plan line whose section is another vision’s',
    file: 'action-plan.yaml',
    from: 'section: "3-1"\n    vision: 3',
    to: 'section: "1-1"\n    vision: 3',
    says: ['行「m3-1-hires」.section:', '方針「1-1」は sections.yaml で目指す姿 1 の方針ですが、この行は vision: 3 です', 'vision か section を直してください'],
  },
  {
    name: 'a slot target for a year outside the plan',
    file: 'slots.yaml',
    from: '"2029": 550000',
    to: '"2035": 550000',
    says: ['枠「v1-outcome-3」.targets.2035:', '目標の年度 2035（令和17年度）は計画期間（2025〜2029年度', 'milestones'],
  },
  {
    name: 'an action-plan target for a year outside the plan',
    file: 'action-plan.yaml',
    from: '"2029": 50 }',
    to: '"2029": 50, "2031": 60 }',
    says: ['行「m2-1-seminar」.targets.2031:', '目標の年度 2031（令和13年度）', 'このままでは目標が出力に出ません'],
  },
  {
    name: 'a progress target byYear outside the plan',
    file: 'progress.yaml',
    from: 'target: { value: 550000 }',
    to: 'target: { value: 550000, byYear: { "2040": 600000 } }',
    says: ['指標「①（観光-1）」.target.byYear.2040:', '目標の年度 2040'],
  },
  {
    name: 'a revision decided after its target’s year',
    file: 'progress.yaml',
    from: 'revisedInFiscalYear: 2027',
    to: 'revisedInFiscalYear: 2035',
    says: ['指標「②（商業-2）」.target.revisions[0].revisedInFiscalYear:', '改定の年度 2035', '目標の年度（2029年度）', '改定を決めた年度を書いてください'],
  },
  {
    name: 'a target year column outside the plan',
    file: 'progress.yaml',
    from: 'fiscalYear: 2029, kind: target',
    to: 'fiscalYear: 2031, kind: target',
    says: ['年度の列「目標値」.fiscalYear:', '目標の年度 2031'],
  },
  // Numbers and years written as a person would on paper.
  {
    name: 'a year key in full-width digits',
    file: 'slots.yaml',
    from: '"2029": 8.0',
    to: '"２０２９": 8.0',
    says: ['キー「２０２９」: 年度は西暦4桁の半角数字で書いてください（例: 2029）', '2029 と書きます'],
    never: ['record'],
  },
  {
    name: 'an era year as a key',
    file: 'action-plan.yaml',
    from: '"2025": 40',
    to: '令和7: 40',
    says: ['キー「令和7」: 年度は西暦4桁の半角数字で書いてください（例: 2029）', '「令和7」は 2025 と書きます'],
  },
  {
    name: 'a number with a comma in a flow map',
    file: 'progress.yaml',
    from: 'target: { value: 550000 }',
    to: 'target: { value: 550,000 }',
    at: '550',
    says: ['数値にカンマは書けません（550000 と書いてください）'],
    never: ['不明なキー'],
  },
  {
    name: 'a number with commas among a slot’s targets by year',
    file: 'slots.yaml',
    from: '"2029": 550000',
    to: '"2029": 550,000',
    says: ['枠「v1-outcome-3」.targets.2029: 数値にカンマは書けません（550000 と書いてください）'],
    never: ['年度は西暦'],
  },
  {
    name: 'a number with commas written in block style',
    file: 'progress.yaml',
    from: 'target: { value: 550000 }',
    to: 'target:\n              value: 550,000',
    at: 'value',
    says: ['指標「①（観光-1）」.target.value: 数値にカンマは書けません（550000 と書いてください）', '値: "550,000"'],
  },
  {
    name: 'a year in full-width digits inside a target’s revisions',
    file: 'progress.yaml',
    from: 'revisedInFiscalYear: 2027',
    to: 'revisedInFiscalYear: ２０２７',
    says: ['.target.revisions[0].revisedInFiscalYear:', '数値は半角の数字で書いてください（2027 と書いてください）', '値: "２０２７"'],
    never: ['次のどれかの形'],
  },
  {
    name: 'a percentage written with its sign',
    file: 'progress.yaml',
    from: 'target: { value: 8.0 }',
    to: 'target: { value: 8.0% }',
    says: ['.target.value:', '単位や % は書きません（8.0 と書いてください）'],
  },
  {
    name: 'a section written as printed, not as its id',
    file: 'action-plan.yaml',
    from: 'section: "2-1"',
    to: 'section: "(1)"',
    says: ['行「m2-1-seminar」.section:', '方針は「目指す姿の番号-方針の番号」を半角数字とハイフンで書いてください（例: "2-1"）', '値: "(1)"'],
    never: ['パターン'],
  },
  // YAML syntax, in Japanese with the line, a hint and the library's text as the detail.
  {
    name: 'a key indented wrongly',
    file: 'progress.yaml',
    from: '            tier: 成果指標\n            unit: 人',
    to: '            tier: 成果指標\n          unit: 人',
    at: 'unit: 人',
    says: ['YAMLとして読めません', '字下げがそろっていません', '半角スペース', '原文: All mapping items must start at the same column'],
  },
  {
    name: 'a tab as indentation',
    file: 'plan.yaml',
    from: '  nameJa: 南町',
    to: '\tnameJa: 南町',
    says: ['タブで字下げされています。字下げは半角スペースで書いてください', '原文: Tabs are not allowed as indentation'],
  },
  {
    name: 'a value starting with %',
    file: 'progress.yaml',
    from: 'unit: "%"',
    to: 'unit: %',
    says: ['値が「%」で始まっています', '引用符で囲んでください（例: unit: "%"）', '原文: Plain value cannot start with directive indicator character %'],
  },
  // Checks across the files: each with its line.
  { name: 'a duplicate progress id', file: 'progress.yaml', from: 'id: 観光-1', to: 'id: 商業-1', says: ['.id:', 'ID「商業-1」が重複しています'] },
  {
    name: 'a duplicate action-plan line id',
    file: 'action-plan.yaml',
    from: 'id: m3-1-hires',
    to: 'id: m2-1-seminar',
    says: ['行「m2-1-seminar」.id:', '行ID「m2-1-seminar」が重複しています'],
  },
  {
    name: 'a duplicate measure id',
    file: 'measures.yaml',
    from: 'id: visitors',
    to: 'id: vacancy-rate',
    code: 'config-duplicate-measure-id',
    says: ['指標「vacancy-rate」.id:', '指標ID「vacancy-rate」が重複しています'],
  },
  {
    name: 'an undeclared status label',
    file: 'progress.yaml',
    from: 'target: { status: 完了 }',
    to: 'target: { status: 済 }',
    says: ['.target.status:', '目標「済」は plan.yaml の statuses にありません（完了・実施中・未着手・対象外）'],
  },
  {
    name: 'an unknown tier',
    file: 'progress.yaml',
    from: 'tier: 取組指標\n            unit: ―',
    to: 'tier: 取り組み指標\n            unit: ―',
    says: ['指標「③」.tier:', '区分「取り組み指標」は plan.yaml の tiers にありません（成果指標・取組指標）。「取組指標」のことですか？'],
  },
  {
    name: 'an unknown section',
    file: 'action-plan.yaml',
    from: 'section: "3-1"',
    to: 'section: "3-2"',
    says: ['行「m3-1-hires」.section:', '方針「3-2」は sections.yaml にありません（1-1・1-2・2-1・3-1）'],
  },
  {
    name: 'a section of a vision the plan lacks',
    file: 'sections.yaml',
    from: '{ id: "3-1", vision: 3',
    to: '{ id: "3-1", vision: 5',
    says: ['方針「3-1」.vision: 目指す姿 5 は plan.yaml の visions にありません（1・2・3）'],
  },
  {
    name: 'a section listed twice',
    file: 'sections.yaml',
    from: '{ id: "3-1", vision: 3',
    to: '{ id: "2-1", vision: 3',
    code: 'config-duplicate-section-id',
    says: ['方針「2-1」.id: 方針「2-1」が sections.yaml に2回書かれています'],
  },
  {
    name: 'a grade rule with both against and status',
    file: 'progress.yaml',
    from: 'status: met }',
    to: 'status: met, against: target }',
    says: ['grading.評価「◎」: 評価の規則には'],
  },
];

describe('a slip in a new municipality’s config is named with its file, line, value and what to do', () => {
  it.each(slips)('$name', async (slip) => {
    const { file, line, problems, text } = await refused(slip);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect([problem!.file, problem!.line]).toEqual([file, line]);
    const said = `${problem!.path}: ${problem!.message}`;
    for (const s of slip.says) expect(said).toContain(s);
    for (const s of slip.never ?? []) expect(said).not.toContain(s);
    // As check-config prints it: file:line, then the place and the message.
    expect(text).toContain(`${file}:${line} ${problem!.path || '(ファイル全体)'}: ${problem!.message}`);
  });

  it('passes the plan as written', async () => {
    expect((await loadCatalog(minamiConfig)).plan.id).toBe('minami-sangyo-shinko-r7');
  });
});
