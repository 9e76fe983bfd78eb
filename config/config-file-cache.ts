// Cached forms of a config file's text (node_modules/.cache/lei): its YAML as JSON, and the value its schema made of it
// under this code version. Parsing the YAML was most of a run that finds nothing changed; checking it with zod is most
// of loading a config that has not changed since another output folder checked it.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { codeVersion } from '../lib/code-version.ts';
import { repoRoot } from '../lib/repo-root.ts';

const CACHE = path.join(repoRoot, 'node_modules', '.cache', 'lei');

export interface ConfigFileCache {
  /** The YAML as parsed, when this text was parsed before. */
  yaml(): Promise<unknown>;
  /** The schema's value, when this code checked this file with this text before and found no problem. */
  checked(): Promise<unknown>;
  saveYaml(js: unknown): Promise<void>;
  saveChecked(value: unknown): Promise<void>;
}

export async function configFileCache(file: string, text: string): Promise<ConfigFileCache> {
  const textHash = sha256(text);
  const yamlFile = path.join(CACHE, 'yaml', `${textHash}.json`);
  // Which schema reads a file is the code's choice, by the file's name (plan.yaml, sources/kosha.yaml …): with the code
  // version, kept inside the entry, it stands for the schema. One entry per name and text, whatever the folder.
  const name = path.basename(path.dirname(file)) === 'sources' ? `sources/${path.basename(file)}` : path.basename(file);
  const checkedFile = path.join(CACHE, 'checked', `${sha256(`${name}\n${textHash}`)}.json`);
  const code = await codeVersion();
  return {
    yaml: () => readJson(yamlFile),
    checked: async () => {
      const entry = await readJson(checkedFile);
      return typeof entry === 'object' && entry !== null && 'code' in entry && entry.code === code && 'value' in entry ? entry.value : undefined;
    },
    saveYaml: (js) => writeJson(yamlFile, JSON.stringify(js)),
    saveChecked: async (value) => {
      const json: string | undefined = JSON.stringify(value);
      // Only a value JSON gives back as it was (no undefined-valued keys, dates or class instances) is kept.
      if (json !== undefined && isDeepStrictEqual(JSON.parse(json), value)) await writeJson(checkedFile, `{"code":${JSON.stringify(code)},"value":${json}}`);
    },
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

async function writeJson(file: string, json: string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, json);
    await rename(temp, file);
  } catch {
    // A cache that cannot be written only costs time.
  }
}
