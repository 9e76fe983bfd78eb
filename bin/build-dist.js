// `npm run build` (also run by `npm ci` through "prepare"): compiles the sources to dist/ and stamps it.
// A failed build does not fail an ordinary install (bin/lei.js then runs the sources through tsx, slower to start), but
// it says so; with LEI_BUILD_STRICT=1 (as .ci/run sets) it exits 1, so that CI fails on a type error.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
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
 * The CLI and everything it imports as a few files in dist/bundle/ (bin/lei.js runs it when present): loading ~1,500
 * modules one by one (resolving, reading, and the CommonJS export scan of @duckdb/node-api) was most of an unchanged
 * re-run's time. Code loaded with import() (exceljs, the dashboard, the sample generator) stays in its own chunk, loaded
 * only when needed. DuckDB's native binding stays outside, loaded with require as before.
 */
async function bundleCli(esbuild) {
  const entry = path.join(root, 'dist', 'cli', 'main.js');
  if (!existsSync(entry)) return;
  await esbuild.build({
    entryPoints: [entry],
    outdir: path.join(root, 'dist', 'bundle'),
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    external: ['@duckdb/node-bindings'],
    // CommonJS packages in an ES module bundle call require() for Node's own modules and the native binding.
    banner: { js: "import { createRequire as leiCreateRequire } from 'node:module'; const require = leiCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

/**
 * The dashboard's chart libraries (Observable Plot with d3, linkedom) bundled into the one file the site imports them
 * through: loading them as hundreds of modules cost ~0.2 s of CPU in every site build, the bundle a third of that.
 * Without esbuild (an install without devDependencies) the compiled file stays as it is: the same code, loaded slower.
 */
async function bundleChartRuntime(esbuild) {
  const file = path.join(root, 'dist', 'outputs', 'site', 'chart-runtime.js');
  if (!existsSync(file)) return;
  await esbuild.build({ entryPoints: [file], outfile: file, allowOverwrite: true, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
}
