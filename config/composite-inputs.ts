// The composite's inputs: each distinct measure printed in a long-tier (中長期アウトカム) slot, once, however
// many visions print it (黒字決算 is in visions 1 and 2), narrowed by include/exclude and weighted.
import type { Slot } from './catalog-schema.ts';
import type { CompositeConfig } from './composite-schema.ts';

/** The tier whose slots feed the composite. */
export const COMPOSITE_TIER = 'long';

export interface CompositeInput {
  measureId: string;
  weight: number;
  /** The visions whose tables print it (8 is the table shared by visions 8 and 9), in slot order. */
  visions: number[];
  slotIds: string[];
}

export function compositeInputs(composite: CompositeConfig, slots: readonly (Slot & { id: string })[]): CompositeInput[] {
  const byMeasure = new Map<string, CompositeInput>();
  for (const slot of slots) {
    if (slot.tier !== COMPOSITE_TIER) continue;
    let input = byMeasure.get(slot.measure);
    if (!input) {
      input = { measureId: slot.measure, weight: composite.inputs.weights[slot.measure] ?? 1, visions: [], slotIds: [] };
      byMeasure.set(slot.measure, input);
    }
    if (!input.visions.includes(slot.vision)) input.visions.push(slot.vision);
    input.slotIds.push(slot.id);
  }
  const include = composite.inputs.include ? new Set(composite.inputs.include) : undefined;
  const exclude = new Set(composite.inputs.exclude);
  return [...byMeasure.values()].filter((i) => (!include || include.has(i.measureId)) && !exclude.has(i.measureId));
}
