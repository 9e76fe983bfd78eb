// A family's files arrived but its plan has no layout config for them: every file is rejected with the same message.
import { issueOf } from './issue-catalog.ts';
import type { Issue } from './issues.ts';
import type { Observation } from './observation.ts';

export function missingSourceConfig(
  code: 'resas-no-config' | 'pay-no-config' | 'kosha-no-config' | 'industry-survey-no-config',
  whatJa: string,
  family: string,
  files: readonly { name: string }[],
): { observations: Observation[]; issues: Issue[] } {
  return { observations: [], issues: files.map((f) => issueOf(code, { what: whatJa, family }, { file: f.name })) };
}
