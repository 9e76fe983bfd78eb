// What the data contracts take from the families' results (facts, the survey waves table) and give the readers
// (xlsx size limits from contracts.yaml).
import type { Contracts } from '../config/load-contracts.ts';
import type { ContractFacts } from '../lib/contract-facts.ts';
import { surveyWaves } from '../lib/datasets/survey-tables.ts';
import type { SourceResult } from '../lib/observation.ts';
import { defaultXlsxLimits, type XlsxLimits } from '../sources/xlsx/xlsx-limits.ts';
import type { SurveyWaveFact } from '../transforms/evaluate-contracts.ts';

export function mergeFacts(results: readonly SourceResult[]): ContractFacts {
  return {
    readings: results.flatMap((r) => r.facts?.readings ?? []),
    filePeriods: results.flatMap((r) => r.facts?.filePeriods ?? []),
    monthlySeries: results.flatMap((r) => r.facts?.monthlySeries ?? []),
    recordExports: results.flatMap((r) => r.facts?.recordExports ?? []),
    rejectedFiles: results.flatMap((r) => r.facts?.rejectedFiles ?? []),
  };
}

export function surveyWavesOf(results: readonly SourceResult[]): SurveyWaveFact[] {
  return results.flatMap((r) => (r.tables?.[surveyWaves.name] ?? []) as SurveyWaveFact[]);
}

const MB = 1024 * 1024;

export function xlsxLimitsOf(contracts: Contracts): XlsxLimits {
  const l = contracts.limits;
  return {
    maxPartBytes: l.xlsxPartMegabytes === undefined ? defaultXlsxLimits.maxPartBytes : l.xlsxPartMegabytes * MB,
    maxRowChars: l.xlsxRowMegabytes === undefined ? defaultXlsxLimits.maxRowChars : l.xlsxRowMegabytes * MB,
    maxWorkbookBytes: l.exceljsWorkbookMegabytes === undefined ? defaultXlsxLimits.maxWorkbookBytes : l.exceljsWorkbookMegabytes * MB,
  };
}
