// Runs the CLI bundle (dist/bundle/*.cjs: esbuild's chunks as CommonJS scripts, bin/build-dist.js), each chunk when it is
// first required, with the V8 code cache that the build made by running the bundled sample once (bin/warm-code-cache.js).
// Node 20 has no compile cache for ES modules; with the cache V8 reads a run's compiled functions instead of parsing and
// compiling them again at every start, and a run that needs few chunks (unchanged inputs) reads only those.
// V8 checks a cache against its version, flags and the script's length and ignores one that does not fit (the chunk then
// compiles as usual); bin/build-dist.js deletes dist/ before it bundles, so a cache is never older than its chunk.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const DIR = fileURLToPath(new URL('../dist/bundle/', import.meta.url));
export const BUNDLE = path.join(DIR, 'main.cjs');
const cacheOf = (file) => `${file}.v8-cache`;

/** The exports of an entry of the bundle (main.cjs: runCli), and a function that writes the code cache of every chunk run so far. */
export function loadBundle(entry = 'main.cjs') {
  const chunks = new Map();
  const requireChunk = (name) => {
    let chunk = chunks.get(name);
    if (!chunk) {
      chunk = { file: path.join(DIR, name), module: { exports: {} } };
      chunks.set(name, chunk);
      runChunk(chunk, requireChunk);
    }
    return chunk.module.exports;
  };
  return { cli: requireChunk(entry), writeCodeCaches: () => [...chunks.values()].forEach(writeCodeCache) };
}

/** One chunk run as Node runs a CommonJS file; its require() of another chunk ("./chunk-X.js") goes to requireChunk. */
function runChunk(chunk, requireChunk) {
  const { file, module } = chunk;
  const cachedData = existsSync(cacheOf(file)) ? readFileSync(cacheOf(file)) : undefined;
  // Node's CommonJS wrapper on the chunk's first line (line numbers in stack traces stay right); strict, as ES modules are.
  const source = `(function (exports, require, module, __filename, __dirname, leiImportMeta) {'use strict';${readFileSync(file, 'utf8')}\n})`;
  chunk.script = new vm.Script(source, { filename: file, cachedData });
  const nodeRequire = createRequire(file);
  const require = Object.assign((id) => (/^\.\/[\w.-]+\.js$/.test(id) ? requireChunk(id.slice(2, -3) + '.cjs') : nodeRequire(id)), nodeRequire);
  chunk.script.runInThisContext()(module.exports, require, module, file, DIR, importMetaOf(file));
  if (process.env.LEI_CODE_CACHE_REPORT === '1') {
    console.error(`code cache ${path.basename(file)}: ${cachedData === undefined ? 'none' : chunk.script.cachedDataRejected ? 'rejected' : 'accepted'}`);
  }
}

/**
 * The chunk's import.meta: its URL as the ES module it was in dist/bundle/ (the modules find the project's folder from it,
 * lib/repo-root.ts). resolve() is used only by code that runs from the TypeScript sources (outputs/site/site-job.ts).
 */
function importMetaOf(file) {
  return {
    url: pathToFileURL(file.replace(/\.cjs$/, '.js')).href,
    resolve: (specifier) => {
      throw new Error(`import.meta.resolve(${JSON.stringify(specifier)}) is not available in the CLI bundle (bin/load-bundle.js)`);
    },
  };
}

/** The cache of everything the chunk's script has compiled so far, written whole or not at all. */
function writeCodeCache({ file, script }) {
  const temporary = `${cacheOf(file)}.${process.pid}.tmp`;
  writeFileSync(temporary, script.createCachedData());
  renameSync(temporary, cacheOf(file));
}
