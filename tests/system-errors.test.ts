// A full disk or a folder lei may not write stops a run with a Japanese message saying what to do, never a
// raw stack trace, and the previous outputs stay as they were.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemErrorMessage } from '../lib/system-error-message.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import { runLei, setagayaConfig, tempDir } from './helpers.ts';
import { sampleInboxCopy } from './sample-fixtures.ts';

describe('a run that cannot write', () => {
  it('on a full disk (ENOSPC from /dev/full) fails with a message saying what to free', async () => {
    const inbox = await sampleInboxCopy();
    const out = await tempDir();
    // Every archive copy of this process whose name is known beforehand lands on /dev/full, which always answers "no space
    // left on device": the config files' copies (an inbox file new to the archive is copied while hashed, under a name
    // the test cannot know, so the config files are where the run meets the full disk).
    const copied = [inbox, setagayaConfig, path.join(setagayaConfig, 'sources')];
    for (const entry of (await Promise.all(copied.map((dir) => readdir(dir, { recursive: dir === inbox, withFileTypes: true })))).flat()) {
      if (!entry.isFile()) continue;
      const sha = createHash('sha256')
        .update(await readFile(path.join(entry.parentPath, entry.name)))
        .digest('hex');
      await mkdir(path.join(out, 'archive', sha.slice(0, 2)), { recursive: true });
      await symlink('/dev/full', path.join(out, 'archive', sha.slice(0, 2), `${sha}.${process.pid}.tmp`)).catch(() => {});
    }
    const failure = await runPipeline({ configDir: setagayaConfig, inboxDir: inbox, outDir: out, storePath: null }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((failure as NodeJS.ErrnoException).code).toBe('ENOSPC');
    const message = systemErrorMessage(failure);
    expect(message).toMatch(/^ディスクの空きが足りないため中断しました。出力先のディスクに空きを作るか/); // Node's write errors name no file
    expect(message).toContain('前回の出力はそのまま残っています');
    expect(await readdir(out)).not.toContain('latest');
  });

  it('in a folder it may not create (EPERM under /sys) exits 1 with a Japanese message and no stack trace', async () => {
    const inbox = await tempDir();
    const { code, stdout, stderr } = await runLei('run', '--inbox', inbox, '--out', '/sys/lei-cannot-write', '--no-store');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^ファイルを読み書きする権限がないため中断しました（\/sys\/lei-cannot-write）。lei を動かすユーザーに/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says which kind of problem DuckDB reported as text (its I/O errors carry no errno code)', () => {
    expect(systemErrorMessage(new Error('IO Error: Could not write file "out/store.duckdb.wal": No space left on device'))).toMatch(
      /^ディスクの空きが足りないため中断しました（out\/store\.duckdb\.wal）/,
    );
    expect(systemErrorMessage(new Error('IO Error: Cannot open file "/srv/lei/store.duckdb": Read-only file system'))).toMatch(
      /^出力先が読み取り専用のファイルシステム/,
    );
    expect(systemErrorMessage(new Error('a bug'))).toBeUndefined();
  });
});
