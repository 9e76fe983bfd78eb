// xl/sharedStrings.xml → the table that cells of type "s" index into (read whole: it is small next to the sheet).
import { parseRichText, nextTag } from './parse-rich-text.ts';

export function parseSharedStrings(xml: string): string[] {
  const prefix = /<([A-Za-z_][\w.-]*:)?sst[\s>]/.exec(xml)?.[1] ?? '';
  const siOpen = `<${prefix}si`;
  const siClose = `</${prefix}si>`;
  const strings: string[] = [];
  let p = 0;
  for (;;) {
    const si = nextTag(xml, siOpen, p, xml.length);
    if (si === -1) return strings;
    const tagEnd = xml.indexOf('>', si);
    if (tagEnd === -1) return strings;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      strings.push('');
      p = tagEnd + 1;
      continue;
    }
    const close = xml.indexOf(siClose, tagEnd);
    const end = close === -1 ? xml.length : close;
    strings.push(parseRichText(xml, tagEnd + 1, end, prefix));
    p = end + siClose.length;
  }
}
