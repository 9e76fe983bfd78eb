// The built-in data contracts, apart from contracts.yaml's schema: every run uses them, and only a run that has to check
// contracts.yaml again loads the schema (and zod's parser for it).
import { COUNT_UNITS } from './contract-rules.ts';
import type { ContractEntry, ContractSeverity } from './contracts-schema.ts';

/** Built in, right for each source family; a contracts.yaml entry for the same rule and measure overrides them. */
export const defaultContractEntries: readonly (ContractEntry & { severity: ContractSeverity })[] = [
  { rule: 'non-negative', severity: 'error' },
  { rule: 'integer', units: [...COUNT_UNITS], severity: 'error' },
  { rule: 'range', units: ['%'], min: 0, max: 100, severity: 'error' },
  { rule: 'future-year', severity: 'error' },
  { rule: 'file-period', sources: ['manual'], severity: 'error' },
  { rule: 'months-complete', sources: ['setagayaPay'], severity: 'error' },
  { rule: 'record-coverage', sources: ['kosha'], severity: 'error' },
  { rule: 'survey-instrument-rows', sources: ['industrySurvey'], severity: 'error' },
  { rule: 'survey-instruments-complete', sources: ['industrySurvey'], severity: 'error' },
];
