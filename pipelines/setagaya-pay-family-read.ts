// The reading side of the せたがやPay family (setagaya-pay-family.ts imports it on the first read): the monthly
// reports, then their fiscal-year values.
import { setagayaPayReader, type PayReading } from '../sources/setagaya-pay-adapter.ts';
import type { SetagayaPayConfig } from '../sources/setagaya-pay-report-config.ts';
import { payFiscalYearValues } from '../transforms/pay-fiscal-year-values.ts';
import type { FamilyReading } from './define-source-family.ts';

export const setagayaPayFamilyRead: FamilyReading<SetagayaPayConfig, PayReading> = {
  reader: setagayaPayReader,
  compute: ({ reports, issues, facts }, catalog, config) => {
    const values = payFiscalYearValues(reports, catalog, config);
    return { observations: values.observations, gaps: values.gaps, issues: [...issues, ...values.issues], facts };
  },
};
