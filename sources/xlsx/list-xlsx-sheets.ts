// Sheet names of a workbook in tab order.
import { readXlsxWorkbookInfo } from './read-xlsx-workbook-info.ts';

export async function listXlsxSheets(source: string | Uint8Array): Promise<string[]> {
  return (await readXlsxWorkbookInfo(source)).sheets;
}
