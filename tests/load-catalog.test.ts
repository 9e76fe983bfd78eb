import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import { copyConfig, otherCityConfig, problemsOf } from './helpers.ts';

describe('loadCatalog on another municipality’s plan', () => {
  it('expresses a FY2016 baseline, a mid-term year, revised targets, several owners and repeated codes', async () => {
    const catalog = await loadCatalog(otherCityConfig);
    expect(catalog.plan.baselineFiscalYear).toBe(2016);
    expect(catalog.plan.referenceFiscalYear).toBe(2019);
    expect(catalog.plan.milestones.map((m) => m.fiscalYear)).toEqual([2021, 2025]);
    expect(catalog.slots.map((s) => [s.id, s.code])).toEqual([
      ['v1-long-1', '1'],
      ['v1-long-2', '2'],
      ['v2-long-1', '1'],
    ]);
    expect(catalog.measures.get('shopping-street-events')?.owners).toEqual(['産業振興課', '地域振興課']);
    expect(catalog.slots[0]?.targets?.['2025']).toEqual({
      value: 60,
      revisions: [{ value: 50, reasonJa: '感染症の影響で開催規模を縮小', revisedInFiscalYear: 2022, date: '2022-09-30' }],
    });
    expect(catalog.slots[0]?.comments?.['2021']).toBe('感染症対策のため一部オンライン開催');
    expect(catalog.measures.get('vacant-store-rate')?.direction).toBe('lower');
  });

  it('takes the slots’ tiers from the plan’s own list (活動指標, 成果指標), by id or printed label', async () => {
    const dir = await copyConfig(otherCityConfig, {
      file: 'plan.yaml',
      replace: ['owners: [産業振興課]', 'owners: [産業振興課]\ntiers:\n  - { id: activity, labelJa: 活動指標 }\n  - { id: outcome, labelJa: 成果指標 }'],
    });
    const slots = path.join(dir, 'slots.yaml');
    await writeFile(
      slots,
      (await readFile(slots, 'utf8'))
        .replace('tier: long, position: 1, code: "1", measure: shopping', 'tier: 成果指標, position: 1, code: "1", measure: shopping')
        .replaceAll('tier: long', 'tier: activity'),
    );
    const catalog = await loadCatalog(dir);
    expect(catalog.slots.map((s) => [s.id, s.tier])).toEqual([
      ['v1-outcome-1', 'outcome'],
      ['v1-activity-2', 'activity'],
      ['v2-activity-1', 'activity'],
    ]);
    await writeFile(slots, (await readFile(slots, 'utf8')).replace('tier: activity, position: 2', 'tier: long, position: 2'));
    expect(await problemsOf(dir)).toEqual([
      {
        code: 'config-unknown-tier',
        file: slots,
        line: 6,
        path: '枠「v1-long-2」.tier',
        message: '区分「long」は plan.yaml の tiers にありません（活動指標（activity）・成果指標（outcome））',
      },
    ]);
  });

  it('gives a reprint its original line’s targets and total', async () => {
    const catalog = await loadCatalog(otherCityConfig);
    const reprint = catalog.lines.find((l) => l.id === 'p1-1-reprint')!;
    expect(reprint.total).toEqual({ kind: 'sum' });
    expect(reprint.targets['2021']).toBe(45);
  });
});

describe('a broken config stops with the file, line, path and reason', () => {
  it('names an unknown key and suggests the one meant', async () => {
    const dir = await copyConfig(otherCityConfig, { file: 'measures.yaml', replace: ['    unit: 回', '    unti: 回'] });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual({
      code: 'config-unknown-key',
      file: path.join(dir, 'measures.yaml'),
      line: 4,
      path: '指標「shopping-street-events」',
      message: '不明なキー「unti」（「unit」のことですか？）',
    });
    expect(problems).toContainEqual({
      code: 'config-missing-key',
      file: path.join(dir, 'measures.yaml'),
      line: 2,
      path: '指標「shopping-street-events」.unit',
      message: '必須のキー「unit」がありません',
    });
  });

  it('quotes a value of the wrong type with its line', async () => {
    const dir = await copyConfig(otherCityConfig, { file: 'measures.yaml', replace: ['    decimals: 1', '    decimals: いち'] });
    const [problem] = await problemsOf(dir);
    expect(problem).toMatchObject({ code: 'config-wrong-type', file: path.join(dir, 'measures.yaml'), line: 13, path: '指標「vacant-store-rate」.decimals' });
    expect(problem!.message).toContain('"いち"');
  });

  it('reports a slot pointing at a measure that does not exist, with a suggestion', async () => {
    const dir = await copyConfig(otherCityConfig, { file: 'slots.yaml', replace: ['measure: manufacturers', 'measure: manufacturer'] });
    const problems = await problemsOf(dir);
    expect(problems).toEqual([
      {
        code: 'config-unknown-measure',
        file: path.join(dir, 'slots.yaml'),
        line: 7,
        path: '枠「v2-long-1」.measure',
        message: '指標ID「manufacturer」は measures*.yaml に定義されていません（「manufacturers」のことですか？）',
      },
    ]);
  });

  it('refuses a reprint that repeats targets, and one that points nowhere', async () => {
    const dir = await copyConfig(otherCityConfig, {
      file: 'action-plan.yaml',
      replace: ['    reprintOf: p1-1', '    reprintOf: p1-9\n    total: { kind: sum }'],
    });
    const messages = (await problemsOf(dir)).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual([
      '行「p1-1-reprint」: 【再掲】の行に targets / total は書けません（元の行から引き継ぎます）',
      '行「p1-1-reprint」.reprintOf: 再掲元の行「p1-9」がありません',
    ]);
  });

  it('reports YAML syntax errors and misspelt file names', async () => {
    const dir = await copyConfig(otherCityConfig, { file: 'plan.yaml', replace: ['titleJa: 港区産業振興プラン', 'titleJa: [港区'] });
    await writeFile(path.join(dir, 'measuers.yaml'), 'measures: []\n');
    const problems = await problemsOf(dir);
    expect(problems.map((p) => path.basename(p.file))).toEqual(['measuers.yaml', 'plan.yaml']);
    expect(problems[1]!.message).toMatch(/^YAMLとして読めません/);
    expect(problems[1]!.line).toBeGreaterThan(0);
  });

  it('rejects duplicated measure ids and slot positions', async () => {
    const dir = await copyConfig(otherCityConfig, { file: 'slots.yaml', replace: ['position: 2, code: "2"', 'position: 1, code: "2"'] });
    const problems = await problemsOf(dir);
    expect(problems.map((p) => p.message)).toEqual(['枠「v1-long-1」（目指す姿・区分・番号）が重複しています']);
  });
});
