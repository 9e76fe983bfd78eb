// CSV as Excel and dashboards read it: UTF-8 with a BOM, CRLF, RFC 4180 quoting, fixed decimals where the
// column says so, and text cells that a spreadsheet would execute (= + - @) neutralised with a leading '.
import Papa from 'papaparse';
import type { ColumnSpec, DatasetSpec } from '../lib/dataset-spec.ts';
import { neutralizeFormula } from '../lib/neutralize-formula.ts';

const BOM = '\uFEFF';

export function formatCsv(spec: DatasetSpec, rows: readonly object[]): string {
  const data = rows.map((row) => spec.columns.map((c) => formatCell(c, (row as Record<string, unknown>)[c.name])));
  return BOM + Papa.unparse({ fields: spec.columns.map((c) => c.name), data }, { newline: '\r\n', quotes: false, escapeFormulae: false }) + '\r\n';
}

export function formatCell(column: ColumnSpec, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (column.type === 'string') {
    return neutralizeFormula(String(value));
  }
  if (typeof value === 'number') return column.decimals === undefined ? String(value) : value.toFixed(column.decimals);
  return String(value);
}
