// `lei init <name>`: a new plan folder with commented examples (plan.yaml, progress.yaml, pipeline.yaml), ready
// for the analyst to fill in and check with `lei check-config`. Never overwrites an existing folder.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { repoRoot } from '../lib/repo-root.ts';
import { UserError } from '../lib/user-error.ts';
import type { CommandContext } from './main.ts';
import type { Lang } from './messages.ts';

const SCAFFOLD = path.join(repoRoot, 'cli', 'plan-scaffold');

const text = {
  ja: {
    cmd: '新しい計画の設定フォルダを例つきで作る（config/<名前>/）。続けて check-config で足りないところを確認する',
    optInto: '作るフォルダ（既定: config/<名前>）',
    badName: (n: string) => `計画の名前「${n}」は使えません。英小文字・数字・ハイフンで指定してください（例: minami）`,
    exists: (d: string) => `フォルダ ${d} はすでにあります。上書きしません。別の名前か --into を指定してください`,
    done: (d: string, files: string[]) =>
      [
        `計画フォルダを作りました: ${d}（${files.join('、')}）`,
        '次の手順:',
        `  1. ${d}/plan.yaml と progress.yaml の空欄（""）と例の行を、計画の表のとおりに書き換える（docs/config.md）`,
        `  2. npx lei check-config --config ${d}   … 足りないところを1つずつ示します`,
        `  3. npx lei template --config ${d} --year 2024 --output 手入力.xlsx   … 手入力ワークブックを作る`,
        `  4. 入力したブックを受信箱の manual-entry/ に置き、npx lei run --config ${d}`,
      ].join('\n'),
  },
  en: {
    cmd: 'create a new plan config folder with commented examples (config/<name>/); then run check-config',
    optInto: 'folder to create (default: config/<name>)',
    badName: (n: string) => `Cannot use plan name "${n}": use lowercase letters, digits and hyphens (e.g. minami)`,
    exists: (d: string) => `Folder ${d} already exists; not overwriting. Choose another name or --into`,
    done: (d: string, files: string[]) =>
      [
        `Plan folder created: ${d} (${files.join(', ')})`,
        `Next: fill in ${d}/plan.yaml and progress.yaml (docs/config.md), then npx lei check-config --config ${d}`,
      ].join('\n'),
  },
};

export function registerInitCommand(program: Command, lang: Lang, context: Pick<CommandContext, 'print'>): void {
  const t = text[lang];
  program
    .command('init <name>')
    .description(t.cmd)
    .option('--into <dir>', t.optInto)
    .action(async (name: string, opts: { into?: string }) => {
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) throw new UserError(text.ja.badName(name), text.en.badName(name));
      const dir = opts.into ?? path.join('config', name);
      const made = await mkdir(dir, { recursive: true });
      if (made === undefined && (await readdir(dir)).length > 0) throw new UserError(text.ja.exists(dir), text.en.exists(dir));
      const files = (await readdir(SCAFFOLD)).filter((f) => f.endsWith('.yaml')).sort();
      for (const f of files) {
        const scaffold = await readFile(path.join(SCAFFOLD, f), 'utf8');
        await writeFile(path.join(dir, f), scaffold.replaceAll('{{name}}', name).replaceAll('{{dir}}', dir), { flag: 'wx' });
      }
      context.print(t.done(dir, files));
    });
}
