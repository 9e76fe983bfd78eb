// A config file checked once is not checked again while its text and the code stay the same; any edit is checked anew,
// and only values JSON gives back unchanged are kept (config/config-file-cache.ts).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configFileCache } from '../config/config-file-cache.ts';
import type { ConfigProblem } from '../config/load-catalog.ts';
import { readConfigFile } from '../config/read-config-file.ts';

const schema = z.strictObject({ id: z.string(), items: z.array(z.strictObject({ n: z.number().int(), label: z.string().default('—') })) });

async function tempFile(text: string): Promise<string> {
  // A name no config file has: the cache takes a file's name to stand for the schema that reads it.
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'lei-config-cache-')), 'config-file-cache-test.yaml');
  await writeFile(file, text);
  return file;
}

describe('the checked-config cache', () => {
  it('gives a file read again the value its schema made the first time, defaults included', async () => {
    const file = await tempFile('id: a\nitems:\n  - { n: 1 }\n  - { n: 2, label: 二 }\n');
    const first = await readConfigFile(file, schema, []);
    expect(first).toEqual({
      id: 'a',
      items: [
        { n: 1, label: '—' },
        { n: 2, label: '二' },
      ],
    });
    expect(await (await configFileCache(file, 'id: a\nitems:\n  - { n: 1 }\n  - { n: 2, label: 二 }\n')).checked()).toEqual(first);
    expect(await readConfigFile(file, schema, [])).toEqual(first);
  });

  it('checks an edited file again and reports its problem, though its earlier text was cached as checked', async () => {
    const file = await tempFile('id: a\nitems: []\n');
    expect(await readConfigFile(file, schema, [])).toEqual({ id: 'a', items: [] });
    await writeFile(file, 'id: a\nitems:\n  - { n: 1.5 }\n');
    const problems: ConfigProblem[] = [];
    expect(await readConfigFile(file, schema, problems)).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toContain('items');
  });

  it('keeps no value that JSON would not give back as it was', async () => {
    const cache = await configFileCache(await tempFile('x: 1\n'), 'x: 1\n');
    await cache.saveChecked({ x: 1 });
    expect(await cache.checked()).toEqual({ x: 1 });
    await cache.saveChecked({ x: 2, dropped: undefined });
    expect(await cache.checked()).toEqual({ x: 1 });
  });
});
