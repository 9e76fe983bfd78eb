// `npm run build` (also run by `npm ci` through "prepare"): compiles the sources to dist/ and stamps it.
// A failed build does not fail an ordinary install (bin/lei.js then runs the sources through tsx, slower to start), but
// it says so; with LEI_BUILD_STRICT=1 (as .ci/run sets) it exits 1, so that CI fails on a type error.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root, sourceStamp, stampFile } from './source-stamp.js';

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (tsc.status === 0) {
  writeFileSync(stampFile, sourceStamp());
  console.error('dist/ を作りました（lei はコンパイル済みのコードで起動します）');
} else {
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  console.error(
    `dist/ を作れませんでした（tsc の終了コード ${tsc.status ?? tsc.signal}、上の型エラーを直してください）。lei は TypeScript のまま（tsx で）起動します`,
  );
  if (process.env.LEI_BUILD_STRICT === '1') process.exit(1);
}
