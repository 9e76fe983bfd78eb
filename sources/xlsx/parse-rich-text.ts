// The visible text of a shared string <si> or an inline <is>: the <t> of plain text and of rich-text runs <r>,
// concatenated; phonetic readings <rPh> (furigana, e.g. カイトウシャバンゴウ over 回答者番号) are not cell text.
import { decodeXmlText } from './decode-xml-text.ts';
import { nextTag } from './next-tag.ts';

/** Text of the element content source[start, end); `prefix` is the part's namespace prefix with its colon ('' from Excel). */
export function parseRichText(source: string, start: number, end: number, prefix = ''): string {
  // A slice keeps every indexOf inside this element: a miss would otherwise scan the rest of the part, per string.
  const xml = source.slice(start, end);
  const length = xml.length;
  const tOpen = `<${prefix}t`;
  const tClose = `</${prefix}t>`;
  const phOpen = `<${prefix}rPh`;
  const phClose = `</${prefix}rPh>`;
  let text = '';
  let p = 0;
  let phonetic = nextTag(xml, phOpen, p, length);
  for (;;) {
    const t = nextTag(xml, tOpen, p, length);
    if (t === -1) return text;
    if (phonetic !== -1 && phonetic < t) {
      const openEnd = xml.indexOf('>', phonetic);
      const close = xml.charCodeAt(openEnd - 1) === 47 ? openEnd + 1 - phClose.length : xml.indexOf(phClose, openEnd);
      p = openEnd === -1 || close < 0 ? length : close + phClose.length;
      phonetic = nextTag(xml, phOpen, p, length);
      continue;
    }
    const tagEnd = xml.indexOf('>', t);
    if (tagEnd === -1) return text;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      p = tagEnd + 1;
      continue;
    }
    const close = xml.indexOf(tClose, tagEnd);
    if (close === -1) return text;
    text += decodeXmlText(xml.slice(tagEnd + 1, close));
    p = close + tClose.length;
  }
}
