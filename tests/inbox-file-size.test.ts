// An inbox file over 2 GiB (a sparse file: no data written) is hashed and archived by streaming like any other; a
// reader that needs it whole (RESAS; the 公社 CSV reader streams, tests/kosha-large-export.test.ts) reports it on the
// file in Japanese (not Node's ERR_FS_FILE_TOO_LARGE and a stack trace), and the run still publishes. The run is lei in
// this process, writing only the tables (what is checked is the manifest, the issues and the archive).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { archivePath } from '../sources/archive-inputs.ts';
import { setagayaConfig, tablesOnlyConfig, tempDir } from './helpers.ts';
import { lei } from './lei-in-process.ts';

const HUGE = 2 ** 31; // 2 GiB: one byte over fs.readFile's limit
const onTmpfs: string[] = [];

afterAll(async () => {
  await Promise.all(onTmpfs.map((d) => rm(d, { recursive: true, force: true })));
});

/**
 * On tmpfs (/dev/shm) where there is one: there a hole is read from the kernel's shared zero page, where a disk file system
 * first fills 2 GiB of page cache with zeros (~4.4 s of system time). The run's reads are the same either way.
 */
async function inboxWithHugeFile(): Promise<string> {
  const shm = '/dev/shm';
  const inbox = existsSync(shm) ? await mkdtemp(path.join(shm, 'lei-test-')) : await tempDir();
  if (inbox.startsWith(shm)) onTmpfs.push(inbox);
  await mkdir(path.join(inbox, 'resas'));
  const file = await open(path.join(inbox, 'resas', '地域経済循環_2024.csv'), 'w');
  await file.truncate(HUGE);
  await file.close();
  return inbox;
}

describe('an inbox file over 2 GiB', () => {
  // One streamed sha256 pass over 2 GiB (hashed as it is archived): seconds, not the default minute's margin on a loaded machine.
  it('is hashed and archived whole, and refused by its reader by name with what to do (exit 2, the run publishes)', { timeout: 180_000 }, async () => {
    const out = path.join(await tempDir(), 'out');
    const run = await lei(
      'run',
      '--config',
      await tablesOnlyConfig(setagayaConfig),
      '--inbox',
      await inboxWithHugeFile(),
      '--out',
      out,
      '--store',
      path.join(out, 'store.duckdb'),
    );
    expect(run.stderr).not.toMatch(/ERR_FS_FILE_TOO_LARGE|\n\s+at /);
    expect(run.code).toBe(2);
    const manifest = JSON.parse(await readFile(path.join(out, 'latest', 'manifest.json'), 'utf8')) as {
      inputs: { file: string; sha256: string; bytes: number }[];
    };
    expect(manifest.inputs.map((f) => [f.file, f.bytes])).toEqual([['resas/地域経済循環_2024.csv', HUGE]]);
    expect((await stat(archivePath(path.join(out, 'archive'), manifest.inputs[0]!.sha256))).size).toBe(HUGE);
    const issues = JSON.parse(await readFile(path.join(out, 'latest', 'issues.json'), 'utf8')) as {
      code: string;
      severity: string;
      file: string;
      message: string;
    }[];
    expect(issues.filter((i) => i.file === 'resas/地域経済循環_2024.csv').map((i) => [i.code, i.severity, i.message])).toEqual([
      [
        'inbox-file-too-large',
        'error',
        '受信箱のファイル resas/地域経済循環_2024.csv は 2.00 GiB あり、1ファイルの上限（2 GiB）を超えるため読めません。' +
          'ファイルを年度や月ごとに分けて置き直してから再実行してください',
      ],
    ]);
  });
});
