// `npm start` after an update: a sample inbox made by older code or config is made again, not run as current.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureSampleInbox } from '../scripts/ensure-sample-inbox.ts';
import { copyConfig, setagayaConfig, tempDir } from './helpers.ts';

describe('the bundled sample inbox', () => {
  it('is made when missing, kept while current, and made again when its code or config changed', async () => {
    const config = await copyConfig(setagayaConfig);
    const inbox = path.join(await tempDir(), 'sample', 'inbox');
    expect(await ensureSampleInbox(config, inbox)).toBe(true);
    const files = (await readdir(inbox, { recursive: true })).sort();
    expect(files).toContain('.sample-stamp');
    expect(await ensureSampleInbox(config, inbox)).toBe(false);

    // A stale file left by an older generator disappears with the regeneration.
    await writeFile(path.join(inbox, 'manual-entry', '古い版の手入力.xlsx'), 'stale');
    await writeFile(path.join(config, 'plan.yaml'), `${await readFile(path.join(config, 'plan.yaml'), 'utf8')}\n# changed\n`);
    expect(await ensureSampleInbox(config, inbox)).toBe(true);
    expect((await readdir(inbox, { recursive: true })).sort()).toEqual(files);
    // Nothing half-made is left beside it.
    expect((await readdir(path.dirname(inbox))).filter((n) => n.startsWith('.sample-inbox-'))).toEqual([]);
  });
});
