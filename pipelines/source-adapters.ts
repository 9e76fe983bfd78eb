// The shape a source family had before the family registry (pipelines/source-families.ts): config untyped. Only the
// industry survey still uses it (pipelines/industry-survey-family.ts, sources/industry-survey-adapter.ts), registered
// through adapterFamily(); defineSourceFamily() keeps a family's config typed instead.
import type { z } from 'zod';
import type { Catalog, ConfigProblem } from '../config/load-catalog.ts';
import type { SourceResult } from '../lib/observation.ts';
import type { InboxFile } from '../sources/inbox-file.ts';
import type { ReadContext } from '../sources/source-reader.ts';

export type { ReadContext };

export interface SourceAdapter {
  family: string;
  labelJa: string;
  extensions: readonly string[];
  configSchema?: z.ZodType;
  checkConfig?(config: unknown, catalog: Catalog, file: string): ConfigProblem[];
  read(files: readonly InboxFile[], catalog: Catalog, config: unknown, context?: ReadContext): Promise<SourceResult>;
}
