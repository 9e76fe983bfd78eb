// `npm run build` (also run by `npm ci` through "prepare"): compiles the sources to dist/ and stamps it.
// A failed build never fails the install: bin/lei.js then simply runs the sources through tsx.
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
  console.error('dist/ を作れませんでした。lei は TypeScript のまま（tsx で）起動します');
}
