// xl/sharedStrings.xml → the table that cells of type "s" index into. Parsed as it inflates, element by element,
// so the part (35 MB for a 100k wave) is never held whole as bytes and as text at once.
import { StringDecoder } from 'node:string_decoder';
import { nextTag } from './next-tag.ts';
import { parseRichText } from './parse-rich-text.ts';
import { PendingText } from './pending-text.ts';
import { defaultXlsxLimits, megabytes, tooLarge } from './xlsx-limits.ts';

export async function readSharedStrings(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxStringChars = defaultXlsxLimits.maxRowChars,
): Promise<string[]> {
  return readSharedStringsInto(chunks, maxStringChars, []);
}

/** The same into a compact table (SharedStringTable) or any other list with push. */
export async function readSharedStringsInto<T extends { push(text: string): unknown }>(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxStringChars: number,
  strings: T,
): Promise<T> {
  const decoder = new StringDecoder('utf8');
  let prefix: string | undefined;
  // An unfinished string waits for its close tag without being rescanned: a giant one costs linear time.
  const pending = new PendingText(maxStringChars, () => tooLarge(`共有文字列の1つが ${megabytes(maxStringChars)} を超えています`));
  const take = (text: string): void => {
    if (prefix === undefined) {
      const root = /<([A-Za-z_][\w.-]*:)?sst[\s>/]/.exec(text);
      if (!root) {
        const last = text.lastIndexOf('<');
        if (last !== -1) pending.hold(text.slice(last), '>');
        return;
      }
      prefix = root[1] ?? '';
    }
    const siOpen = `<${prefix}si`;
    const siClose = `</${prefix}si>`;
    let p = 0;
    for (;;) {
      const si = nextTag(text, siOpen, p, text.length);
      if (si === -1) {
        const last = Math.max(p, text.lastIndexOf('<'));
        if (last < text.length) pending.hold(text.slice(last), '>');
        return;
      }
      const tagEnd = text.indexOf('>', si);
      if (tagEnd === -1) return pending.hold(text.slice(si), '>');
      if (text.charCodeAt(tagEnd - 1) === 47) {
        strings.push('');
        p = tagEnd + 1;
        continue;
      }
      const close = text.indexOf(siClose, tagEnd);
      if (close === -1) return pending.hold(text.slice(si), siClose);
      strings.push(parseRichText(text, tagEnd + 1, close, prefix));
      p = close + siClose.length;
    }
  };
  const feed = (text: string): void => {
    const ready = pending.holding ? pending.feed(text) : text;
    if (ready !== undefined) take(ready);
  };
  for await (const chunk of chunks) feed(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  feed(decoder.end());
  if (pending.holding) take(pending.flush());
  return strings;
}
