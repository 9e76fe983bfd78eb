// An inbox file over 2 GiB (a sparse file: no data written) stops the run with a Japanese message naming it, not
// Node's ERR_FS_FILE_TOO_LARGE and a stack trace; no outputs are written.
import { existsSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLei, setagayaConfig, tempDir } from './helpers.ts';

async function inboxWithHugeFile(): Promise<string> {
  const inbox = await tempDir();
  await mkdir(path.join(inbox, 'kosha'));
  const file = await open(path.join(inbox, 'kosha', '相談記録_2024.csv'), 'w');
  await file.truncate(2 ** 31); // 2 GiB: one byte over fs.readFile's limit
  await file.close();
  return inbox;
}

describe('an inbox file over 2 GiB', () => {
  it('is refused by name with what to do, exit 3, no outputs', async () => {
    const out = path.join(await tempDir(), 'out');
    const run = await runLei('run', '--config', setagayaConfig, '--inbox', await inboxWithHugeFile(), '--out', out, '--store', path.join(out, 'store.duckdb'));
    expect(run.stderr).not.toMatch(/ERR_FS_FILE_TOO_LARGE|\n\s+at /);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      '受信箱のファイル kosha/相談記録_2024.csv は 2.00 GiB あり、1ファイルの上限（2 GiB）を超えるため読めません。' +
        'ファイルを年度や月ごとに分けて置き直してから再実行してください',
    );
    expect(run.code).toBe(3);
    expect(existsSync(path.join(out, 'latest'))).toBe(false);
  });
});
