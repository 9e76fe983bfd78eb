// The visible text of a shared string <si> or an inline <is>: the <t> of plain text and of rich-text runs <r>,
// concatenated; phonetic readings <rPh> (furigana, e.g. カイトウシャバンゴウ over 回答者番号) are not cell text.
import { decodeXmlText } from './decode-xml-text.ts';

/** `prefix` is the namespace prefix of the part's elements with its colon ('' in files written by Excel). */
export function parseRichText(xml: string, start: number, end: number, prefix = ''): string {
  const tOpen = `<${prefix}t`;
  const tClose = `</${prefix}t>`;
  const phOpen = `<${prefix}rPh`;
  const phClose = `</${prefix}rPh>`;
  let text = '';
  let p = start;
  let phonetic = nextTag(xml, phOpen, p, end);
  for (;;) {
    const t = nextTag(xml, tOpen, p, end);
    if (t === -1) return text;
    if (phonetic !== -1 && phonetic < t) {
      const openEnd = xml.indexOf('>', phonetic);
      const close = xml.charCodeAt(openEnd - 1) === 47 ? openEnd + 1 - phClose.length : xml.indexOf(phClose, openEnd);
      p = openEnd === -1 || close < 0 || close > end ? end : close + phClose.length;
      phonetic = nextTag(xml, phOpen, p, end);
      continue;
    }
    const tagEnd = xml.indexOf('>', t);
    if (tagEnd === -1 || tagEnd >= end) return text;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      p = tagEnd + 1;
      continue;
    }
    const close = xml.indexOf(tClose, tagEnd);
    if (close === -1 || close > end) return text;
    text += decodeXmlText(xml.slice(tagEnd + 1, close));
    p = close + tClose.length;
  }
}

/** Start of the next `<name` element (not `<nameLonger`) in [from, end), or -1. */
export function nextTag(xml: string, open: string, from: number, end: number): number {
  let i = xml.indexOf(open, from);
  while (i !== -1 && i < end) {
    const c = xml.charCodeAt(i + open.length);
    if (c === 62 || c === 47 || c <= 32) return i;
    i = xml.indexOf(open, i + 1);
  }
  return -1;
}
