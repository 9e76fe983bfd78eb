// `npm run build` (also run by `npm ci` through "prepare"): compiles the sources to dist/ and stamps it.
// A failed build does not fail an ordinary install (bin/lei.js then runs the sources through tsx, slower to start), but
// it says so; with LEI_BUILD_STRICT=1 (as .ci/run sets) it exits 1, so that CI fails on a type error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { root, writeSourceStamp } from './source-stamp.js';

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (tsc.status === 0) await bundle();
if (tsc.status === 0) {
  await writeCodeVersion();
  writeSourceStamp();
  warmCodeCache();
  console.error('dist/ を作りました（lei はコンパイル済みのコードで起動します）');
} else {
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  console.error(
    `dist/ を作れませんでした（tsc の終了コード ${tsc.status ?? tsc.signal}、上の型エラーを直してください）。lei は TypeScript のまま（tsx で）起動します`,
  );
  if (process.env.LEI_BUILD_STRICT === '1') process.exit(1);
}

/**
 * The code version (lib/code-version.ts) of the sources just compiled, for the compiled code to use instead of hashing
 * the sources at every start: the code that runs from dist/ is the code it was compiled from.
 */
async function writeCodeVersion() {
  const compiled = path.join(root, 'dist', 'lib', 'code-version.js');
  if (!existsSync(compiled)) return;
  const { codeVersion, BUILT_CODE_VERSION } = await import(pathToFileURL(compiled).href);
  writeFileSync(BUILT_CODE_VERSION, await codeVersion());
}

/** esbuild, or null in an install without devDependencies: dist/ is then the compiled files only, the same code loaded slower. */
async function loadEsbuild() {
  try {
    return await import('esbuild');
  } catch {
    console.error('esbuild がないため、モジュールを1ファイルにまとめずに dist/ を作ります（lei の起動とサイトの生成が遅くなります）');
    return null;
  }
}

async function bundle() {
  const esbuild = await loadEsbuild();
  if (!esbuild) return;
  await bundleChartRuntime(esbuild);
  await bundleCli(esbuild);
}

/**
 * The CLI and everything it imports as a few files in dist/bundle/ (bin/lei.js runs them when present): loading ~1,500
 * modules one by one (resolving, reading, and the CommonJS export scan of @duckdb/node-api) was most of an unchanged
 * re-run's time. Code loaded with import() (exceljs, the dashboard, the sample generator) stays in its own chunk, loaded
 * only when needed. Each chunk is then turned into a CommonJS script (.cjs) that bin/load-bundle.js runs with a V8 code
 * cache: Node 20 has no compile cache for ES modules. DuckDB's native binding stays outside, loaded with require as before.
 */
async function bundleCli(esbuild) {
  const entry = path.join(root, 'dist', 'cli', 'main.js');
  if (!existsSync(entry)) return;
  const outdir = path.join(root, 'dist', 'bundle');
  const runThread = path.join(root, 'dist', 'pipelines', 'run-thread-worker.js');
  await esbuild.build({
    // The run's second thread (pipelines/run-thread.ts) runs its own entry, through bin/run-thread.js.
    entryPoints: { main: entry, ...(existsSync(runThread) ? { 'run-thread': runThread } : {}) },
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    external: ['@duckdb/node-bindings'],
    plugins: [noExceljsCsv(), lazyCommanderChildProcess()],
    logLevel: 'warning',
  });
  for (const name of readdirSync(outdir).filter((f) => f.endsWith('.js'))) {
    const file = path.join(outdir, name);
    const { code } = await esbuild.transform(readFileSync(file, 'utf8'), {
      format: 'cjs',
      sourcefile: name,
      // import() of another chunk becomes require(): bin/load-bundle.js runs the chunk's script.
      supported: { 'dynamic-import': false },
      // import.meta is given by bin/load-bundle.js (the chunk's URL, as before).
      define: { 'import.meta': 'leiImportMeta' },
      logLevel: 'warning',
    });
    writeFileSync(file.replace(/\.js$/, '.cjs'), code);
    rmSync(file);
  }
}

/**
 * The V8 code cache of each chunk (bin/load-bundle.js), made by running the bundled sample once into a temporary folder:
 * a cache made at the end of a run holds every function the run compiled, not only the chunk's top level. Only in the
 * project itself (lei.yaml names its plan); a failure leaves lei working, with a slower start, and says so.
 */
function warmCodeCache() {
  if (!existsSync(path.join(root, 'dist', 'bundle', 'main.cjs')) || !existsSync(path.join(root, 'lei.yaml'))) return;
  const scratch = mkdtempSync(path.join(tmpdir(), 'lei-warm-'));
  const lei = (script, ...args) => spawnSync(process.execPath, [path.join(root, 'bin', script), ...args], { cwd: root, stdio: 'ignore' }).status;
  try {
    const inbox = path.join(scratch, 'inbox');
    const out = path.join(scratch, 'out');
    const made = lei('lei.js', 'generate-sample', '--inbox', inbox) === 0;
    const code = made ? lei('warm-code-cache.js', 'run', '--inbox', inbox, '--out', out, '--store', path.join(out, 'store.duckdb'), '--warnings-ok') : null;
    if (code !== 0) console.error(`lei のコードキャッシュを作れませんでした（終了コード ${code}）。lei は動きますが、起動が遅くなります`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * exceljs's Workbook requires its CSV reader and writer (fast-csv, dayjs: a fifth of the chunk every run loads to write
 * the committee workbook); lei never uses `workbook.csv`, so the bundle's is a stub that says so.
 */
function noExceljsCsv() {
  return {
    name: 'no-exceljs-csv',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/csv\/csv$/ }, (args) =>
        args.importer.includes(`${path.sep}node_modules${path.sep}exceljs${path.sep}`) ? { path: 'exceljs-csv', namespace: 'lei' } : undefined,
      );
      build.onLoad({ filter: /^exceljs-csv$/, namespace: 'lei' }, () => ({
        contents: "module.exports = class CSV { constructor() { throw new Error('exceljs CSV is not in the lei bundle (bin/build-dist.js)'); } };\n",
        loader: 'js',
      }));
    },
  };
}

/**
 * commander requires node:child_process when it loads, only to spawn a subcommand that is an executable of its own (lei
 * has none); loading it (with the streams, net and dgram it needs) took ~4 ms of every command's start, an unchanged
 * re-run's included. In the bundle commander gets a stand-in that loads it at its first spawn.
 */
function lazyCommanderChildProcess() {
  return {
    name: 'lazy-commander-child-process',
    setup(build) {
      build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
        args.importer.includes(`${path.sep}node_modules${path.sep}commander${path.sep}`) ? { path: 'commander-child-process', namespace: 'lei' } : undefined,
      );
      build.onLoad({ filter: /^commander-child-process$/, namespace: 'lei' }, () => ({
        contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };\n",
        loader: 'js',
      }));
    },
  };
}

/**
 * The dashboard's chart libraries (Observable Plot with d3, linkedom) bundled into the one file the site imports them
 * through: loading them as hundreds of modules cost ~0.2 s of CPU in every site build, the bundle a third of that.
 * Without esbuild (an install without devDependencies) the compiled file stays as it is: the same code, loaded slower.
 */
async function bundleChartRuntime(esbuild) {
  const file = path.join(root, 'dist', 'outputs', 'site', 'chart-runtime.js');
  if (!existsSync(file)) return;
  await esbuild.build({
    entryPoints: [file],
    outfile: file,
    allowOverwrite: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    plugins: [lazyLinkedomListeners()],
    logLevel: 'warning',
  });
}

/**
 * linkedom gives every node it makes (thousands per chart) its own listener map in a WeakMap, at construction; the
 * charts add no listener, and the WeakMap's entries are work for every garbage collection. The bundle's copy makes the
 * map on the first addEventListener instead (its dispatch already allows none): the same pages, byte for byte, in
 * ~7 % less time (docs/benchmarks.md). A linkedom whose file no longer reads as expected is bundled as it is.
 */
function lazyLinkedomListeners() {
  const edits = [
    ['  constructor() {\n    wm.set(this, new Map);\n  }', '  constructor() {}'],
    [
      '  addEventListener(type, listener, options) {\n    const map = wm.get(this);',
      '  addEventListener(type, listener, options) {\n    if (!wm.has(this)) wm.set(this, new Map);\n    const map = wm.get(this);',
    ],
    [
      '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {',
      '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {',
    ],
  ];
  return {
    name: 'lazy-linkedom-listeners',
    setup(build) {
      build.onLoad({ filter: /[\\/]linkedom[\\/]esm[\\/]interface[\\/]event-target\.js$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!edits.every(([from]) => source.includes(from))) {
          console.error('linkedom の event-target.js が想定と違うため、そのまま使います（グラフは同じ、少し遅い）');
          return undefined;
        }
        return { contents: edits.reduce((text, [from, to]) => text.replace(from, to), source), loader: 'js' };
      });
    },
  };
}
