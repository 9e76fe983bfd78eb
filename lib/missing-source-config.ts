// A family's files arrived but its plan has no layout config for them: every file is rejected with the same message.
import { issue, type Issue } from './issues.ts';
import type { Observation } from './observation.ts';

export function missingSourceConfig(
  code: string,
  whatJa: string,
  family: string,
  files: readonly { name: string }[],
): { observations: Observation[]; issues: Issue[] } {
  const message = `${whatJa}の読み方（config の sources/${family}.yaml）がありません。設定を追加してから再実行してください`;
  return { observations: [], issues: files.map((f) => issue(code, 'error', message, { file: f.name })) };
}
