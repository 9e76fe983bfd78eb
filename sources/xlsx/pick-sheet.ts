// The sheet a caller asked for (name, 0-based index, or the first in workbook order), or an error listing what exists.
import type { XlsxSheetPart } from './resolve-workbook.ts';
import { XlsxReadError } from './xlsx-read-error.ts';

export function pickSheet(sheets: readonly XlsxSheetPart[], wanted: string | number | undefined): XlsxSheetPart & { path: string } {
  const found =
    wanted === undefined
      ? sheets[0]
      : typeof wanted === 'number'
        ? sheets[wanted]
        : (sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase()));
  const names = sheets.map((s) => `「${s.name}」`).join('') || '（なし）';
  if (!found) {
    const asked = wanted === undefined ? 'ワークシート' : typeof wanted === 'number' ? `${wanted + 1}番目のシート` : `シート「${wanted}」`;
    throw new XlsxReadError('xlsx-sheet-not-found', `${asked}がありません（このブックのシート: ${names}）。シート名と設定を確かめてください`);
  }
  if (found.kind !== 'worksheet' || found.path === undefined) {
    throw new XlsxReadError(
      'xlsx-not-a-worksheet',
      `シート「${found.name}」はグラフシートなどで、表のデータがありません（このブックのシート: ${names}）。データのあるシートを指定してください`,
    );
  }
  return found as XlsxSheetPart & { path: string };
}
