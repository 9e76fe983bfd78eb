// config/<city>/contracts.yaml (optional): the data contracts particular to a municipality, on top of the built-in
// defaults (config/default-contracts.ts), and the size limits of xlsx inputs. Rules are declared in config/contract-rules.ts.
import { z } from 'zod';
import { contractRuleKinds, type ContractRuleKind } from './contract-rules.ts';

export const contractSeveritySchema = z.enum(['error', 'warning', 'off']);
export type ContractSeverity = z.infer<typeof contractSeveritySchema>;

export const sourceKindNames = ['manual', 'industrySurvey', 'residentSurvey', 'resas', 'setagayaPay', 'kosha'] as const;

/** One entry: a rule, the measures it applies to (all when no selector), its severity and parameters. */
export const contractEntrySchema = z.strictObject({
  rule: z.enum(contractRuleKinds),
  /** Measure ids. */
  measures: z.array(z.string().min(1)).min(1).optional(),
  /** Source kinds (measures' source.kind): manual, industrySurvey, resas, setagayaPay, kosha. */
  sources: z.array(z.enum(sourceKindNames)).min(1).optional(),
  /** Units of measures (e.g. %). */
  units: z.array(z.string().min(1)).min(1).optional(),
  severity: contractSeveritySchema.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxChangePercent: z.number().positive().optional(),
  /** allowed-categories: the 公社 record type and its column key (kosha.yaml recordTypes.<type>.columns). */
  recordType: z.string().min(1).optional(),
  column: z.string().min(1).optional(),
  values: z.array(z.string().min(1)).min(1).optional(),
  /** Why the entry exists (for the reader of the config). */
  noteJa: z.string().optional(),
});
export type ContractEntry = z.infer<typeof contractEntrySchema>;

export const contractsFileSchema = z.strictObject({
  rules: z.array(contractEntrySchema).default([]),
  /** Size limits of .xlsx inputs (decompression bombs, giant cells), in MB. */
  limits: z
    .strictObject({
      xlsxPartMegabytes: z.number().positive().optional(),
      xlsxRowMegabytes: z.number().positive().optional(),
      exceljsWorkbookMegabytes: z.number().positive().optional(),
    })
    .default({}),
});
export type ContractsFile = z.infer<typeof contractsFileSchema>;

export type { ContractRuleKind };
