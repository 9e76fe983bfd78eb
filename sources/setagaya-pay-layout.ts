// The せたがやPay family's identity and layout config with its load-time checks (no reading code, so configuring a run
// loads none); sources/setagaya-pay-adapter.ts adds the reading.
import { configProblem } from '../config/config-problem.ts';
import type { ConfigProblem } from '../config/load-catalog.ts';
import { unitsConvertible } from '../lib/convert-unit.ts';
import { payMetrics, type PayMetric } from '../lib/pay-metrics.ts';
import type { SetagayaPayConfig } from './setagaya-pay-report-config.ts';
import type { SourceLayout } from './source-reader.ts';

export const setagayaPayLayout: SourceLayout<SetagayaPayConfig> = {
  family: 'setagaya-pay',
  labelJa: 'せたがやPay 月次報告',
  extensions: ['.xlsx'],
  loadConfigSchema: () => import('./setagaya-pay-report-config.ts').then((m) => m.setagayaPayConfigSchema),
  checkConfig: (config, catalog, file) => {
    const problems: ConfigProblem[] = [];
    const parsed = config;
    parsed?.campaigns.forEach((c, i) => {
      if (c.from > c.to) problems.push(configProblem('config-pay-campaign-order', { from: c.from, to: c.to }, { file, path: `campaigns[${i}]` }));
    });
    for (const measure of catalog.measures.values()) {
      const source = measure.source;
      if (source.kind !== 'setagayaPay') continue;
      const where = { file, path: `measures.${measure.id}.source` };
      if (!parsed) {
        problems.push(
          configProblem(
            'config-source-config-missing',
            { variant: 'plain', measure: measure.nameJa, source: 'せたがやPayの月次報告', kind: 'setagayaPay', file },
            where,
          ),
        );
        continue;
      }
      const spec = payMetrics[source.metric as PayMetric];
      if (!spec) {
        problems.push(configProblem('config-pay-unknown-metric', { metric: source.metric, known: Object.keys(payMetrics).join('、') }, where));
        continue;
      }
      const wanted = spec.nature === 'rate' ? 'rate' : spec.nature;
      if (measure.aggregation !== wanted && !(spec.nature === 'flow' && measure.aggregation === 'eventCount')) {
        problems.push(configProblem('config-pay-aggregation', { metric: spec.labelJa, wanted, aggregation: measure.aggregation }, where));
      }
      for (const layout of parsed.layouts) {
        const unit = source.storeClass
          ? layout.storeClasses?.metrics[source.metric as PayMetric]
            ? layout.metrics[source.metric as PayMetric]?.unit
            : undefined
          : layout.metrics[source.metric as PayMetric]?.unit;
        if (unit && !unitsConvertible(unit, measure.unit))
          problems.push(configProblem('config-pay-unit-not-convertible', { layout: layout.id, metric: spec.labelJa, unit, measureUnit: measure.unit }, where));
      }
    }
    return problems;
  },
};
