// The せたがやPay family: inbox/setagaya-pay/*.xlsx, one operator report per month; layouts in
// config/<city>/sources/setagaya-pay.yaml. All reports of a run are read together for the continuity checks.
import type { Catalog } from '../config/load-catalog.ts';
import type { ContractFacts, Reading } from '../lib/contract-facts.ts';
import { fiscalYearOf } from '../lib/fiscal-year.ts';
import { yearMonthJa, yearMonthKey } from '../lib/parse-year-month.ts';
import type { Issue } from '../lib/issues.ts';
import { payMetrics, type PayMetric } from '../lib/pay-metrics.ts';
import type { SetagayaPayConfig } from './setagaya-pay-report-config.ts';
import { setagayaPayLayout } from './setagaya-pay-layout.ts';
import { readSetagayaPayReport, type PayMonthlyReport } from './setagaya-pay-report.ts';
import type { SourceReader } from './source-reader.ts';

/** The month's reports as read, with the figures the data contracts check. */
export interface PayReading {
  reports: PayMonthlyReport[];
  issues: Issue[];
  facts: ContractFacts;
}

export const setagayaPayReader: SourceReader<SetagayaPayConfig, PayReading> = {
  ...setagayaPayLayout,
  read: async (files, catalog, parsed, context) => {
    const issues: Issue[] = [];
    const reports: PayMonthlyReport[] = [];
    for (const file of files) {
      const result = await readSetagayaPayReport(file, parsed, context?.xlsxLimits, context?.asOf);
      issues.push(...result.issues);
      if (result.report) reports.push(result.report);
    }
    return { reports, issues, facts: payFacts(reports, catalog) };
  },
};

/** Each report's figures as read, for the data contracts (a negative 決済回数), and the months present. */
function payFacts(reports: readonly PayMonthlyReport[], catalog: Catalog): ContractFacts {
  const measures = [...catalog.measures.values()].filter((m) => m.source.kind === 'setagayaPay');
  const fed = (metric: string, storeClass?: string) =>
    measures.filter((m) => m.source.kind === 'setagayaPay' && m.source.metric === metric && m.source.storeClass === storeClass).map((m) => m.id);
  const readings: Reading[] = [];
  for (const r of reports) {
    const add = (figures: PayMonthlyReport['figures'], storeClass?: string) => {
      for (const [metric, figure] of Object.entries(figures)) {
        const measureIds = fed(metric, storeClass);
        if (!figure || measureIds.length === 0) continue;
        readings.push({
          measureIds,
          fiscalYear: fiscalYearOf(r.month.year, r.month.month),
          value: figure.value,
          labelJa: `${yearMonthJa(r.month)}の${payMetrics[metric as PayMetric].labelJa}${storeClass ? `（${storeClass}）` : ''}`,
          location: { file: r.file, sheet: r.sheet, row: figure.row, column: figure.column },
          raw: String(figure.value),
        });
      }
    };
    add(r.figures);
    for (const [storeClass, figures] of r.storeClasses) add(figures, storeClass);
  }
  return {
    readings,
    monthlySeries: [
      { labelJa: 'せたがやPay 月次報告', measureIds: measures.map((m) => m.id), months: [...new Set(reports.map((r) => yearMonthKey(r.month)))] },
    ],
  };
}
