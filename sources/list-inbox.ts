// Every file under the inbox, in a stable order (so issues and outputs come out the same way every run).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../lib/user-error.ts';

export async function listInbox(inboxDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(inboxDir, { recursive: true, withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    throw new UserError(
      `受信箱フォルダ「${inboxDir}」がありません。--inbox で指定してください（同梱サンプルで試すには npm start）`,
      `Inbox folder "${inboxDir}" does not exist; give it with --inbox (npm start tries the bundled sample)`,
    );
  }
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.startsWith('~$'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
