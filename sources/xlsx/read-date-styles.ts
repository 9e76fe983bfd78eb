// xl/styles.xml → which cell styles show a number as a date. Excel stores a date as a plain serial number; only the
// cell's number format (its cellXfs entry's numFmtId) says it is one. The rule is exceljs's, so that the readers
// moved off exceljs see the same cells as dates: built-in formats 14–22 and 45–47, and any custom format with a
// date or time letter (y m d h s b) outside quotes and [brackets].
import { decodeXmlText } from './decode-xml-text.ts';

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Per cellXfs index, 1 when the style's number format is a date or time format. */
export function readDateStyles(stylesXml: string): Uint8Array {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?numFmt\b([^>]*)>/g)) {
    const id = /\bnumFmtId\s*=\s*["'](\d+)["']/.exec(m[1]!)?.[1];
    const code = /\bformatCode\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1]!);
    if (id !== undefined && code) custom.set(Number(id), decodeXmlText(code[1] ?? code[2] ?? '', false).replace(/\\(.)/g, '$1'));
  }
  const cellXfs = /<(?:[A-Za-z_][\w.-]*:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const xfs = [...cellXfs.matchAll(/<(?:[A-Za-z_][\w.-]*:)?xf\b([^>]*)>/g)];
  const dates = new Uint8Array(xfs.length);
  xfs.forEach((m, i) => {
    const id = Number(/\bnumFmtId\s*=\s*["'](\d+)["']/.exec(m[1]!)?.[1] ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id)) dates[i] = 1;
  });
  return dates;
}

function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}
