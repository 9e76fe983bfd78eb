// Text content of an XML element as a parser would give it: line ends normalised, entities decoded,
// then Excel's `_xHHHH_` escapes (ST_Xstring) undone (`_x005F_` keeps a literal underscore).

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#[xX]([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** `xstring` false for attribute values and paths, where `_xHHHH_` is plain text. */
export function decodeXmlText(raw: string, xstring = true): string {
  let text = raw;
  if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n');
  if (text.indexOf('&') !== -1) text = text.replace(ENTITY, decodeEntity);
  if (xstring && text.indexOf('_x') !== -1) text = text.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return text;
}

function decodeEntity(whole: string, name: string | undefined, dec: string | undefined, hex: string | undefined): string {
  if (name !== undefined) return NAMED[name]!;
  const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
  return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}
