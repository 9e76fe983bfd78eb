// What the せたがやPay operator reports each month, and how a fiscal-year value is formed from it: shared by the
// report reader's layout config (sources/) and the fiscal-year rollup (transforms/).

export const payMetrics = {
  memberStores: { labelJa: '加盟店舗数', nature: 'stock' },
  cumulativePayers: { labelJa: '累計支払経験者数', nature: 'stock' },
  paymentCount: { labelJa: '決済回数（月）', nature: 'flow' },
  paymentAmount: { labelJa: '決済金額（月）', nature: 'flow' },
  cumulativeAmount: { labelJa: '累計支払額', nature: 'stock' },
  continuationRate: { labelJa: '継続率', nature: 'rate' },
} as const;
export type PayMetric = keyof typeof payMetrics;
