// vitest setupFiles: run before every test file. Test files share a worker's module cache (isolate: false in
// vitest.config.ts), so what a fresh process would give each file is set here: a hook registered when a helper
// module is first imported would serve only the first file, and `lei --lang en` run in-process (runCli) leaves
// zod's messages in English for the process, where config/load-catalog.ts set Japanese on import.
import { afterAll, beforeAll } from 'vitest';
import { z } from 'zod';
import { removeTempDirs } from './helpers.ts';

beforeAll(() => {
  z.config(z.locales.ja());
});
afterAll(removeTempDirs);
