// Text of `lei reprocess` in Japanese (default) and English (--lang en). Issue messages stay Japanese.
import type { Lang } from './messages.ts';

const ja = {
  cmd: '調査の1年度分（波）を再処理する: 再送されたファイルを検証し、変わる公表値（旧 → 新）を示して、出力し直す',
  optSource: '再処理するソース',
  optYear: '調査の年度（例: 2024、R6、令和6年度）',
  optDryRun: '変わる値を示すだけで、何も書き込まない',
  title: (label: string, dryRun: boolean) => `産業基礎調査 ${label} の再処理${dryRun ? '（確認のみ: 何も書き込みません）' : ''}`,
  files: 'ファイル:',
  status: { active: '使用', superseded: '置換済（保存）', rejected: '不採用', unreadable: '読めない' } as Record<string, string>,
  wave: (status: string, file: string, version: number, respondents: number | null, errors: number, warnings: number) =>
    `  [${status}] ${file}（版 ${version}）回答者 ${respondents ?? '—'} 人、エラー ${errors} 件、警告 ${warnings} 件`,
  issues: (e: number, w: number) => `この年度のファイルの問題: エラー ${e} 件、警告 ${w} 件`,
  changes: (n: number, dryRun: boolean) =>
    n === 0 ? `${dryRun ? '変わる' : '変わった'}公表値（指標値）はありません` : `${dryRun ? '変わる' : '変わった'}公表値（指標値）: ${n} 件`,
  change: (name: string, year: string, oldValue: string, newValue: string, oldIndex: string, newIndex: string) =>
    `  ${name} ${year}: ${oldValue} → ${newValue}（指数 ${oldIndex} → ${newIndex}）`,
  breakdowns: (n: number) => `内訳（survey_breakdowns）の変更: ${n} 件`,
  breakdown: (name: string, group: string, oldValue: string, newValue: string, oldN: string, newN: string) =>
    `  ${name} ${group}: ${oldValue} → ${newValue}（n ${oldN} → ${newN}）`,
  suppressed: '秘匿',
  none: '—',
  others: (n: number) => `ほかのソースの値も ${n} 件変わります（前回の実行から受信箱が変わっています）`,
  more: (n: number) => `  …ほか ${n} 件`,
  done: (folder: string) => `出力しました: ${folder}`,
  unchanged: '入力も設定も前回と同じでした',
};

const en: typeof ja = {
  cmd: 're-process one fiscal year of a survey (a wave): check a re-sent file, show the published values that change (old → new), publish',
  optSource: 'source to re-process',
  optYear: 'survey fiscal year (e.g. 2024, R6, 令和6年度)',
  optDryRun: 'only show what would change; write nothing',
  title: (label, dryRun) => `Re-processing the industry survey ${label}${dryRun ? ' (dry run: nothing is written)' : ''}`,
  files: 'Files:',
  status: { active: 'in use', superseded: 'replaced (kept)', rejected: 'rejected', unreadable: 'unreadable' },
  wave: (status, file, version, respondents, errors, warnings) =>
    `  [${status}] ${file} (version ${version}) ${respondents ?? '—'} respondents, ${errors} errors, ${warnings} warnings`,
  issues: (e, w) => `Problems in this year's files: ${e} errors, ${w} warnings`,
  changes: (n, dryRun) =>
    n === 0
      ? `No published indicator value ${dryRun ? 'would change' : 'changed'}`
      : `Published indicator values that ${dryRun ? 'would change' : 'changed'}: ${n}`,
  change: (name, year, oldValue, newValue, oldIndex, newIndex) => `  ${name} ${year}: ${oldValue} → ${newValue} (index ${oldIndex} → ${newIndex})`,
  breakdowns: (n) => `Breakdown cells (survey_breakdowns) changed: ${n}`,
  breakdown: (name, group, oldValue, newValue, oldN, newN) => `  ${name} ${group}: ${oldValue} → ${newValue} (n ${oldN} → ${newN})`,
  suppressed: 'suppressed',
  none: '—',
  others: (n) => `${n} values of other sources change too (the inbox moved on since the last run)`,
  more: (n) => `  … and ${n} more`,
  done: (folder) => `Published: ${folder}`,
  unchanged: 'Inputs and config are the same as last time',
};

export type ReprocessMessages = typeof ja;

export function reprocessMessages(lang: Lang): ReprocessMessages {
  return lang === 'en' ? en : ja;
}
