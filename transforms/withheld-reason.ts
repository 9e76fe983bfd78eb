// Why a value is not published, for the withheld_code / withheld_reason columns and the committee workbook.
import type { ResolvedObservation } from './resolve-observations.ts';

export function withheldReason(found: ResolvedObservation | undefined): { code: string | null; reason: string } | null {
  if (found === undefined || found.status === 'observed') return null;
  if (found.status === 'conflict') {
    return {
      code: 'conflicting-values',
      reason: `入力間で値が食い違っています（${found.observations.map((o) => `${o.provenance.file}: ${o.value}`).join(' / ')}）`,
    };
  }
  return { code: found.gap.code ?? null, reason: found.gap.reasonJa };
}
