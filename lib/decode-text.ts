// Text files arrive as UTF-8 (with or without BOM) or CP932 (Shift_JIS as Excel saves it). The encoding is
// detected from the whole file and checked against the family's declared list; a file is never decoded with
// replacement characters, so a CP932 file can't be read as UTF-8 mojibake (research/anchors.md §3.2). Its messages
// are the issue catalog's wording (the readers still adding their own ending use `message`).
import { isUtf8 } from 'node:buffer';
import { fillTemplate } from './issue-catalog.ts';
import { ENCODING_NOT_ACCEPTED_JA, RESAVE_IN_ACCEPTED_JA, UNDECODABLE_JA } from './issue-catalog/shared-wording.ts';

export type TextEncodingName = 'utf-8' | 'cp932';

export const encodingLabelsJa: Record<TextEncodingName, string> = { 'utf-8': 'UTF-8', cp932: 'CP932（Shift_JIS）' };

export type DetectedEncoding =
  | { ok: true; encoding: TextEncodingName; /** Bytes of the BOM to skip. */ bomLength: number }
  | { ok: false; code: 'text-undecodable'; message: string; /** 1-based line of the first bad byte. */ line: number }
  | { ok: false; code: 'text-encoding-not-accepted'; message: string; /** The encoding the bytes are in. */ found: TextEncodingName; line?: undefined };

/** The encoding of the file's bytes, checked against `accepted`; never guesses from a sample. */
export function detectEncoding(bytes: Uint8Array, accepted: readonly TextEncodingName[]): DetectedEncoding {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let found: TextEncodingName | null = null;
  if (isUtf8(bytes)) found = 'utf-8';
  else if (!hasBom && decodesAsCp932(bytes)) found = 'cp932';
  if (found === null) {
    const line = firstUndecodableLine(bytes, hasBom);
    return {
      ok: false,
      code: 'text-undecodable',
      message: fillTemplate(UNDECODABLE_JA, { line }),
      line,
    };
  }
  // Pure ASCII is the same bytes in both encodings.
  const asciiOnly = found === 'utf-8' && !hasBom && isAscii(bytes);
  const encoding: TextEncodingName = asciiOnly && !accepted.includes('utf-8') && accepted.includes('cp932') ? 'cp932' : found;
  if (!accepted.includes(encoding)) {
    return {
      ok: false,
      code: 'text-encoding-not-accepted',
      found: encoding,
      message: `${fillTemplate(ENCODING_NOT_ACCEPTED_JA, { found: encodingLabelsJa[encoding], accepted: accepted.map((e) => encodingLabelsJa[e]).join('・') })}。${RESAVE_IN_ACCEPTED_JA}`,
    };
  }
  return { ok: true, encoding, bomLength: encoding === 'utf-8' && hasBom ? 3 : 0 };
}

const decoders = new Map<TextEncodingName, TextDecoder>();

/** A strict decoder (throws on a bad byte): WHATWG "shift_jis" is Microsoft's CP932 mapping. */
export function textDecoder(encoding: TextEncodingName): TextDecoder {
  let decoder = decoders.get(encoding);
  if (!decoder) {
    decoder = new TextDecoder(encoding === 'cp932' ? 'shift_jis' : 'utf-8', { fatal: true, ignoreBOM: true });
    decoders.set(encoding, decoder);
  }
  return decoder;
}

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName } | Extract<DetectedEncoding, { ok: false }>;

/** The whole file as text, BOM removed, after `detectEncoding`. */
export function decodeText(bytes: Uint8Array, accepted: readonly TextEncodingName[]): DecodedText {
  const detected = detectEncoding(bytes, accepted);
  if (!detected.ok) return detected;
  return { ok: true, text: textDecoder(detected.encoding).decode(bytes.subarray(detected.bomLength)), encoding: detected.encoding };
}

function decodesAsCp932(bytes: Uint8Array): boolean {
  try {
    const text = textDecoder('cp932').decode(bytes);
    // ICU maps a few unassigned single bytes (0x80, 0xA0, 0xFD–0xFF) to U+FFFD instead of failing.
    return !text.includes('\uFFFD');
  } catch {
    return false;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i]! >= 0x80) return false;
  return true;
}

function firstUndecodableLine(bytes: Uint8Array, hasBom: boolean): number {
  let start = hasBom ? 3 : 0;
  let line = 1;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const slice = bytes.subarray(start, end);
    if (!isUtf8(slice) && (hasBom || !decodesAsCp932(slice))) return line;
    start = end + 1;
    line += 1;
  }
  return line;
}
