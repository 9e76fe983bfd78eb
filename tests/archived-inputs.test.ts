// Once archived, a run's inputs are read from their archived copies (pipelines/archive-run-inputs.ts): the content the
// sha256 names, even if the inbox file is rewritten afterwards; a copy of another size left in the archive is replaced.
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { archiveInputs, archivePath } from '../sources/archive-inputs.ts';
import { archivedInboxFile, readInboxFile } from '../sources/inbox-file.ts';
import { tempDir } from './helpers.ts';

async function archivedFile(content: string) {
  const inbox = await tempDir();
  const archive = path.join(await tempDir(), 'archive');
  const file = path.join(inbox, 'resas.csv');
  await writeFile(file, content);
  const handle = await readInboxFile(inbox, file);
  expect(await archiveInputs(archive, [handle])).toBe(1);
  return { file, handle, copy: archivePath(archive, handle.sha256), archive };
}

describe('an archived input', () => {
  it('is read from its copy: a rewrite of the inbox file after archiving does not reach the reader', async () => {
    const { file, handle, copy } = await archivedFile('年度,値\n2024,1\n');
    const archived = archivedInboxFile(handle, copy);
    await writeFile(file, '年度,値\n2024,9\n');
    expect([archived.name, archived.size, archived.sha256, archived.archived]).toEqual([handle.name, handle.size, handle.sha256, copy]);
    expect((await archived.readBytes()).toString()).toBe('年度,値\n2024,1\n');
    expect(await text(archived.readChunks())).toBe('年度,値\n2024,1\n');
    expect(
      createHash('sha256')
        .update(await archived.readBytes())
        .digest('hex'),
    ).toBe(handle.sha256);
  });

  it('leaves the inbox handle as it was: read from the inbox, it still stops on a rewrite', async () => {
    const { file, handle, copy } = await archivedFile('2024,1\n');
    const archived = archivedInboxFile(handle, copy);
    await writeFile(file, '2024,2\n');
    expect([archived.archived, await text(archived.readChunks())]).toEqual([copy, '2024,1\n']);
    expect(handle.archived).toBeUndefined();
    await expect(handle.readBytes()).rejects.toThrow('受信箱のファイル resas.csv が実行中に書き換えられました');
  });

  it('opened for positional reads (the .xlsx reader) reads the copy, with nothing left to verify', async () => {
    const { file, handle, copy } = await archivedFile('2024,1\n');
    await writeFile(file, '2024,2\n');
    const opened = await archivedInboxFile(handle, copy).openRandomAccess!();
    try {
      const bytes = Buffer.alloc(opened.size);
      await opened.handle.read(bytes, 0, bytes.length, 0);
      expect(bytes.toString()).toBe('2024,1\n');
      await expect(opened.verify()).resolves.toBeUndefined();
    } finally {
      await opened.close();
    }
  });

  it('left in the archive with another size (a copy cut short) is written again; one of the right size is kept', async () => {
    const { handle, copy, archive } = await archivedFile('2024,1\n2025,2\n');
    await writeFile(copy, '2024,1\n');
    expect(await archiveInputs(archive, [handle])).toBe(1);
    expect(await readFile(copy, 'utf8')).toBe('2024,1\n2025,2\n');
    const before = await stat(copy);
    expect(await archiveInputs(archive, [handle])).toBe(0);
    expect((await stat(copy)).mtimeMs).toBe(before.mtimeMs);
  });
});
