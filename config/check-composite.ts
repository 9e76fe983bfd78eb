// Cross-checks composite.yaml against the catalog: every measure it names exists and is printed in a
// long-tier slot, every vision weight names a vision with such a slot, and at least one input remains.
import type { Measure, Slot } from './catalog-schema.ts';
import { compositeInputs } from './composite-inputs.ts';
import type { CompositeConfig } from './composite-schema.ts';
import { configProblem, type ConfigProblem } from './config-problem.ts';

export function checkComposite(
  composite: CompositeConfig,
  measures: ReadonlyMap<string, Measure>,
  slots: readonly (Slot & { id: string })[],
  file: string,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const longMeasures = new Set(slots.filter((s) => s.tier === 'long').map((s) => s.measure));
  const checkId = (id: string, at: string) => {
    if (!measures.has(id)) {
      problems.push(configProblem('config-unknown-measure', { variant: 'defined', id, hint: '' }, { file, path: at }));
    } else if (!longMeasures.has(id)) {
      problems.push(configProblem('config-composite-not-long-term', { id, name: measures.get(id)!.nameJa }, { file, path: at }));
    }
  };
  composite.inputs.include?.forEach((id, i) => checkId(id, `inputs.include[${i}]`));
  composite.inputs.exclude.forEach((id, i) => {
    checkId(id, `inputs.exclude[${i}]`);
    if (composite.inputs.include?.includes(id)) {
      problems.push(configProblem('config-composite-included-and-excluded', { id }, { file, path: `inputs.exclude[${i}]` }));
    }
  });
  for (const id of Object.keys(composite.inputs.weights)) checkId(id, `inputs.weights.${id}`);
  const longVisions = new Set(slots.filter((s) => s.tier === 'long').map((s) => s.vision));
  for (const key of Object.keys(composite.inputs.visionWeights)) {
    if (!longVisions.has(Number(key))) {
      problems.push(configProblem('config-composite-vision-without-long-term', { vision: key }, { file, path: `inputs.visionWeights.${key}` }));
    }
  }
  if (problems.length === 0 && compositeInputs(composite, slots).length === 0) {
    problems.push(configProblem('config-composite-no-inputs', {}, { file, path: 'inputs' }));
  }
  return problems;
}
