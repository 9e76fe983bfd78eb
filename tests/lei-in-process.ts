// The lei command run in this process (runCli) with captured output: what a user sees, without starting Node again.
import { runCli } from '../cli/main.ts';

export async function lei(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t), tty: false }, {});
  return { code, stdout, stderr };
}
