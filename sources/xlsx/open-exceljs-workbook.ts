// exceljs loads a whole workbook into memory and checks sizes only after inflating everything (20–40 s and ~2 GB
// for a bomb, then "Bug : uncompressed data size mismatch"). The zip is inflated here first, streaming and within
// a byte budget, so a bomb or a giant cell is refused in linear time with a Japanese message.
import type ExcelJS from 'exceljs';
import { openWorkbook } from '../../lib/load-exceljs.ts';
import { openXlsxZip } from './open-xlsx-zip.ts';
import { corruptWorkbook, XlsxReadError } from './xlsx-read-error.ts';
import { defaultXlsxLimits, megabytes, tooLarge, type XlsxLimits } from './xlsx-limits.ts';

/** The workbook, or an XlsxReadError (xlsx-too-large, xlsx-not-a-workbook, xlsx-corrupt …) saying what to do. */
export async function openExceljsWorkbook(bytes: Uint8Array, limits: XlsxLimits = defaultXlsxLimits): Promise<ExcelJS.Workbook> {
  const zip = await openXlsxZip(bytes, { ...limits, maxPartBytes: Math.min(limits.maxPartBytes, limits.maxWorkbookBytes) });
  try {
    const entries = zip.entries();
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.maxWorkbookBytes) throw tooLarge(`展開後 ${megabytes(declared)}、上限は ${megabytes(limits.maxWorkbookBytes)}`);
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      let inflated = 0;
      try {
        for await (const chunk of await zip.openInflated(entry)) inflated += (chunk as Buffer).length;
      } catch (cause) {
        throw cause instanceof XlsxReadError ? cause : corruptWorkbook(`${entry.fileName} を展開できません`, cause);
      }
      if (inflated !== entry.uncompressedSize) throw corruptWorkbook(`${entry.fileName} の展開後の大きさが記録と合いません`);
    }
  } finally {
    zip.close();
  }
  try {
    return await openWorkbook(bytes);
  } catch (cause) {
    throw corruptWorkbook((cause as Error).message, cause);
  }
}
