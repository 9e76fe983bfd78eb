// The types of exceljs's Workbook module, imported on its own by lib/load-exceljs.ts.
declare module 'exceljs/lib/doc/workbook.js' {
  import type ExcelJS from 'exceljs';
  const Workbook: typeof ExcelJS.Workbook;
  export default Workbook;
}
