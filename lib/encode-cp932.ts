// Writes CP932 (Shift_JIS as Excel saves it) for fixtures and the sample inbox, without a dependency: the
// table is the platform's own CP932 decoder inverted, so what we write is exactly what we read back.
let table: Map<number, number> | undefined;

function buildTable(): Map<number, number> {
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  const map = new Map<number, number>();
  for (let lead = 0x81; lead <= 0xfc; lead += 1) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail += 1) {
      if (trail === 0x7f) continue;
      let text: string;
      try {
        text = decoder.decode(Uint8Array.of(lead, trail));
      } catch {
        continue;
      }
      if (text.length !== 1 || text === '\uFFFD') continue;
      const codePoint = text.charCodeAt(0);
      const existing = map.get(codePoint);
      // Like Windows, prefer the IBM extension rows (0xFA–0xFC) over their NEC-selected copies (0xED–0xEE).
      if (existing === undefined || (existing >> 8 >= 0xed && existing >> 8 <= 0xee && lead >= 0xfa)) map.set(codePoint, (lead << 8) | trail);
    }
  }
  return map;
}

/** Encodes text as CP932. Throws RangeError naming the first character CP932 cannot represent (e.g. 〜 U+301C). */
export function encodeCp932(text: string): Buffer {
  table ??= buildTable();
  const out = Buffer.alloc(text.length * 2);
  let length = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out[length++] = code;
    } else if (code >= 0xff61 && code <= 0xff9f) {
      out[length++] = code - 0xff61 + 0xa1;
    } else {
      const bytes = table.get(code);
      if (bytes === undefined) {
        throw new RangeError(`CP932 で表せない文字です: 「${text[i]}」(U+${code.toString(16).toUpperCase().padStart(4, '0')}) at ${i}`);
      }
      out[length++] = bytes >> 8;
      out[length++] = bytes & 0xff;
    }
  }
  return out.subarray(0, length);
}
