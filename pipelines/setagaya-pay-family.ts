// せたがやPay: the monthly reports as read (sources/setagaya-pay-adapter.ts) → fiscal-year values
// (transforms/pay-fiscal-year-values.ts: flows summed April–March, stocks and rates at March), both loaded on the
// first read (setagaya-pay-family-read.ts).
import { setagayaPayLayout } from '../sources/setagaya-pay-layout.ts';
import { defineSourceFamily } from './define-source-family.ts';

export const setagayaPayFamily = defineSourceFamily({
  layout: setagayaPayLayout,
  sourceKind: 'setagayaPay',
  missingConfig: { code: 'pay-no-config', whatJa: 'せたがやPay月次報告' },
  load: async () => (await import('./setagaya-pay-family-read.ts')).setagayaPayFamilyRead,
});
