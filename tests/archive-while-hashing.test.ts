// A run that archives reads each inbox file once: hashed as it is copied into the archive (sources/archive-inputs.ts
// archiveWhileHashing), the copy named after its sha256 only once the hash is known, an existing copy kept.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { archivePath, archiveWhileHashing } from '../sources/archive-inputs.ts';
import { archiveInboxFile, readInboxFile } from '../sources/inbox-file.ts';
import { tempDir } from './helpers.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function inboxWith(content: string) {
  const inbox = await tempDir();
  const archive = path.join(await tempDir(), 'archive');
  const file = path.join(inbox, 'kosha.csv');
  await writeFile(file, content);
  return { inbox, archive, file };
}

describe('an inbox file archived in the pass that hashes it', () => {
  it('gets the sha256 a hash-only listing gives, a copy named after it, and is read from that copy', async () => {
    const { inbox, archive, file } = await inboxWith('年度,値\n2024,1\n');
    const listed = await readInboxFile(inbox, file);
    const { file: archived, added } = await archiveInboxFile(inbox, file, archive);
    expect([added, archived.name, archived.size, archived.sha256]).toEqual([true, 'kosha.csv', listed.size, listed.sha256]);
    expect(archived.archived).toBe(archivePath(archive, listed.sha256));
    expect(await readFile(archived.archived!, 'utf8')).toBe('年度,値\n2024,1\n');
    await writeFile(file, '年度,値\n2024,9\n');
    expect(await text(archived.readChunks())).toBe('年度,値\n2024,1\n');
    expect(await readdir(archive)).toEqual([listed.sha256.slice(0, 2)]);
  });

  it('keeps an existing copy of the same content and leaves no temp file', async () => {
    const { inbox, archive, file } = await inboxWith('2024,1\n');
    const first = await archiveInboxFile(inbox, file, archive);
    const before = await stat(first.file.archived!);
    const again = await archiveInboxFile(inbox, file, archive);
    expect(again.added).toBe(false);
    expect((await stat(again.file.archived!)).mtimeMs).toBe(before.mtimeMs);
    expect((await readdir(archive, { recursive: true })).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces a copy of another size (cut short), as archiveInputs does', async () => {
    const { inbox, archive, file } = await inboxWith('2024,1\n2025,2\n');
    const copy = archivePath(archive, sha('2024,1\n2025,2\n'));
    await archiveInboxFile(inbox, file, archive);
    await writeFile(copy, '2024,1\n');
    expect((await archiveInboxFile(inbox, file, archive)).added).toBe(true);
    expect(await readFile(copy, 'utf8')).toBe('2024,1\n2025,2\n');
  });

  it('names the copy after exactly the bytes it wrote, and removes its temp file when the read fails', async () => {
    const archive = path.join(await tempDir(), 'archive');
    const copied = await archiveWhileHashing(
      archive,
      (async function* () {
        yield new TextEncoder().encode('a,');
        yield new Uint8Array(3);
        yield new TextEncoder().encode('b\n');
      })(),
    );
    expect([copied.size, copied.sha256]).toEqual([7, sha('a,\0\0\0b\n')]);
    await expect(
      archiveWhileHashing(
        archive,
        (async function* () {
          yield new Uint8Array(4);
          throw new Error('read failed');
        })(),
      ),
    ).rejects.toThrow('read failed');
    expect((await readdir(archive, { recursive: true })).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a link in place of the file', async () => {
    const { inbox, archive, file } = await inboxWith('2024,1\n');
    const link = path.join(inbox, 'link.csv');
    await symlink(file, link);
    await expect(archiveInboxFile(inbox, link, archive)).rejects.toMatchObject({ code: 'ELOOP' });
  });
});
