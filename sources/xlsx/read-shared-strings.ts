// xl/sharedStrings.xml → the table that cells of type "s" index into. Parsed as it inflates, element by element,
// so the part (35 MB for a 100k wave) is never held whole as bytes and as text at once.
import { StringDecoder } from 'node:string_decoder';
import { nextTag } from './next-tag.ts';
import { parseRichText } from './parse-rich-text.ts';

export async function readSharedStrings(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): Promise<string[]> {
  const decoder = new StringDecoder('utf8');
  const strings: string[] = [];
  let prefix: string | undefined;
  let carry = '';
  const take = (text: string): string => {
    if (prefix === undefined) {
      const root = /<([A-Za-z_][\w.-]*:)?sst[\s>/]/.exec(text);
      if (!root) return text;
      prefix = root[1] ?? '';
    }
    const siOpen = `<${prefix}si`;
    const siClose = `</${prefix}si>`;
    let p = 0;
    for (;;) {
      const si = nextTag(text, siOpen, p, text.length);
      if (si === -1) return text.slice(Math.max(p, text.lastIndexOf('<')));
      const tagEnd = text.indexOf('>', si);
      if (tagEnd === -1) return text.slice(si);
      if (text.charCodeAt(tagEnd - 1) === 47) {
        strings.push('');
        p = tagEnd + 1;
        continue;
      }
      const close = text.indexOf(siClose, tagEnd);
      if (close === -1) return text.slice(si);
      strings.push(parseRichText(text, tagEnd + 1, close, prefix));
      p = close + siClose.length;
    }
  };
  for await (const chunk of chunks) carry = take(carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk)));
  take(carry + decoder.end());
  return strings;
}
