// Step 6: the data contracts judge what was read (withhold or warn), then each measure's value per fiscal year is
// resolved from the observations and the gaps.
import type { Catalog } from '../config/load-catalog.ts';
import type { AsOf } from '../lib/as-of.ts';
import type { Issue } from '../lib/issues.ts';
import { evaluateContracts } from '../transforms/evaluate-contracts.ts';
import { resolveObservations } from '../transforms/resolve-observations.ts';
import { mergeFacts, surveyWavesOf } from './contract-inputs.ts';
import type { Contracts } from '../config/load-contracts.ts';
import type { FamilyReadings } from './read-families.ts';

export interface CheckedReadings {
  resolved: ReturnType<typeof resolveObservations>;
  /** Observations withheld by a contract (kept in the observations dataset with their reason). */
  withheld: ReturnType<typeof evaluateContracts>['withheld'];
  issues: Issue[];
}

export function evaluateRunContracts(catalog: Catalog, contracts: Contracts, asOf: AsOf, read: FamilyReadings): CheckedReadings {
  const checked = evaluateContracts({
    catalog,
    entries: contracts.entries,
    observations: read.observations,
    facts: mergeFacts(read.results),
    surveyWaves: surveyWavesOf(read.results),
    asOf,
  });
  const resolved = resolveObservations(checked.observations, [...checked.gaps, ...read.gaps]);
  return { resolved, withheld: checked.withheld, issues: [...checked.issues, ...resolved.issues] };
}
