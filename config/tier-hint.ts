// "Did you mean" for a tier that is not the plan's: a slot's or a progress-table indicator's (取り組み指標 → 取組指標).
import type { Plan } from './catalog-schema.ts';
import { closest } from './closest.ts';

/** 。「…」のことですか？ for a misspelt tier, among the plan's ids and printed labels; empty when none is near. */
export function tierHint(tier: string, plan: Pick<Plan, 'tiers'>): string {
  const hint = closest(
    tier,
    plan.tiers.flatMap((t) => [t.id, t.labelJa]),
  );
  return hint ? `。「${hint}」のことですか？` : '';
}
