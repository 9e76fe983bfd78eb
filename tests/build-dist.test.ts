// `npm ci` builds dist/ through "prepare": a type error is reported, and fails the install when LEI_BUILD_STRICT=1
// (.ci/run), instead of being swallowed. Run on a one-file project with the repo's bin/ and TypeScript.
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './helpers.ts';

async function projectWithTypeError(): Promise<string> {
  const root = await tempDir('lei-build-');
  await cp(path.join(repoRoot, 'bin'), path.join(root, 'bin'), { recursive: true });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
  await writeFile(
    path.join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', target: 'ES2022', lib: ['ES2022'], types: [], skipLibCheck: true, noEmit: true } }),
  );
  await writeFile(
    path.join(root, 'tsconfig.build.json'),
    JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: false, outDir: 'dist' }, include: ['cli'] }),
  );
  await writeFile(path.join(root, 'package-lock.json'), '{}');
  await mkdir(path.join(root, 'cli'));
  await writeFile(path.join(root, 'cli', 'main.ts'), "export const year: number = 'R6';\n");
  return root;
}

/** A project whose only source is the dashboard's chart-runtime module, re-exporting a library from node_modules. */
async function projectWithChartRuntime(): Promise<string> {
  const root = await tempDir('lei-build-');
  await cp(path.join(repoRoot, 'bin'), path.join(root, 'bin'), { recursive: true });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
  await writeFile(
    path.join(root, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, module: 'NodeNext', target: 'ES2022', lib: ['ES2022', 'DOM'], types: [], skipLibCheck: true, noEmit: true },
    }),
  );
  await writeFile(
    path.join(root, 'tsconfig.build.json'),
    JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: false, outDir: 'dist', rootDir: '.' }, include: ['outputs'] }),
  );
  await writeFile(path.join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  await writeFile(path.join(root, 'package-lock.json'), '{}');
  for (const folder of ['cli', 'config', 'lib', 'sources', 'transforms', 'pipelines', 'scripts']) await mkdir(path.join(root, folder));
  await mkdir(path.join(root, 'outputs', 'site'), { recursive: true });
  await writeFile(path.join(root, 'outputs', 'site', 'chart-runtime.ts'), "export { parseHTML } from 'linkedom';\n");
  return root;
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
    const root = await projectWithChartRuntime();
    const run = await build(root, { LEI_BUILD_STRICT: '1' });
    expect(run.code, run.output).toBe(0);
    const bundled = path.join(root, 'dist', 'outputs', 'site', 'chart-runtime.js');
    expect(await readFile(bundled, 'utf8')).not.toMatch(/from ["']linkedom["']/);
    const { parseHTML } = (await import(pathToFileURL(bundled).href)) as { parseHTML: (html: string) => { document: { title: string } } };
    expect(parseHTML('<html><head><title>束</title></head></html>').document.title).toBe('束');
  });
});
