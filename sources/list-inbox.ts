// Every file under the inbox, in a stable order (so issues and outputs come out the same way every run).
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export async function listInbox(inboxDir: string): Promise<string[]> {
  const entries = await readdir(inboxDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.startsWith('~$'))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
