// Text content of an XML element as a parser would give it: line ends normalised, entities decoded,
// then Excel's `_xHHHH_` escapes (ST_Xstring) undone (`_x005F_` keeps a literal underscore).
// One pass finds whether anything needs decoding (most cell text needs none); line ends and entities are then
// decoded in one walk instead of two regular-expression replaces, with the same results.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
const CR = 13;
const LF = 10;
const AMPERSAND = 38;
const UNDERSCORE = 95;
const SEMICOLON = 59;
const HASH = 35;

/** `xstring` false for attribute values and paths, where `_xHHHH_` is plain text. */
export function decodeXmlText(raw: string, xstring = true): string {
  const length = raw.length;
  let underscore = -1;
  let i = 0;
  for (; i < length; i += 1) {
    const c = raw.charCodeAt(i);
    if (c === CR || c === AMPERSAND) break;
    if (c === UNDERSCORE && underscore === -1) underscore = i;
  }
  if (i === length) return xstring && underscore !== -1 && raw.indexOf('_x', underscore) !== -1 ? undoXstring(raw) : raw;
  const text = decodeLinesAndEntities(raw, i);
  return xstring && text.indexOf('_x') !== -1 ? undoXstring(text) : text;
}

function undoXstring(text: string): string {
  return text.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * CR LF and a lone CR → LF, and &name; &#dec; &#xhex; decoded, from `from` (the first CR or '&') on. The entities a
 * decoded CR could not be part of, and a decoded '&#13;' stays a CR, as replacing line ends first and entities second does.
 */
function decodeLinesAndEntities(raw: string, from: number): string {
  const length = raw.length;
  let out = raw.slice(0, from);
  let copied = from;
  for (let i = from; i < length; i += 1) {
    const c = raw.charCodeAt(i);
    if (c === CR) {
      out += raw.slice(copied, i) + '\n';
      if (i + 1 < length && raw.charCodeAt(i + 1) === LF) i += 1;
      copied = i + 1;
    } else if (c === AMPERSAND) {
      const end = entityEnd(raw, i + 1);
      if (end === -1) continue;
      out += raw.slice(copied, i) + entityText(raw, i + 1, end);
      i = end;
      copied = end + 1;
    }
  }
  return out + raw.slice(copied);
}

/** Where the ';' of an entity whose name starts at `start` (after '&') is: &amp; &lt; &gt; &quot; &apos; &#digits; &#xhex;, else -1. */
function entityEnd(raw: string, start: number): number {
  const length = raw.length;
  if (raw.charCodeAt(start) !== HASH) {
    let k = start;
    while (k < length && k - start < 4 && raw.charCodeAt(k) >= 97 && raw.charCodeAt(k) <= 122) k += 1;
    return k < length && raw.charCodeAt(k) === SEMICOLON && Object.hasOwn(NAMED, raw.slice(start, k)) ? k : -1;
  }
  const hex = raw.charCodeAt(start + 1) === 120 || raw.charCodeAt(start + 1) === 88; // x, X
  const digitsFrom = hex ? start + 2 : start + 1;
  let k = digitsFrom;
  while (k < length && digitValue(raw.charCodeAt(k), hex) !== -1) k += 1;
  return k > digitsFrom && k < length && raw.charCodeAt(k) === SEMICOLON ? k : -1;
}

/** The text of the entity raw[start, end) (between '&' and ';'); a number beyond Unicode stays as written. */
function entityText(raw: string, start: number, end: number): string {
  if (raw.charCodeAt(start) !== HASH) return NAMED[raw.slice(start, end)]!;
  const hex = raw.charCodeAt(start + 1) === 120 || raw.charCodeAt(start + 1) === 88;
  let code = 0;
  for (let k = hex ? start + 2 : start + 1; k < end; k += 1) code = code * (hex ? 16 : 10) + digitValue(raw.charCodeAt(k), hex);
  return code <= 0x10ffff ? String.fromCodePoint(code) : raw.slice(start - 1, end + 1);
}

function digitValue(c: number, hex: boolean): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (!hex) return -1;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}
