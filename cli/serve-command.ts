// `lei serve [--port 8080] [--config <plan>] [--dir <run>]`: previews the dashboard of the plan's latest run (pipeline.yaml's
// out) on 127.0.0.1. The site
// needs no server (it opens from file://); this one only saves finding the file. Ctrl-C or SIGTERM stops it cleanly.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UserError } from '../lib/user-error.ts';
import type { CommandContext } from './main.ts';
import { messages, type Lang } from './messages.ts';
import { planRunFolder } from './plan-run-folder.ts';
import { RUN_DEFAULTS } from './run-location-options.ts';

const TEXT = {
  ja: {
    cmd: 'ダッシュボード（計画の最新の実行の site）を 127.0.0.1 で表示する（Ctrl-C で停止）',
    optPort: 'ポート番号',
    optDir: '実行フォルダ（既定は計画の pipeline.yaml の out の latest）',
    badPort: (p: string) => `ポート番号「${p}」は 1〜65535 の整数で指定してください`,
    noSite: (dir: string) => `${dir} にダッシュボード（site/）がありません。先に lei run を実行してください`,
    inUse: (port: number) => `ポート ${port} は使用中です。--port で別の番号を指定してください`,
    listening: (url: string) => `ダッシュボードを表示しています: ${url}（Ctrl-C で停止）`,
    stopped: '停止しました',
  },
  en: {
    cmd: 'Preview the dashboard (site of the plan’s latest run) on 127.0.0.1 (Ctrl-C stops it)',
    optPort: 'port',
    optDir: 'run folder (default: latest in out of the plan’s pipeline.yaml)',
    badPort: (p: string) => `Port "${p}" must be an integer from 1 to 65535`,
    noSite: (dir: string) => `${dir} has no dashboard (site/). Run lei run first`,
    inUse: (port: number) => `Port ${port} is in use. Choose another with --port`,
    listening: (url: string) => `Serving the dashboard at ${url} (Ctrl-C to stop)`,
    stopped: 'Stopped',
  },
} as const;

export function registerServeCommand(program: Command, lang: Lang, context: Pick<CommandContext, 'print'>): void {
  const t = TEXT[lang];
  const ja = TEXT.ja;
  const en = TEXT.en;
  program
    .command('serve')
    .description(t.cmd)
    .addOption(new Option('--port <port>', t.optPort).default('8080'))
    .addOption(new Option('--config <dir>', messages(lang).optConfig).default(RUN_DEFAULTS.config))
    .addOption(new Option('--dir <dir>', t.optDir))
    .helpOption('-h, --help', messages(lang).optHelp)
    .action(async (opts: { port: string; config: string; dir?: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UserError(ja.badPort(opts.port), en.badPort(opts.port));
      const dir = await planRunFolder(opts.config, opts.dir, '--dir');
      const root = await realpath(dir).catch(() => '');
      if (root === '' || !(await stat(path.join(root, 'site', 'index.html')).catch(() => null))) throw new UserError(ja.noSite(dir), en.noSite(dir));
      // node:http is loaded only here: every other command starts without it (~5 ms).
      const server = (await import('./serve-run-folder.ts')).serveRunFolder(root);
      await new Promise<void>((resolve, reject) => {
        server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new UserError(ja.inUse(port), en.inUse(port)) : e));
        server.listen(port, '127.0.0.1', resolve);
      });
      context.print(t.listening(`http://127.0.0.1:${port}/site/index.html`));
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop).off('SIGTERM', stop);
          server.close(() => resolve());
          server.closeAllConnections();
        };
        process.on('SIGINT', stop).on('SIGTERM', stop);
      });
      context.print(t.stopped);
    });
}
