// Cells with equal styles made to share one style object before the workbook is written: exceljs turns each cell's
// style into XML to find its id unless it has seen that very object before (most of the sample workbook's write time).
import type ExcelJS from 'exceljs';

type Style = Partial<ExcelJS.Style>;

const FORMULA: ExcelJS.ValueType.Formula = 6;

/**
 * The ids exceljs gives stay as they were: a style object's id depends on its content and on the type of the first cell
 * written with it (a number cell adds the General format), so both make the key, and cells that already shared one
 * object (a merged range shares its first cell's) keep sharing the one its first cell gets.
 */
export function shareStyles(workbook: ExcelJS.Workbook): void {
  const shared = new Map<string, Style>();
  const replaced = new WeakMap<Style, Style>();
  const key = styleKey();
  workbook.eachSheet((sheet) => {
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.findRow(r);
      if (!row) continue;
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.findCell(c);
        // A formula's style id follows its result's type: left to exceljs (the workbook has none).
        if (!cell || cell.type === FORMULA) continue;
        const style = cell.style as Style;
        let canonical = replaced.get(style);
        if (!canonical) {
          const k = key(style, cell.type);
          canonical = shared.get(k);
          if (!canonical) shared.set(k, (canonical = style));
          replaced.set(style, canonical);
        }
        if (canonical !== style) cell.style = canonical;
      }
    }
  });
}

/** A style's content and its cell's type as a string; fonts, fills and the like are numbered by content, once per object. */
function styleKey(): (style: Style, type: ExcelJS.ValueType) => string {
  const byContent = new Map<string, number>();
  const numbers = new WeakMap<object, number>();
  const part = (value: unknown): string | number => {
    if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? '';
    let n = numbers.get(value);
    if (n === undefined) {
      const content = JSON.stringify(value);
      n = byContent.get(content);
      if (n === undefined) byContent.set(content, (n = byContent.size));
      numbers.set(value, n);
    }
    return n;
  };
  return (style, type) => {
    let k = String(type);
    for (const name in style) k += `|${name}:${part(style[name as keyof Style])}`;
    return k;
  };
}
