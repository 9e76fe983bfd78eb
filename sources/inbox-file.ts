// A file found in the inbox, read once: its bytes and their sha256 identify it from here on.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface InboxFile {
  /** Path relative to the inbox, with forward slashes (stable across machines). */
  name: string;
  path: string;
  bytes: Buffer;
  sha256: string;
}

export async function readInboxFile(inboxDir: string, filePath: string): Promise<InboxFile> {
  const bytes = await readFile(filePath);
  return {
    name: path.relative(inboxDir, filePath).split(path.sep).join('/'),
    path: filePath,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
