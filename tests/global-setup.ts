// vitest globalSetup: the test PostgreSQL (tests/postgres-global-setup.ts) and the shared sample run
// (tests/sample-global-setup.ts) are started side by side: a throwaway server's initdb and the sample's child process
// run at once. The tests start once the server answers; the sample is waited for by the files that read it. Both are
// torn down at the end.
import type { TestProject } from 'vitest/node';
import postgresSetup from './postgres-global-setup.ts';
import sampleSetup from './sample-global-setup.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const made = await Promise.allSettled([postgresSetup(project), sampleSetup(project)]);
  const teardowns = made.flatMap((m) => (m.status === 'fulfilled' ? [m.value] : []));
  const teardown = async () => void (await Promise.all(teardowns.map((t) => t())));
  const failed = made.find((m) => m.status === 'rejected');
  if (failed) {
    await teardown();
    throw failed.reason;
  }
  return teardown;
}
