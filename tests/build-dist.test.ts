// `npm ci` builds dist/ through "prepare": a type error is reported, and fails the install when LEI_BUILD_STRICT=1
// (.ci/run), instead of being swallowed; esbuild bundles the chart runtime and the CLI. Run on tiny projects with the repo's bin/.
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './helpers.ts';

/** A project with the repo's bin/ and node_modules whose only sources are `files` (path → text), compiled with `lib`. */
async function project(lib: string[], files: Record<string, string>): Promise<string> {
  const root = await tempDir('lei-build-');
  await cp(path.join(repoRoot, 'bin'), path.join(root, 'bin'), { recursive: true });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
  await writeFile(
    path.join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', target: 'ES2022', lib, types: [], skipLibCheck: true, noEmit: true } }),
  );
  const folders = ['cli', 'config', 'lib', 'sources', 'transforms', 'outputs', 'pipelines', 'scripts'];
  await writeFile(
    path.join(root, 'tsconfig.build.json'),
    JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: false, outDir: 'dist', rootDir: '.' }, include: folders }),
  );
  await writeFile(path.join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  await writeFile(path.join(root, 'package-lock.json'), '{}');
  for (const folder of folders) await mkdir(path.join(root, folder));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

const projectWithTypeError = () => project(['ES2022'], { 'cli/main.ts': "export const year: number = 'R6';\n" });

/**
 * A project whose sources are the dashboard's chart-runtime module, re-exporting a library from node_modules, and a CLI
 * entry that uses a CommonJS package that require()s Node's own modules (yauzl: fs, zlib, stream). Built once for the two
 * tests that read its dist/ (a build is a tsc and an esbuild run); the CLI test edits its source only after reading the build.
 */
let builtProject: Promise<{ root: string; run: { code: number; output: string } }> | undefined;
const builtChartRuntimeAndCli = () =>
  (builtProject ??= (async () => {
    const root = await project(['ES2022', 'DOM'], {
      'outputs/site/chart-runtime.ts': "export { parseHTML } from 'linkedom';\n",
      'cli/main.ts':
        "import yauzl from 'yauzl';\nexport async function runCli(args: readonly string[]): Promise<number> {\n  return typeof yauzl.open === 'function' ? 40 + args.length + (await import('./zero.js')).ZERO : 1;\n}\n",
      // Loaded with import(): a chunk of its own in the bundle.
      'cli/zero.ts': 'export const ZERO = 0;\n',
    });
    return { root, run: await build(root, { LEI_BUILD_STRICT: '1' }) };
  })());

/** `node bin/<script> a b` in the project: its exit code and what load-bundle.js reported of each chunk's code cache. */
async function runBin(root: string, script: string): Promise<{ code: number; report: string[] }> {
  const env = { ...process.env, LEI_CODE_CACHE_REPORT: '1' };
  const { code, stderr } = await promisify(execFile)(process.execPath, [path.join(root, 'bin', script), 'a', 'b'], { cwd: root, env }).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
  const report = [...stderr.matchAll(/^code cache (.+)$/gm)].map((m) => m[1]!);
  return { code, report: report.sort() };
}

async function build(root: string, env: Record<string, string>): Promise<{ code: number; output: string }> {
  return promisify(execFile)(process.execPath, [path.join(root, 'bin', 'build-dist.js')], { cwd: root, env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }),
  );
}

describe('bin/build-dist.js', () => {
  it('shows the type error and, with LEI_BUILD_STRICT=1, fails', async () => {
    const [lenient, strict] = await Promise.all([
      build(await projectWithTypeError(), { LEI_BUILD_STRICT: '' }),
      build(await projectWithTypeError(), { LEI_BUILD_STRICT: '1' }),
    ]);
    for (const run of [lenient, strict]) {
      expect(run.output).toContain("cli/main.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.");
      expect(run.output).toContain('dist/ を作れませんでした');
    }
    expect(lenient.code).toBe(0);
    expect(strict.code).toBe(1);
  });

  it('bundles the chart runtime into one file that imports no package', async () => {
    const { root, run } = await builtChartRuntimeAndCli();
    expect(run.code, run.output).toBe(0);
    const bundled = path.join(root, 'dist', 'outputs', 'site', 'chart-runtime.js');
    expect(await readFile(bundled, 'utf8')).not.toMatch(/from ["']linkedom["']/);
    const { parseHTML } = (await import(pathToFileURL(bundled).href)) as { parseHTML: (html: string) => { document: Document; Event: typeof Event } };
    const { document, Event: DomEvent } = parseHTML('<html><head><title>束</title></head><body></body></html>');
    expect(document.title).toBe('束');
    // linkedom's listener maps are made on the first addEventListener (lazyLinkedomListeners): listeners still work.
    expect(await readFile(bundled, 'utf8')).toMatch(/if \(!wm\.has\(this\)\) wm\.set\(this, (\/\* @__PURE__ \*\/ )?new Map\(\)\)/);
    const heard: string[] = [];
    const listener = (e: Event) => heard.push(e.type);
    const element = document.createElement('div');
    document.createElement('span').removeEventListener('ping', listener);
    element.addEventListener('ping', listener);
    element.dispatchEvent(new DomEvent('ping'));
    element.removeEventListener('ping', listener);
    element.dispatchEvent(new DomEvent('ping'));
    document.createElement('p').dispatchEvent(new DomEvent('ping'));
    expect(heard).toEqual(['ping']);
  });

  it('runs each chunk with the V8 code cache that warm-code-cache.js made, and without a cache that does not fit', async () => {
    const { root, run } = await builtChartRuntimeAndCli();
    expect(run.code, run.output).toBe(0);
    const bundle = path.join(root, 'dist', 'bundle');
    const chunks = (await readdir(bundle)).filter((f) => f.endsWith('.cjs')).sort();
    // main.cjs, the chunk loaded with import() and esbuild's shared chunk: every one of them runs.
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    // No lei.yaml here, so the build made no cache: every chunk compiles as usual.
    expect(await runBin(root, 'lei.js')).toEqual({ code: 42, report: chunks.map((c) => `${c}: none`) });
    expect(await runBin(root, 'warm-code-cache.js')).toEqual({ code: 42, report: chunks.map((c) => `${c}: none`) });
    expect((await readdir(bundle)).filter((f) => f.endsWith('.cjs.v8-cache'))).toHaveLength(chunks.length);
    expect(await runBin(root, 'lei.js')).toEqual({ code: 42, report: chunks.map((c) => `${c}: accepted`) });
    await writeFile(path.join(bundle, 'main.cjs.v8-cache'), 'not a code cache');
    expect(await runBin(root, 'lei.js')).toEqual({ code: 42, report: chunks.map((c) => `${c}: ${c === 'main.cjs' ? 'rejected' : 'accepted'}`) });
  });

  it('bundles the CLI, packages included, and bin/lei.js runs the bundle', async () => {
    const { root, run } = await builtChartRuntimeAndCli();
    expect(run.code, run.output).toBe(0);
    expect(await readFile(path.join(root, 'dist', 'bundle', 'main.cjs'), 'utf8')).not.toMatch(/from ["']yauzl["']|require\(["']yauzl["']\)/);
    const lei = async () => (await runBin(root, 'lei.js')).code;
    expect(await lei()).toBe(42);
    // A source edited after the build (same size, so only its time and content tell): lei runs the sources instead.
    const main = path.join(root, 'cli', 'main.ts');
    await writeFile(main, (await readFile(main, 'utf8')).replace('40 + args.length', '50 + args.length'));
    expect(await lei()).toBe(52);
  });
});
