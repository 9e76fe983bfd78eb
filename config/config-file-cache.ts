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
  // Which schema reads a file is the code's choice: the code version and the file's path stand for the schema.
  const checkedFile = path.join(CACHE, 'checked', `${sha256(`${await codeVersion()}\n${path.resolve(file)}\n${textHash}`)}.json`);
  return {
    yaml: () => readJson(yamlFile),
    checked: () => readJson(checkedFile),
    saveYaml: (js) => writeJson(yamlFile, JSON.stringify(js)),
    saveChecked: async (value) => {
      const json: string | undefined = JSON.stringify(value);
      // Only a value JSON gives back as it was (no undefined-valued keys, dates or class instances) is kept.
      if (json !== undefined && isDeepStrictEqual(JSON.parse(json), value)) await writeJson(checkedFile, json);
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
