// The run's collection after the reads (lib/collect-garbage.ts): typed arrays dropped by then are given back to the
// system at once (V8 frees their memory on a background thread just after the collection), and nothing happens while
// the process holds little ArrayBuffer memory. Measured in a fresh process: resident memory is process-wide, and the
// suite's workers run many files one after another.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { collectIfExternalOver } from '../lib/collect-garbage.ts';
import { repoRoot } from './helpers.ts';

const MB = 1024 * 1024;

const CHILD = `
import { setTimeout as sleep } from 'node:timers/promises';
import { collectIfExternalOver } from './lib/collect-garbage.ts';
const MB = 1024 * 1024;
const external = process.memoryUsage().external;
let columns = Array.from({ length: 96 }, () => new Uint8Array(MB).fill(1));
const held = process.memoryUsage().rss;
const length = columns.length;
columns = null;
const collected = collectIfExternalOver(external + 64 * MB);
for (let i = 0; i < 20 && process.memoryUsage().rss > held - 64 * MB; i++) await sleep(50);
console.log(JSON.stringify({ length, collected, freedMb: (held - process.memoryUsage().rss) / MB }));
`;

describe('collectIfExternalOver', () => {
  it('gives dropped typed arrays back at once when the process holds more than the limit', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], { cwd: repoRoot, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    const result = JSON.parse(child.stdout) as { length: number; collected: boolean; freedMb: number };
    expect(result).toMatchObject({ length: 96, collected: true });
    expect(result.freedMb).toBeGreaterThan(64);
  });

  it('does nothing below the limit', () => {
    expect(collectIfExternalOver(process.memoryUsage().external + 64 * MB)).toBe(false);
  });
});
