import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireRunLock } from '../lib/run-lock.ts';
import { tempDir } from './helpers.ts';

describe('the run lock', () => {
  it('lets one holder in at a time and is free again after release', async () => {
    const dir = await tempDir();
    const a = await acquireRunLock(dir, 'nightly');
    const b = await acquireRunLock(dir, 'manual');
    expect(a.acquired).toBe(true);
    expect(b).toMatchObject({ acquired: false, heldBy: { pid: process.pid, purpose: 'nightly' } });
    if (a.acquired) await a.lock.release();
    expect((await acquireRunLock(dir, 'manual')).acquired).toBe(true);
  });

  it('is taken over when its holder died without releasing it (kill -9)', async () => {
    const dir = await tempDir();
    const child = spawn('sleep', ['30']);
    const deadPid = child.pid!;
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    await writeFile(path.join(dir, '.run.lock'), JSON.stringify({ pid: deadPid, host: hostname(), since: '2026-01-01T00:00:00Z', purpose: 'nightly' }));
    const taken = await acquireRunLock(dir, 'manual');
    expect(taken.acquired).toBe(true);
  });

  it('admits exactly one of many concurrent takers', async () => {
    const dir = await tempDir();
    const attempts = await Promise.all(Array.from({ length: 20 }, (_, i) => acquireRunLock(dir, `t${i}`)));
    expect(attempts.filter((a) => a.acquired)).toHaveLength(1);
  });
});
