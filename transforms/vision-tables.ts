// The logic model as the report prints it: one table per vision (visions sharing a table, 8・9, get one), rows by
// the plan's tiers in print order (行動 → 短期 → 中長期 → 参考 for Setagaya) then printed number. The committee
// workbook and the dashboard both follow it.
import type { Catalog, CatalogSlot } from '../config/load-catalog.ts';

export interface VisionTable {
  visions: number[];
  slots: CatalogSlot[];
}

export function visionTables(catalog: Catalog): VisionTable[] {
  const byVision = new Map<number, VisionTable>();
  for (const slot of catalog.slots) {
    const table = byVision.get(slot.vision) ?? { visions: [slot.vision], slots: [] };
    for (const v of slot.alsoVisions ?? []) if (!table.visions.includes(v)) table.visions.push(v);
    table.slots.push(slot);
    byVision.set(slot.vision, table);
  }
  const tierOrder = (t: string) => catalog.plan.tiers.findIndex((x) => x.id === t);
  return [...byVision.values()]
    .sort((a, b) => a.visions[0]! - b.visions[0]!)
    .map((t) => ({ visions: t.visions, slots: [...t.slots].sort((a, b) => tierOrder(a.tier) - tierOrder(b.tier) || a.position - b.position) }));
}

/** 目指す姿2, 目指す姿8・9 (the plan's word for a pillar): the printed name of a table. */
export function visionTableName(catalog: Catalog, visions: readonly number[]): string {
  return `${catalog.plan.terms.pillar}${visions.join('・')}`;
}
