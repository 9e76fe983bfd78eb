// A run that archives reads each inbox file once: hashed as it is copied into the archive (sources/archive-inputs.ts
// archiveWhileHashing), the copy named after its sha256 only once the hash is known, an existing copy kept; a file the
// last run archived is only hashed while its size is the one that run recorded (pipelines/load-run-inputs.ts).
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { OWNER_ONLY } from '../lib/output-access.ts';
import { loadRunFiles } from '../pipelines/load-run-inputs.ts';
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

describe('listing an inbox the last run archived', () => {
  /** An inbox of two files, archived by a "last run" whose manifest names them; then `change` edits the inbox. */
  async function listedAfter(change: (inbox: string) => Promise<void>) {
    const inbox = await tempDir();
    const out = await tempDir();
    const archive = path.join(out, 'archive');
    const inputs = [];
    for (const [name, content] of [
      ['kosha.csv', '2024,1\n'],
      ['pay.csv', '2024,2\n'],
    ] as const) {
      const { file } = await archiveInboxFile(inbox, await writeInbox(inbox, name, content), archive);
      inputs.push({ file: name, sha256: file.sha256, bytes: file.size });
    }
    await mkdir(path.join(out, 'latest'));
    await writeFile(path.join(out, 'latest', 'manifest.json'), JSON.stringify({ inputs }));
    await change(inbox);
    const listed = await loadRunFiles({ configDir: '', inboxDir: inbox, outDir: out, storePath: null }, new Date(), { dir: archive, access: OWNER_ONLY });
    return { listed, copies: Object.fromEntries(listed.inputs.map((f) => [f.name, f.archived !== undefined])) };
  }
  const writeInbox = async (inbox: string, name: string, content: string) => {
    await writeFile(path.join(inbox, name), content);
    return path.join(inbox, name);
  };

  it('only hashes the files it names with their size (an unchanged re-run writes nothing)', async () => {
    const { listed, copies } = await listedAfter(async () => {});
    expect([listed.archived, copies]).toEqual([0, { 'kosha.csv': false, 'pay.csv': false }]);
  });

  it('copies a named file whose size changed while hashing it (one read), and a new file', async () => {
    const { listed, copies } = await listedAfter(async (inbox) => {
      await appendFile(path.join(inbox, 'kosha.csv'), '2025,3\n');
      await writeInbox(inbox, 'resas.csv', '2024,4\n');
    });
    expect([listed.archived, copies]).toEqual([2, { 'kosha.csv': true, 'pay.csv': false, 'resas.csv': true }]);
    const kosha = listed.inputs.find((f) => f.name === 'kosha.csv')!;
    expect([kosha.sha256, await readFile(kosha.archived!, 'utf8')]).toEqual([sha('2024,1\n2025,3\n'), '2024,1\n2025,3\n']);
  });

  it('leaves a same-size change to be found by its hash (only hashed here, copied by the archive step)', async () => {
    const { listed, copies } = await listedAfter(async (inbox) => void (await writeInbox(inbox, 'pay.csv', '2024,9\n')));
    expect([listed.archived, copies]).toEqual([0, { 'kosha.csv': false, 'pay.csv': false }]);
    expect(listed.inputs.find((f) => f.name === 'pay.csv')!.sha256).toBe(sha('2024,9\n'));
  });
});
