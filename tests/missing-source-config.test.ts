// A family's files in the inbox while the plan has no layout config for that family: each file is rejected, by name.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import { configureFamilies } from '../pipelines/source-families.ts';
import { inboxFileFromBytes } from '../sources/inbox-file.ts';
import { otherCityConfig } from './helpers.ts';

const expected: Record<string, [string, string]> = {
  resas: ['resas-no-config', 'RESAS データの読み方（config の sources/resas.yaml）がありません'],
  kosha: ['kosha-no-config', '公社の記録の読み方（config の sources/kosha.yaml）がありません'],
  'industry-survey': ['industry-survey-no-config', '産業基礎調査の読み方（config の sources/industry-survey.yaml）がありません'],
  'setagaya-pay': ['pay-no-config', 'せたがやPay月次報告の読み方（config の sources/setagaya-pay.yaml）がありません'],
};

describe('a source family without its config', () => {
  it.each(Object.entries(expected))('%s: every file is rejected with the config file to add', async (family, [code, message]) => {
    const catalog = await loadCatalog(otherCityConfig);
    const configured = (await configureFamilies(catalog.dir, catalog)).find((f) => f.family.family === family)!;
    expect(configured.configFile).toBeUndefined();
    const files = ['a.csv', 'b.xlsx'].map((n) => inboxFileFromBytes(`${family}/${n}`, Buffer.from('x'), `/nowhere/${n}`));
    const result = await configured.read(files, catalog);
    expect(result.observations).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.severity, i.location.file])).toEqual(files.map((f) => [code, 'error', f.name]));
    expect(result.issues.every((i) => i.message.startsWith(message) && i.message.endsWith('設定を追加してから再実行してください'))).toBe(true);
  });
});
