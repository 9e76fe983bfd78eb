// A config folder that cannot be used, with every problem found. Kept apart from the loaders (zod, yaml) so that code
// which only catches it, like the CLI and an unchanged re-run, does not load them.
import type { ConfigProblem } from './config-problem.ts';

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `設定ファイルに誤りがあります（${problems.length}件）。修正してから再実行してください。\n` +
        problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''} ${p.path || '(ファイル全体)'}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}
