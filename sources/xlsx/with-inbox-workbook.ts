// An inbox file's workbook read from the file itself: the zip directory and each part are read at their offsets and
// inflated as they stream, so the file is never held whole (a 1M-respondent wave is ~110 MB). The file is re-hashed
// through the same handle when done, so content other than what the run listed (its sha256) stops the run.
import type { InboxFile } from '../inbox-file.ts';
import { openXlsxWorkbook, type XlsxWorkbook, type XlsxWorkbookOptions } from './open-xlsx-workbook.ts';

export async function withInboxWorkbook<T>(file: InboxFile, options: XlsxWorkbookOptions, use: (workbook: XlsxWorkbook) => Promise<T>): Promise<T> {
  // A file made in memory (tests, generated fixtures) has no handle: its bytes are read as before.
  const opened = file.openRandomAccess ? await file.openRandomAccess() : undefined;
  try {
    let result: T;
    try {
      const workbook = await openXlsxWorkbook(opened ? opened.handle : await file.readBytes(), options);
      try {
        result = await use(workbook);
      } finally {
        workbook.close();
      }
    } catch (error) {
      // A file rewritten while it was read fails as changed, not as a damaged workbook.
      await opened?.verify();
      throw error;
    }
    await opened?.verify();
    return result;
  } finally {
    await opened?.close();
  }
}
