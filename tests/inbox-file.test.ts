// An inbox file is a handle: hashed by streaming when listed, read on demand, and a reader never gets content other
// than what was hashed (a rewrite between hashing and reading stops the run); a file swapped for a link is refused.
import { createHash } from 'node:crypto';
import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { InboxFileChangedError, readInboxFile } from '../sources/inbox-file.ts';
import { tempDir } from './helpers.ts';

async function inboxWith(content: string): Promise<{ inbox: string; file: string }> {
  const inbox = await tempDir();
  const file = path.join(inbox, 'resas.csv');
  await writeFile(file, content);
  return { inbox, file };
}

describe('an inbox file', () => {
  it('is named from the inbox, sized and hashed without being read by its reader, and gives its bytes and a stream', async () => {
    const { inbox, file } = await inboxWith('年度,値\n2024,1\n');
    const handle = await readInboxFile(inbox, file);
    const bytes = Buffer.from('年度,値\n2024,1\n');
    expect([handle.name, handle.size, handle.sha256]).toEqual(['resas.csv', bytes.length, createHash('sha256').update(bytes).digest('hex')]);
    expect((await handle.readBytes()).toString()).toBe(await readFile(file, 'utf8'));
    expect(await text(handle.readChunks())).toBe('年度,値\n2024,1\n');
  });

  it('larger than one chunk: the chunks, each copied before the next is asked for, are the file', async () => {
    const content = Buffer.alloc(2.5 * 2 ** 20);
    for (let i = 0; i < content.length; i += 1) content[i] = (i * 7919) % 251;
    const { inbox, file } = await inboxWith('');
    await writeFile(file, content);
    const copies: Buffer[] = [];
    for await (const chunk of (await readInboxFile(inbox, file)).readChunks()) copies.push(Buffer.from(chunk));
    expect(copies.length).toBe(3);
    expect(Buffer.concat(copies).equals(content)).toBe(true);
  });

  it('rewritten with the same size after it was hashed: reading it stops with a Japanese message naming it', async () => {
    const { inbox, file } = await inboxWith('2024,1\n');
    const handle = await readInboxFile(inbox, file);
    await writeFile(file, '2024,9\n');
    await expect(handle.readBytes()).rejects.toThrow(InboxFileChangedError);
    await expect(handle.readBytes()).rejects.toThrow('受信箱のファイル resas.csv が実行中に書き換えられました');
    await expect(text(handle.readChunks())).rejects.toThrow(InboxFileChangedError);
  });

  it('grown after it was hashed: read to its end past the buffer its listed size got, then refused as rewritten', async () => {
    const { inbox, file } = await inboxWith('2024,1\n');
    const handle = await readInboxFile(inbox, file);
    const grown = Buffer.alloc(3 * 2 ** 20, 0x31);
    await writeFile(file, grown);
    let read = 0;
    const reading = (async () => {
      for await (const chunk of handle.readChunks()) read += chunk.length;
    })();
    await expect(reading).rejects.toThrow(InboxFileChangedError);
    expect(read).toBe(grown.length);
  });

  it('swapped for a symbolic link after it was hashed: refused, the link target is not read', async () => {
    const { inbox, file } = await inboxWith('2024,1\n');
    const handle = await readInboxFile(inbox, file);
    const outside = path.join(await tempDir(), 'secret.csv');
    await writeFile(outside, '2024,1\n');
    await rm(file);
    await symlink(outside, file);
    await expect(handle.readBytes()).rejects.toMatchObject({ code: 'ELOOP' });
    await expect(text(handle.readChunks())).rejects.toMatchObject({ code: 'ELOOP' });
  });
});
