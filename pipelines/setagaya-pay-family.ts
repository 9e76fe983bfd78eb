// せたがやPay: the monthly reports as read (sources/setagaya-pay-adapter.ts) → fiscal-year values
// (transforms/pay-fiscal-year-values.ts: flows summed April–March, stocks and rates at March).
import { setagayaPayReader } from '../sources/setagaya-pay-adapter.ts';
import { payFiscalYearValues } from '../transforms/pay-fiscal-year-values.ts';
import { defineSourceFamily } from './define-source-family.ts';

export const setagayaPayFamily = defineSourceFamily({
  reader: setagayaPayReader,
  sourceKind: 'setagayaPay',
  missingConfig: { code: 'pay-no-config', whatJa: 'せたがやPay月次報告' },
  compute: ({ reports, issues, facts }, catalog, config) => {
    const values = payFiscalYearValues(reports, catalog, config);
    return { observations: values.observations, gaps: values.gaps, issues: [...issues, ...values.issues], facts };
  },
});
