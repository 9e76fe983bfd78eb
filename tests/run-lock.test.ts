import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
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

  it("admits exactly one of many concurrent takers of a dead holder's lock, and a taker that died mid-takeover blocks nobody", async () => {
    const deadPid = await deadProcessId();
    for (let round = 0; round < 5; round += 1) {
      const dir = await tempDir();
      await writeFile(path.join(dir, '.run.lock'), JSON.stringify({ pid: deadPid, host: hostname(), since: '2026-01-01T00:00:00Z', purpose: 'nightly' }));
      // Staggered starts: one taker's removal lands between another's look at the dead holder and its own removal.
      const attempts = await Promise.all(
        Array.from({ length: 12 }, async (_, i) => {
          for (let n = 0; n < i * round; n += 1) await new Promise((r) => setImmediate(r));
          return acquireRunLock(dir, `t${i}`);
        }),
      );
      expect(attempts.filter((a) => a.acquired)).toHaveLength(1);
    }
    const dir = await tempDir();
    const lockText = JSON.stringify({ pid: deadPid, host: hostname(), since: '2026-01-01T00:00:00Z', purpose: 'nightly' });
    await writeFile(path.join(dir, '.run.lock'), lockText);
    const instance = createHash('sha256').update(lockText).digest('hex').slice(0, 16);
    await writeFile(
      path.join(dir, `.run.lock.takeover-${instance}`),
      JSON.stringify({ pid: deadPid, host: hostname(), since: '2026-01-01T00:00:01Z', purpose: 'takeover' }),
    );
    expect((await acquireRunLock(dir, 'manual')).acquired).toBe(true);
  });
});

async function deadProcessId(): Promise<number> {
  const child = spawn('sleep', ['30']);
  const pid = child.pid!;
  child.kill('SIGKILL');
  await new Promise((r) => child.on('close', r));
  return pid;
}
