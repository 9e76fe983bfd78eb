// A full disk, a folder the service account may not write, a read-only mount: the operator gets what happened
// and what to do in Japanese, never a raw stack trace. DuckDB reports these as text, Node as errno codes.
const KINDS = [
  {
    codes: ['ENOSPC', 'EDQUOT'],
    text: /No space left on device|Disk quota exceeded/i,
    message: (where: string) =>
      `ディスクの空きが足りないため中断しました${where}。出力先のディスクに空きを作るか（古い out/runs/ の実行フォルダは消せます。out/archive/ は消さないでください）、--out・--store で空きのあるディスクを指定して再実行してください。前回の出力はそのまま残っています`,
  },
  {
    codes: ['EACCES', 'EPERM'],
    text: /Permission denied|Operation not permitted/i,
    message: (where: string) =>
      `ファイルを読み書きする権限がないため中断しました${where}。lei を動かすユーザーに受信箱の読み取りと出力フォルダ（out/）の書き込みの権限を与えるか、--out で書き込めるフォルダを指定してください。前回の出力はそのまま残っています`,
  },
  {
    codes: ['EROFS'],
    text: /Read-only file system/i,
    message: (where: string) =>
      `出力先が読み取り専用のファイルシステムのため中断しました${where}。--out・--store で書き込めるディスクを指定するか、管理者に読み書きできるようにマウントし直してもらってください。前回の出力はそのまま残っています`,
  },
] as const;

/** The Japanese message for a disk-full, permission or read-only error; undefined for any other error. */
export function systemErrorMessage(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path } = error as NodeJS.ErrnoException;
  const kind = KINDS.find((k) => (code !== undefined && (k.codes as readonly string[]).includes(code)) || k.text.test(error.message));
  if (!kind) return undefined;
  const file = path ?? /(?:file|directory) "([^"]+)"/.exec(error.message)?.[1];
  return kind.message(file ? `（${file}）` : '');
}
