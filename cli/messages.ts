// CLI text in Japanese (default) and English (--lang en). Issue messages stay Japanese; their codes are English.
import type { ConfigProblem } from '../config/load-catalog.ts';

export type Lang = 'ja' | 'en';

/** One line per problem: file:line path: message (the Japanese form is ConfigError's own message). */
const problemLines = (problems: readonly ConfigProblem[], wholeFile: string) =>
  problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''} ${p.path || wholeFile}: ${p.message}`).join('\n');

const ja = {
  programDescription: '地域経済指標パイプライン（計画の指標表・進捗表を設定だけで）',
  optLang: '表示言語: ja（既定）または en',
  optHelp: 'ヘルプを表示する',
  optVersion: 'バージョンを表示する',
  helpCommand: 'コマンドのヘルプを表示する',
  usage: '[オプション] [コマンド]',
  helpAfterError: '（--help で使い方を表示します）',
  cmdRun: '受信箱のファイルを取り込み、指標表を出力フォルダとデータベースに出力する（メインの処理）',
  optConfig: '計画の設定フォルダ（既定は環境変数 LEI_CONFIG、なければ lei.yaml の config）',
  optInbox: '受信箱フォルダ（既定: 計画の pipeline.yaml の inbox）',
  optOut: '出力フォルダ（各回の出力は runs/ に、最新は latest/、データベースと実行台帳は store.duckdb。既定: pipeline.yaml の out）',
  optStore: '組込みデータベース（DuckDB）のファイル（既定: --out を指定すればその store.duckdb、なければ pipeline.yaml の store）',
  optStatusOut: '出力フォルダ（実行台帳とロックを読む。既定は pipeline.yaml の out）',
  optNoStore: 'データベースに書き込まない',
  optSample: '同梱のサンプル受信箱（sample/inbox、無ければ生成）を使う',
  optJson: '結果をJSONで標準出力に書く',
  optJsonLogs: 'ログを1行1件のJSONで書く（端末でないときは既定でJSON）',
  optFull: '前回から何も変わっていなくても全体を再計算して出力する',
  optWarningsOk: '警告があっても終了コードを 0 にする（既定は 5）',
  optDryRun: '計算だけして、前回の出力（出力フォルダの latest）から変わる値を表示する。何も書き込まない',
  dryRunTitle: (n: number) => `（試行）実行すると変わる指標値: ${n} 件（何も書き込んでいません）`,
  summaryChanges: (n: number, previous: string) => `前回の実行（${previous}）から変わった指標値: ${n} 件`,
  summaryFirstRun: 'この出力フォルダでは初めての実行のため、変わった値の比較はありません',
  summaryUnchanged: (id: string, folder: string) => `前回の実行（${id}）から入力も設定も変わっていません。出力はそのまま: ${folder}`,
  cmdSchedule: '常駐して設定（pipeline.yaml）の予定どおりに実行する（毎晩の差分更新、年度初めの処理）。SIGTERM で実行中の処理を終えてから止まる',
  cmdExplain:
    '公開した値の来歴を表示する: 入力ファイル（sha256）・シート・行・規則・基準値・計算式・公開した実行（対象は slot_id、measure_id、行ID、指標名の一部）',
  cmdBackfill: '過去の年度をまとめて取り込み直す（古い年度のファイルを受信箱に加えてから）。全入力を読み直し、指定した年度で変わる値を表示する',
  optFromYear: '最初の年度（例: 2016、H28）',
  optToYear: '最後の年度（例: 2023、R5）',
  backfillReversed: (from: string, to: string) => `--from（${from}）が --to（${to}）より後の年度です。--from に最初の年度、--to に最後の年度を指定してください`,
  backfillTitle: (from: string, to: string, n: number, dry: boolean) =>
    `${from}〜${to}で${dry ? '（試行）変わる' : '変わった'}指標値: ${n} 件${dry ? '（何も書き込んでいません）' : ''}`,
  cmdReproduce: '過去の実行をアーカイブだけから作り直す（入力と設定を sha256 で取り出して再実行）',
  optInto: '作り直す先のフォルダ（inbox/ config/ out/ を作る）',
  optArchive: 'アーカイブのフォルダ（既定は計画の pipeline.yaml の out の archive）',
  reproduced: (id: string, folder: string) => `実行 ${id} を作り直しました（同じ実行ID）: ${folder}`,
  reproducedDifferent: (id: string, now: string, folder: string) =>
    `実行 ${id} の入力と設定から作り直しましたが、実行IDが ${now} になりました（プログラムの版が違うため）: ${folder}`,
  cmdStatus: '直近の実行、次の予定、実行中かどうか、遅れている入力を表示する',
  jobStarted: (id: string) => `予定「${id}」を開始しました`,
  jobFinished: (id: string, status: string, runId: string) => `予定「${id}」が終わりました: ${status === 'unchanged' ? '変更なし' : '公開'}（実行ID ${runId}）`,
  jobSkipped: (id: string, reason: string) => `予定「${id}」は開始しませんでした: ${reason}`,
  jobFailed: (id: string, error: string) => `予定「${id}」が失敗しました（前回の出力はそのまま）: ${error}`,
  nextRun: (id: string, at: string) => `予定「${id}」の次回: ${at}`,
  stopping: '停止の指示を受けました。実行中の処理があれば終わるのを待ちます（もう一度で即時停止）',
  stopped: '停止しました',
  statusRuns: '直近の実行:',
  statusNoRuns: 'まだ実行記録がありません',
  statusSchedules: '予定:',
  statusNext: '次回',
  statusLocked: (purpose: string, pid: number, since: string) => `実行中: ${purpose}（pid ${pid}、${since} 開始）`,
  statusIdle: '実行中の処理はありません',
  optPublish: 'PostgreSQL に公開する接続先（例: postgres://user@host:5432/db。環境変数 LEI_PUBLISH_URL でも可）',
  optPublishSchema: '公開先のスキーマ名',
  optRunDir: '公開する実行フォルダ',
  optPlanRunDir: '実行フォルダ（既定は計画の pipeline.yaml の out の latest）',
  cmdPublish: '実行結果を PostgreSQL（共有ダッシュボード用）に公開する。1実行1トランザクション、公開済みなら何もしない',
  summaryPostgres: (schema: string, result: string, error: string) =>
    `PostgreSQL（スキーマ ${schema}）: ${
      {
        written: '公開しました',
        repaired: '公開されていなかった最新の実行を公開しました',
        'already-published': '同じ実行IDが公開済みのため変更なし',
        failed: `公開できませんでした（前回の公開はそのまま）: ${error}`,
      }[result] ?? result
    }`,
  cmdTemplate: '手入力ワークブック（.xlsx）を年度ごとに作る',
  optYear: '年度（例: 2024、R6、令和6年度）',
  optOutput: '出力ファイル（既定: 受信箱の manual-entry/手入力_<年度>.xlsx）',
  optTemplateInbox: '受信箱フォルダ（ワークブックはその manual-entry/ に書く）',
  templateExists: (f: string) => `${f} はすでにあります（入力済みかもしれないので上書きしません）。別の場所に作るときは --output を指定してください`,
  optAll: 'ソースから自動で取り込む指標も含め、全指標を載せる',
  cmdSample: '同梱サンプル受信箱を生成する（決定的: 何度作っても同じ内容）',
  cmdCheck: '設定ファイルを検査する（何も読み込まず、誤りの場所を表示）',
  /** A progress-table plan is counted by its table; the logic model's slots and lines only when it has them. */
  configOk: (m: number, s: number, l: number, actionPlan: string, progress?: { table: string; indicators: number }) =>
    `設定に誤りはありません（指標 ${m}${progress && s === 0 ? '' : `、指標枠 ${s}`}${progress && l === 0 ? '' : `、${actionPlan} ${l} 行`}${progress ? `、${progress.table} ${progress.indicators} 指標` : ''}）`,
  badYear: (v: string) => `年度「${v}」を読み取れません。2024、R6、令和6年度 のように指定してください`,
  configErrors: (problems: readonly ConfigProblem[]) =>
    `設定ファイルに誤りがあります（${problems.length}件）。修正してから再実行してください。\n${problemLines(problems, '(ファイル全体)')}`,
  templateWritten: (f: string, n: number) => `手入力ワークブックを書き出しました: ${f}（${n} 指標）`,
  sampleWritten: (d: string, n: number) => `サンプル受信箱を生成しました: ${d}（${n} ファイル）`,
  summaryTitle: '— 実行結果 —',
  summaryRun: (id: string) => `実行ID: ${id}`,
  /** tables: the plan's own tables in its words (アクションプラン進捗, 施策の進捗状況 …) with their row counts. */
  summaryCounts: (inputs: number, obs: number, values: number, tables: readonly { label: string; rows: number }[]) =>
    `入力 ${inputs} ファイル / 値 ${obs} 件 → 指標値 ${values} 行${tables.map((t) => `、${t.label} ${t.rows} 行`).join('')}`,
  summaryIssues: (e: number, w: number, i: number, file: string) => `問題: エラー ${e} 件、警告 ${w} 件、情報 ${i} 件（詳細は ${file}）`,
  summaryIssuesNotWritten: (e: number, w: number, i: number) =>
    `問題: エラー ${e} 件、警告 ${w} 件、情報 ${i} 件（試行のため issues.csv は書いていません。主なものを下に示します）`,
  summaryOut: (f: string, latest: string) => `出力: ${f}（最新は ${latest}/）`,
  change: (slot: string, year: string, name: string, oldValue: string, newValue: string, oldIndex: string, newIndex: string) =>
    `${slot} ${year} ${name}: 値 ${oldValue} → ${newValue}、指数 ${oldIndex} → ${newIndex}`,
  publishError: (server: string, kind: string, detail: string) =>
    `接続先 ${server}: ${
      {
        ECONNREFUSED: '接続を拒否されました。サーバーが起動しているか、ホスト名とポート番号を確認してください',
        ENOTFOUND: 'ホスト名が見つかりません。接続先（--to / --publish / LEI_PUBLISH_URL）のホスト名を確認してください',
        EAI_AGAIN: 'ホスト名を引けません。ネットワークと接続先のホスト名を確認してください',
        ETIMEDOUT: '応答がありません。ネットワーク・ファイアウォールとポート番号を確認してください',
        ECONNRESET: '接続が切られました。サーバーのログを確認して再実行してください',
        '28P01': 'ユーザー名かパスワードが違います。接続先のユーザーとパスワードを確認してください',
        '28000': 'このユーザーでは接続できません（pg_hba.conf の設定）。管理者に確認してください',
        '3D000': 'データベースがありません。接続先のデータベース名を確認するか、作成してください',
        '42501': '権限が足りません。スキーマを作る権限のあるユーザーで接続してください',
      }[kind] ?? '予期しないエラーです。下の詳細を確認してください'
    }（${detail}）。ローカルの出力はそのままです。直してから lei publish で公開し直してください`,
  summaryStore: (s: string) => `データベース: ${s}`,
  storeStates: {
    written: '書き込みました',
    'already-stored': '同じ実行IDが登録済みのため変更なし',
    repaired: '最新の実行が欠けていたため、実行フォルダから補いました',
    skipped: '書き込みなし（--no-store）',
  },
  repairedStore: (id: string) => `データベースに最新の実行（${id}）がなかったため（前の実行の中断など）、実行フォルダから補いました`,
  repairedPostgres: (schema: string, id: string) =>
    `PostgreSQL（スキーマ ${schema}）に最新の実行（${id}）がなかったため（未公開、前の実行の中断・接続の失敗）、公開しました`,
  cleanedStaging: (names: string) => `中断した実行の書きかけを消しました: ${names}`,
  optReadRole: 'ダッシュボード用の読み取り専用ロール（latest_* ビューの SELECT を付与。既定は pipeline.yaml の publish.readRole）',
  moreIssues: (n: number) => `…ほか ${n} 件`,
  failed: '予期しないエラーで中断しました。前回の出力はそのまま残っています。',
  /** Commander's usage errors, in Japanese (the exit code is 3). */
  translateUsageError: (text: string) =>
    text
      .replace(/^error: required option '(.+)' not specified/m, 'エラー: 必須のオプション $1 が指定されていません')
      .replace(/^error: unknown command '(.+)'/m, 'エラー: 「$1」というコマンドはありません')
      .replace(/^error: unknown option '(.+)'/m, 'エラー: 「$1」というオプションはありません')
      .replace(/^error: missing required argument '(.+)'/m, 'エラー: 引数 $1 を指定してください')
      .replace(/^error: option '(.+)' argument missing/m, 'エラー: オプション $1 に値を指定してください')
      .replace(/^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\./m, 'エラー: オプション $1 に「$2」は使えません（選べる値: $3）')
      .replace(
        /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\./m,
        'エラー: 引数が多すぎます（$1 の引数は $2 個、指定は $3 個）',
      )
      .replace(/\(Did you mean one of (.+)\?\)/, '（もしかして: $1）')
      .replace(/\(Did you mean (.+)\?\)/, '（もしかして: $1）')
      .replace(/^error: /m, 'エラー: '),
  /** Commander writes its own headings in English. */
  translateHelp: (text: string) =>
    text
      .replace(/^Usage:/m, '使い方:')
      .replace(/^Options:/m, 'オプション:')
      .replace(/^Commands:/m, 'コマンド:')
      .replace(/\[options\]/g, '[オプション]')
      .replace(/\[command\]/g, '[コマンド]')
      .replace(/\(choices: ([^)]*)\)/g, '（選択肢: $1）')
      .replace(/\(default: ([^)]*)\)/g, '（既定: $1）'),
};

const en: typeof ja = {
  programDescription: "Local-economy indicator pipeline (any plan's indicator and progress tables, by config)",
  optLang: 'display language: ja (default) or en',
  optHelp: 'display help',
  optVersion: 'display the version',
  helpCommand: 'display help for a command',
  usage: '[options] [command]',
  helpAfterError: '(add --help for usage)',
  cmdRun: 'ingest the inbox and write the indicator tables to the output folder and the store (the main job)',
  optConfig: 'plan config folder (default: LEI_CONFIG, else config in lei.yaml)',
  optInbox: "inbox folder (default: inbox of the plan's pipeline.yaml)",
  optOut: 'output folder (each run under runs/, the newest at latest/, the store and run ledger in store.duckdb; default: out of pipeline.yaml)',
  optStore: 'embedded database (DuckDB) file (default: store.duckdb in --out when given, else store of pipeline.yaml)',
  optStatusOut: 'output folder (where the run ledger and lock are read; default: out of pipeline.yaml)',
  optNoStore: 'do not write the database',
  optSample: 'use the bundled sample inbox (sample/inbox, generated when missing)',
  optJson: 'print the result as JSON on stdout',
  optJsonLogs: 'write logs as one JSON object per line (the default when not on a terminal)',
  optFull: 'recompute and write everything even when nothing changed',
  optWarningsOk: 'exit 0 even when there are warnings (default 5)',
  optDryRun: 'compute only, and show which values would change against latest/ of the output folder; writes nothing',
  dryRunTitle: (n) => `(dry run) indicator values that would change: ${n} (nothing written)`,
  summaryChanges: (n, previous) => `Indicator values changed since run ${previous}: ${n}`,
  summaryFirstRun: 'First run in this output folder: nothing to compare with',
  summaryUnchanged: (id, folder) => `Nothing changed since run ${id}; outputs unchanged: ${folder}`,
  cmdSchedule: 'stay running and start jobs on the schedules of pipeline.yaml (nightly refresh, new fiscal year); SIGTERM lets the current job finish',
  cmdExplain:
    'show how a published value was produced: input files (sha256), sheet, rows, rule, baseline, formula and the run (target: slot id, measure id, line id or part of a name)',
  cmdBackfill: 'take in past fiscal years again (after adding their files to the inbox): re-reads every input and shows the values of those years that change',
  optFromYear: 'first fiscal year (e.g. 2016, H28)',
  optToYear: 'last fiscal year (e.g. 2023, R5)',
  backfillReversed: (from, to) => `--from (${from}) is after --to (${to}): give the first fiscal year to --from and the last to --to`,
  backfillTitle: (from, to, n, dry) => `Indicator values ${dry ? 'that would change' : 'changed'} in ${from}–${to}: ${n}${dry ? ' (nothing written)' : ''}`,
  cmdReproduce: 'rebuild a past run from the archive alone (inputs and config by sha256)',
  optInto: 'folder to rebuild into (creates inbox/, config/, out/)',
  optArchive: 'archive folder (default: archive in out of the plan’s pipeline.yaml)',
  reproduced: (id, folder) => `Run ${id} rebuilt (same run id): ${folder}`,
  reproducedDifferent: (id, now, folder) => `Rebuilt from run ${id}'s inputs and config, but the run id is now ${now} (different code version): ${folder}`,
  cmdStatus: 'show recent runs, next scheduled times, whether a run is in progress, and overdue inputs',
  jobStarted: (id) => `schedule "${id}" started`,
  jobFinished: (id, status, runId) => `schedule "${id}" finished: ${status} (run ${runId})`,
  jobSkipped: (id, reason) => `schedule "${id}" not started: ${reason}`,
  jobFailed: (id, error) => `schedule "${id}" failed (previous outputs intact): ${error}`,
  nextRun: (id, at) => `schedule "${id}" next: ${at}`,
  stopping: 'Stop requested; waiting for the job in progress (again to stop now)',
  stopped: 'Stopped',
  statusRuns: 'Recent runs:',
  statusNoRuns: 'no runs recorded yet',
  statusSchedules: 'Schedules:',
  statusNext: 'next',
  statusLocked: (purpose, pid, since) => `In progress: ${purpose} (pid ${pid}, since ${since})`,
  statusIdle: 'No run in progress',
  optPublish: 'PostgreSQL to publish to (e.g. postgres://user@host:5432/db; or env LEI_PUBLISH_URL)',
  optPublishSchema: 'schema to publish into',
  optRunDir: 'run folder to publish',
  optPlanRunDir: 'run folder (default: latest in out of the plan’s pipeline.yaml)',
  cmdPublish: 'publish a run to PostgreSQL (shared dashboards): one transaction per run; a no-op when already published',
  summaryPostgres: (schema, result, error) =>
    `PostgreSQL (schema ${schema}): ${
      {
        written: 'published',
        repaired: 'the latest run was not published; published it',
        'already-published': 'run id already published; unchanged',
        failed: `not published (previous publication intact): ${error}`,
      }[result] ?? result
    }`,
  cmdTemplate: 'write the manual-entry workbook (.xlsx) for a fiscal year',
  optYear: 'fiscal year (e.g. 2024, R6, 令和6年度)',
  optOutput: 'output file (default: manual-entry/手入力_<year>.xlsx in the inbox)',
  optTemplateInbox: 'inbox folder (the workbook goes into its manual-entry/)',
  templateExists: (f) => `${f} already exists (it may be filled in, so it is not overwritten); use --output to write elsewhere`,
  optAll: 'list every measure, including those fed by source adapters',
  cmdSample: 'generate the bundled sample inbox (deterministic)',
  cmdCheck: 'check the config files (reads nothing else; shows where errors are)',
  configOk: (m, s, l, actionPlan, progress) =>
    `Config OK (${m} measures${progress && s === 0 ? '' : `, ${s} slots`}${progress && l === 0 ? '' : `, ${l} lines of ${actionPlan}`}${progress ? `, ${progress.indicators} indicators of ${progress.table}` : ''})`,
  badYear: (v) => `Cannot read fiscal year "${v}"; use 2024, R6 or 令和6年度`,
  configErrors: (problems) => `The config has ${problems.length} error(s); fix them and run again.\n${problemLines(problems, '(whole file)')}`,
  templateWritten: (f, n) => `Manual-entry workbook written: ${f} (${n} measures)`,
  sampleWritten: (d, n) => `Sample inbox generated: ${d} (${n} files)`,
  summaryTitle: '— Result —',
  summaryRun: (id) => `Run id: ${id}`,
  summaryCounts: (inputs, obs, values, tables) =>
    `${inputs} input files / ${obs} values → ${values} indicator rows${tables.map((t) => `, ${t.rows} rows of ${t.label}`).join('')}`,
  summaryIssues: (e, w, i, file) => `Issues: ${e} errors, ${w} warnings, ${i} info (see ${file})`,
  summaryIssuesNotWritten: (e, w, i) => `Issues: ${e} errors, ${w} warnings, ${i} info (dry run: no issues.csv written; the main ones are listed below)`,
  summaryOut: (f, latest) => `Output: ${f} (newest at ${latest}/)`,
  change: (slot, year, name, oldValue, newValue, oldIndex, newIndex) =>
    `${slot} ${year} ${name}: value ${oldValue} → ${newValue}, index ${oldIndex} → ${newIndex}`,
  publishError: (server, kind, detail) =>
    `server ${server}: ${
      {
        ECONNREFUSED: 'connection refused; check that the server is running and the host and port',
        ENOTFOUND: 'host not found; check the host name of --to / --publish / LEI_PUBLISH_URL',
        EAI_AGAIN: 'cannot resolve the host name; check the network and the host name',
        ETIMEDOUT: 'no answer; check the network, firewall and port',
        ECONNRESET: 'the connection was closed; check the server log and try again',
        '28P01': 'wrong user name or password',
        '28000': 'this user may not connect (pg_hba.conf); ask the administrator',
        '3D000': 'the database does not exist; check its name or create it',
        '42501': 'permission denied; connect as a user who may create the schema',
      }[kind] ?? 'unexpected error; see the detail'
    } (${detail}). The local outputs are untouched; publish again with lei publish once fixed`,
  summaryStore: (s) => `Store: ${s}`,
  storeStates: {
    written: 'written',
    'already-stored': 'run id already stored; unchanged',
    repaired: 'the latest run was missing; filled from the run folder',
    skipped: 'not written (--no-store)',
  },
  repairedStore: (id) => `The store lacked the latest run (${id}) (an interrupted run?); filled from the run folder`,
  repairedPostgres: (schema, id) =>
    `PostgreSQL (schema ${schema}) lacked the latest run (${id}) (never published, an interrupted run or a failed connection); published it`,
  cleanedStaging: (names) => `Removed the half-written folders of an interrupted run: ${names}`,
  optReadRole: "the dashboards' read-only role, granted SELECT on the latest_* views (default: pipeline.yaml publish.readRole)",
  moreIssues: (n) => `… and ${n} more`,
  failed: 'Stopped by an unexpected error. The previous outputs are untouched.',
  translateUsageError: (text) => text,
  translateHelp: (text) => text,
};

export type Messages = typeof ja;

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : ja;
}

/** The language is needed before the parser is built (help text), so it is read from argv/env first. */
export function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? env.LEI_LANG : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'ja';
}
