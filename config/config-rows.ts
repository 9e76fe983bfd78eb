// How the rows of the catalog's lists are named in messages: by their id or printed code, in the plan's words.
import type { RowNames } from './read-config-file.ts';

const printable = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
const byKey = (label: string, key: string) => ({ label, name: (get: (key: string) => unknown) => printable(get(key)) });

/** Rows of the catalog's own lists, named by their id. */
export const CATALOG_ROWS: RowNames = {
  measures: byKey('指標', 'id'),
  lines: byKey('行', 'id'),
  sections: byKey('方針', 'id'),
  tiers: byKey('区分', 'labelJa'),
  statuses: byKey('状態', 'labelJa'),
  slots: {
    label: '枠',
    name: (get) =>
      printable(get('id')) ?? (get('vision') === undefined ? undefined : `v${String(get('vision'))}-${String(get('tier'))}-${String(get('position'))}`),
  },
};

/** A progress table's rows by their printed codes, in the plan's words (柱「Ⅰ」施策「Ⅰ-ⅰ」指標「1-①」). */
export function progressRows(terms: { pillar: string; section: string }): RowNames {
  return {
    pillars: byKey(terms.pillar, 'code'),
    sections: byKey(terms.section, 'code'),
    // A code may repeat within a section (one card, several rows): the row's own id, when given, tells them apart.
    indicators: {
      label: '指標',
      name: (get) => printable(get('code')) && `${printable(get('code'))}${printable(get('id')) ? `（${printable(get('id'))}）` : ''}`,
    },
    yearRoles: byKey('年度の列', 'labelJa'),
    grades: byKey('評価', 'grade'),
  };
}
