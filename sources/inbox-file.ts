// A file found in the inbox, read once: its bytes and their sha256 identify it from here on.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../lib/user-error.ts';

export interface InboxFile {
  /** Path relative to the inbox, with forward slashes (stable across machines). */
  name: string;
  path: string;
  bytes: Buffer;
  sha256: string;
}

/** Node reads a file into one buffer of at most 2 GiB − 1 byte (fs.readFile's limit) until big files stream. */
export const MAX_INBOX_FILE_BYTES = 2 ** 31 - 1;

export async function readInboxFile(inboxDir: string, filePath: string): Promise<InboxFile> {
  const name = path.relative(inboxDir, filePath).split(path.sep).join('/');
  // O_NOFOLLOW: a file swapped for a link after listing is refused rather than read outside the inbox.
  const handle = await open(filePath, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const { size } = await handle.stat();
    if (size > MAX_INBOX_FILE_BYTES) {
      throw new UserError(
        `受信箱のファイル ${name} は ${(size / 2 ** 30).toFixed(2)} GiB あり、1ファイルの上限（2 GiB）を超えるため読めません。` +
          `ファイルを年度や月ごとに分けて置き直してから再実行してください`,
      );
    }
    const bytes = await handle.readFile();
    return { name, path: filePath, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  } finally {
    await handle.close();
  }
}
