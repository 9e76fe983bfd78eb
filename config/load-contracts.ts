// config/<city>/contracts.yaml (optional), checked against the catalog; the built-in defaults come first, so a
// municipality's file holds only what is particular to it.
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Measure } from './catalog-schema.ts';
import type { ContractRuleKind } from './contract-rules.ts';
import type { ContractEntry, ContractsFile } from './contracts-schema.ts';
import { defaultContractEntries } from './default-contracts.ts';
import { configProblem } from './config-problem.ts';
import { ConfigError } from './config-error.ts';
import type { Catalog, ConfigProblem } from './load-catalog.ts';
import { readConfigFile } from './read-config-file.ts';

export interface Contracts {
  /** Defaults, then the file's entries: for a rule and a measure the last entry that selects it is in force. */
  entries: readonly ContractEntry[];
  limits: ContractsFile['limits'];
  /** The file, when there is one. */
  file?: string;
}

export const CONTRACTS_FILE = 'contracts.yaml';

export async function loadContracts(catalog: Catalog): Promise<Contracts> {
  const file = path.join(catalog.dir, CONTRACTS_FILE);
  if (
    !(await access(file).then(
      () => true,
      () => false,
    ))
  )
    return { entries: defaultContractEntries, limits: {} };
  const problems: ConfigProblem[] = [];
  const parsed = await readConfigFile(file, () => import('./contracts-schema.ts').then((m) => m.contractsFileSchema), problems);
  if (parsed) problems.push(...checkContracts(parsed, catalog, file));
  if (!parsed || problems.length > 0) throw new ConfigError(problems);
  return { entries: [...defaultContractEntries, ...parsed.rules], limits: parsed.limits, file };
}

/** The entry in force for a rule and a measure, or undefined when the rule is off or selects nothing. */
export function contractFor(entries: readonly ContractEntry[], rule: ContractRuleKind, measure: Measure): ContractEntry | undefined {
  let found: ContractEntry | undefined;
  for (const e of entries) if (e.rule === rule && selects(e, measure)) found = e;
  return found === undefined || found.severity === 'off' ? undefined : found;
}

function selects(entry: ContractEntry, measure: Measure): boolean {
  return (
    (entry.measures === undefined || entry.measures.includes(measure.id)) &&
    (entry.sources === undefined || (entry.sources as readonly string[]).includes(measure.source.kind)) &&
    (entry.units === undefined || entry.units.includes(measure.unit))
  );
}

function checkContracts(file: ContractsFile, catalog: Catalog, fileName: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  file.rules.forEach((entry, i) => {
    const at = (key: string, problem: (where: { file: string; path: string }) => ConfigProblem) =>
      problems.push(problem({ file: fileName, path: `rules[${i}]${key}` }));
    entry.measures?.forEach((id, j) => {
      if (!catalog.measures.has(id)) at(`.measures[${j}]`, (w) => configProblem('config-unknown-measure', { variant: 'contracts', id }, w));
    });
    if (entry.rule === 'range' && entry.min === undefined && entry.max === undefined)
      at('', (w) => configProblem('config-contract-range-bounds-missing', {}, w));
    if (entry.min !== undefined && entry.max !== undefined && entry.min > entry.max)
      at('.min', (w) => configProblem('config-contract-min-above-max', { min: entry.min!, max: entry.max! }, w));
    if (entry.rule === 'volume-change' && entry.maxChangePercent === undefined && entry.severity !== 'off')
      at('', (w) => configProblem('config-contract-max-change-missing', {}, w));
    if (entry.rule === 'allowed-categories') {
      if (!entry.recordType || !entry.column || !entry.values) at('', (w) => configProblem('config-contract-categories-incomplete', {}, w));
      const used = [...catalog.measures.values()].some((m) => m.source.kind === 'kosha' && m.source.recordType === entry.recordType);
      if (entry.recordType && !used) at('.recordType', (w) => configProblem('config-contract-record-type-unused', { recordType: entry.recordType! }, w));
    } else if (entry.recordType || entry.column || entry.values) {
      at('', (w) => configProblem('config-contract-categories-only', { rule: entry.rule }, w));
    }
  });
  return problems;
}
