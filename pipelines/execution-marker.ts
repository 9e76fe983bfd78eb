// An execution in progress leaves a small marker in the output folder (cheaper than a ledger write at the
// start). A marker found by the next holder of the run lock is an execution that was killed: the ledger
// records it as interrupted.
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ExecutionMarker {
  executionId: string;
  startedAt: string;
  trigger: string;
}

export async function replaceExecutionMarker(outDir: string, marker: ExecutionMarker): Promise<ExecutionMarker | undefined> {
  const file = path.join(outDir, '.execution.json');
  const previous = await readExecutionMarker(outDir);
  const temp = `${file}.${randomUUID()}.tmp`;
  await writeFile(temp, JSON.stringify(marker), { mode: 0o600 });
  await rename(temp, file);
  return previous;
}

export async function readExecutionMarker(outDir: string): Promise<ExecutionMarker | undefined> {
  try {
    return JSON.parse(await readFile(path.join(outDir, '.execution.json'), 'utf8')) as ExecutionMarker;
  } catch {
    return undefined;
  }
}

export async function clearExecutionMarker(outDir: string): Promise<void> {
  await rm(path.join(outDir, '.execution.json'), { force: true });
}
