// Sheet names of a workbook in tab order.
import type { XlsxSource } from './open-xlsx-zip.ts';
import { readXlsxWorkbookInfo } from './read-xlsx-workbook-info.ts';

export async function listXlsxSheets(source: XlsxSource): Promise<string[]> {
  return (await readXlsxWorkbookInfo(source)).sheets;
}
