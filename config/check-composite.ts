// Cross-checks composite.yaml against the catalog: every measure it names exists and is printed in a
// long-tier slot, every vision weight names a vision with such a slot, and at least one input remains.
import type { Measure, Slot } from './catalog-schema.ts';
import { compositeInputs } from './composite-inputs.ts';
import type { CompositeConfig } from './composite-schema.ts';
import type { ConfigProblem } from './load-catalog.ts';

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
      problems.push({ file, path: at, message: `指標ID「${id}」は measures*.yaml に定義されていません` });
    } else if (!longMeasures.has(id)) {
      problems.push({
        file,
        path: at,
        message: `指標「${id}」（${measures.get(id)!.nameJa}）は中長期アウトカム（tier: long）の枠にありません。充実度の入力にできるのは中長期アウトカムの指標だけです`,
      });
    }
  };
  composite.inputs.include?.forEach((id, i) => checkId(id, `inputs.include[${i}]`));
  composite.inputs.exclude.forEach((id, i) => {
    checkId(id, `inputs.exclude[${i}]`);
    if (composite.inputs.include?.includes(id)) {
      problems.push({ file, path: `inputs.exclude[${i}]`, message: `指標「${id}」が include と exclude の両方にあります。どちらか一方にしてください` });
    }
  });
  for (const id of Object.keys(composite.inputs.weights)) checkId(id, `inputs.weights.${id}`);
  const longVisions = new Set(slots.filter((s) => s.tier === 'long').map((s) => s.vision));
  for (const key of Object.keys(composite.inputs.visionWeights)) {
    if (!longVisions.has(Number(key))) {
      problems.push({
        file,
        path: `inputs.visionWeights.${key}`,
        message: `目指す姿 ${key} には中長期アウトカムの枠がありません（slots.yaml の vision を確認してください）`,
      });
    }
  }
  if (problems.length === 0 && compositeInputs(composite, slots).length === 0) {
    problems.push({ file, path: 'inputs', message: '充実度の入力が1つもありません。include / exclude を見直してください' });
  }
  return problems;
}
