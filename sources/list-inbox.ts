// Every file under the inbox, in a stable order (so issues and outputs come out the same way every run).
// A symbolic link is listed apart and never followed: nothing outside the inbox is ever read.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../lib/user-error.ts';

export interface InboxListing {
  /** Regular files (hidden and Office lock files left out). */
  files: string[];
  /** Symbolic links (to files or folders), reported to the user and not read. */
  symlinks: string[];
}

export async function listInbox(inboxDir: string): Promise<InboxListing> {
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
  const visible = entries.filter((e) => !e.name.startsWith('.') && !e.name.startsWith('~$'));
  const sorted = (list: typeof entries) => list.map((e) => path.join(e.parentPath, e.name)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files: sorted(visible.filter((e) => e.isFile())), symlinks: sorted(visible.filter((e) => e.isSymbolicLink())) };
}
