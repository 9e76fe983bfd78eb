// Writes rows as a CSV file the way offices' systems save them: CRLF, quotes only where needed, and either
// UTF-8 with a BOM (Excel's "CSV UTF-8") or CP932 (Excel's plain "CSV").
import { encodeCp932 } from '../../lib/encode-cp932.ts';

export type CsvFileEncoding = 'utf-8-bom' | 'utf-8' | 'cp932';

export function writeCsvFile(rows: readonly (readonly (string | number | null)[])[], encoding: CsvFileEncoding): Buffer {
  const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  if (encoding === 'cp932') return encodeCp932(text);
  return Buffer.concat([encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
