// Step 6: the data contracts judge what was read (withhold or warn), the files rejected whole withhold what they were
// expected to feed, then each measure's value per fiscal year is resolved from the observations and the gaps.
import type { Catalog } from '../config/load-catalog.ts';
import type { AsOf } from '../lib/as-of.ts';
import { rejectsFile } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import { evaluateContracts } from '../transforms/evaluate-contracts.ts';
import { resolveObservations } from '../transforms/resolve-observations.ts';
import { withholdRejectedFiles } from '../transforms/withhold-rejected-files.ts';
import { reportFiscalYear } from './compute-tables.ts';
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
  const facts = mergeFacts(read.results);
  const checked = evaluateContracts({
    catalog,
    entries: contracts.entries,
    observations: read.observations,
    facts,
    surveyWaves: surveyWavesOf(read.results),
    asOf,
  });
  const rejected = withholdRejectedFiles({
    catalog,
    rejected: facts.rejectedFiles ?? [],
    observations: read.observations,
    statuses: read.statuses,
    reportYear: reportFiscalYear(
      catalog,
      [...new Set([...read.observations, ...read.gaps].map((o) => o.fiscalYear))].sort((a, b) => a - b),
    ),
  });
  // A rejected file is the first cause: its code (the run's, or a family's own such as a survey wave's) stands before a
  // contract's (an instrument missing) or a family's other gaps (a month missing).
  const byRejection = read.gaps.filter((g) => g.code !== undefined && rejectsFile(g.code));
  const others = read.gaps.filter((g) => !byRejection.includes(g));
  const resolved = resolveObservations(checked.observations, [...rejected, ...byRejection, ...checked.gaps, ...others]);
  return { resolved, withheld: checked.withheld, issues: [...checked.issues, ...resolved.issues] };
}
