// The family registry: every source family the pipeline reads, in the order their results are gathered. Each maps to
// its reader (sources/), its typed layout config and its transform (the *-family.ts files beside this one). Every list
// of families elsewhere (which source kinds an adapter feeds, the inbox folders, the config files) derives from it.
import { ConfigError } from '../config/config-error.ts';
import type { Catalog, ConfigProblem } from '../config/load-catalog.ts';
import { industrySurveyFamily } from './industry-survey-family.ts';
import type { ConfiguredFamily, SourceFamily } from './define-source-family.ts';
import { koshaFamily } from './kosha-family.ts';
import { manualEntryFamily } from './manual-entry-family.ts';
import { resasFamily } from './resas-family.ts';
import { setagayaPayFamily } from './setagaya-pay-family.ts';

export const sourceFamilies: readonly SourceFamily[] = [manualEntryFamily, resasFamily, setagayaPayFamily, koshaFamily, industrySurveyFamily];

/** Source kinds that a family other than manual entry feeds; the rest are listed in the entry template. */
export const adapterFedSourceKinds: ReadonlySet<string> = new Set(sourceFamilies.flatMap((f) => (f.sourceKind ? [f.sourceKind] : [])));

/**
 * Every family's layout config that exists, parsed, and (given the catalog) the measures' bindings checked against it;
 * stops with every problem found, like the catalog.
 */
export async function configureFamilies(configDir: string, catalog?: Catalog, families: readonly SourceFamily[] = sourceFamilies): Promise<ConfiguredFamily[]> {
  const problems: ConfigProblem[] = [];
  const configured: ConfiguredFamily[] = [];
  for (const family of families) configured.push(await family.configure(configDir, problems, catalog));
  if (problems.length > 0) throw new ConfigError(problems);
  return configured;
}
