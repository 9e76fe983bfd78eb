// xl/styles.xml → what each cell style shows a number as. Excel stores a date as a plain serial number and a percentage
// as its fraction (35.6% is 0.356); only the cell's number format (its cellXfs entry's numFmtId) says which. The date
// rule is exceljs's, so that the readers moved off exceljs see the same cells as dates: built-in formats 14–22 and
// 45–47, and any custom format with a date or time letter (y m d h s b) outside quotes and [brackets]. A percentage is
// built-in format 9 or 10, or a custom format with % outside quotes and brackets (Excel multiplies such a cell by 100).
import { decodeXmlText } from './decode-xml-text.ts';

export const STYLE_DATE = 1;
export const STYLE_PERCENT = 2;

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const BUILT_IN_PERCENT_FORMATS = new Set([9, 10]);

/** Per cellXfs index: STYLE_DATE, STYLE_PERCENT, or 0 for a number shown as it is. */
export function readStyleKinds(stylesXml: string): Uint8Array {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?numFmt\b([^>]*)>/g)) {
    const id = /\bnumFmtId\s*=\s*["'](\d+)["']/.exec(m[1]!)?.[1];
    const code = /\bformatCode\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1]!);
    if (id !== undefined && code) custom.set(Number(id), decodeXmlText(code[1] ?? code[2] ?? '', false).replace(/\\(.)/g, '$1'));
  }
  const cellXfs = /<(?:[A-Za-z_][\w.-]*:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const xfs = [...cellXfs.matchAll(/<(?:[A-Za-z_][\w.-]*:)?xf\b([^>]*)>/g)];
  const kinds = new Uint8Array(xfs.length);
  xfs.forEach((m, i) => {
    const id = Number(/\bnumFmtId\s*=\s*["'](\d+)["']/.exec(m[1]!)?.[1] ?? 0);
    const code = custom.get(id);
    const shown = code === undefined ? undefined : code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
    if (shown !== undefined ? /[ymdhMsb]/.test(shown) : BUILT_IN_DATE_FORMATS.has(id)) kinds[i] = STYLE_DATE;
    else if (shown !== undefined ? shown.includes('%') : BUILT_IN_PERCENT_FORMATS.has(id)) kinds[i] = STYLE_PERCENT;
  });
  return kinds;
}
