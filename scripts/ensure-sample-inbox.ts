// The bundled sample inbox is generated, so it must follow the generator: an inbox made by an older version of
// the code or config (a stale `sample/inbox/` after an update) is made again, never run as if it were current.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { codeVersion } from '../lib/code-version.ts';
import { repoRoot } from '../lib/repo-root.ts';

const STAMP = '.sample-stamp';

/** Fingerprint of what the sample is made from: the pipeline code, the generator's code and the plan's config. */
export async function sampleFingerprint(configDir: string): Promise<string> {
  const hash = createHash('sha256').update(await codeVersion());
  const files = [
    ...(await filesUnder(path.join(repoRoot, 'scripts', 'sample'))),
    path.join(repoRoot, 'scripts', 'generate-sample-inbox.ts'),
    ...(await filesUnder(configDir)),
  ];
  for (const file of files.sort()) hash.update(`${path.relative(repoRoot, file)}\n`).update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

/** Makes the sample inbox when it is missing or stale; returns whether it was (re)made. */
export async function ensureSampleInbox(configDir: string, inboxDir: string): Promise<boolean> {
  const fingerprint = await sampleFingerprint(configDir);
  const current = await readFile(path.join(inboxDir, STAMP), 'utf8').catch(() => null);
  if (current?.trim() === fingerprint) return false;
  // Made beside the old one and swapped in, so an interrupted regeneration never leaves half an inbox.
  const parent = path.dirname(path.resolve(inboxDir));
  await mkdir(parent, { recursive: true });
  const fresh = await mkdtemp(path.join(parent, '.sample-inbox-'));
  try {
    // The generator pulls in exceljs and the fixture writers: loaded only when a sample is made.
    const { generateSampleInbox } = await import('./generate-sample-inbox.ts');
    await generateSampleInbox(configDir, fresh);
    await writeSampleStamp(fresh, fingerprint);
    await rm(inboxDir, { recursive: true, force: true });
    await rename(fresh, inboxDir);
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
  return true;
}

/** Marks an inbox as made by this code and config (`lei generate-sample` writes it too). */
export async function writeSampleStamp(inboxDir: string, fingerprint: string): Promise<void> {
  await writeFile(path.join(inboxDir, STAMP), `${fingerprint}\n`);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
