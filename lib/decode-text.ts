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
  return judged(
    found,
    hasBom,
    () => firstUndecodableLine(bytes, hasBom),
    () => isAscii(bytes),
    accepted,
  );
}

/**
 * detectEncoding for a file read as a stream (`open` gives a new pass from its start; a CP932 file takes two):
 * the same verdict over the whole file, holding one piece at a time. A byte below 0x40 (LF, comma, space, digits …)
 * is never part of a multi-byte character in either encoding, so the file is checked in pieces cut after one.
 */
export async function detectStreamEncoding(open: () => AsyncIterable<Uint8Array>, accepted: readonly TextEncodingName[]): Promise<DetectedEncoding> {
  let hasBom = false;
  let utf8 = true;
  let ascii = true;
  let first = true;
  for await (const piece of piecesAtSafeCuts(open())) {
    if (first) hasBom = piece.length >= 3 && piece[0] === 0xef && piece[1] === 0xbb && piece[2] === 0xbf;
    first = false;
    if (!isUtf8(piece)) {
      utf8 = false;
      break;
    }
    if (ascii && !isAscii(piece)) ascii = false;
  }
  if (utf8)
    return judged(
      'utf-8',
      hasBom,
      () => 0,
      () => ascii,
      accepted,
    );
  let cp932 = !hasBom;
  if (cp932) {
    for await (const piece of piecesAtSafeCuts(open())) {
      if (!decodesAsCp932(piece)) {
        cp932 = false;
        break;
      }
    }
  }
  if (cp932)
    return judged(
      'cp932',
      hasBom,
      () => 0,
      () => false,
      accepted,
    );
  // Neither: a third pass, from the start, for the line to name (the file's encoding is learnt from its first lines).
  const finder = undecodableLineFinder(hasBom);
  let badLine: number | undefined;
  let lines = 0;
  first = true;
  for await (const piece of piecesAtSafeCuts(open())) {
    const skipBom = first && hasBom;
    first = false;
    // A piece starts inside line `lines + 1` (pieces may cut a line; only LFs start new ones).
    const line = finder(piece, skipBom);
    if (line !== undefined) {
      badLine = lines + line;
      break;
    }
    for (let at = piece.indexOf(0x0a); at !== -1; at = piece.indexOf(0x0a, at + 1)) lines += 1;
  }
  return judged(
    null,
    hasBom,
    () => badLine ?? lines + 1,
    () => false,
    accepted,
  );
}

function judged(
  found: TextEncodingName | null,
  hasBom: boolean,
  undecodableLine: () => number,
  asciiOnlyBytes: () => boolean,
  accepted: readonly TextEncodingName[],
): DetectedEncoding {
  if (found === null) {
    const line = undecodableLine();
    return {
      ok: false,
      code: 'text-undecodable',
      message: fillTemplate(UNDECODABLE_JA, { line }),
      line,
    };
  }
  // Pure ASCII is the same bytes in both encodings.
  const asciiOnly = found === 'utf-8' && !hasBom && asciiOnlyBytes();
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

/** The line to name in a file that decodes in neither encoding (one past its last line if none is found). */
function firstUndecodableLine(bytes: Uint8Array, hasBom: boolean): number {
  return undecodableLineFinder(hasBom)(bytes, hasBom) ?? segments(bytes, hasBom) + 1;
}

/**
 * Finds the first line not in the file's encoding, fed the file's pieces in order (each piece's 1-based line, or
 * undefined). The encoding is the first non-ASCII line's (UTF-8 after a BOM): a line valid as UTF-8 is UTF-8 (CP932
 * text almost never is), else CP932 if it decodes as such. A line in neither, or in the other one, is the line: in a
 * CP932 file with UTF-8 appended from line 601, line 601, though its UTF-8 bytes may pass for CP932 up to a later line.
 */
function undecodableLineFinder(hasBom: boolean): (piece: Uint8Array, skipBom: boolean) => number | undefined {
  let encoding: TextEncodingName | undefined = hasBom ? 'utf-8' : undefined;
  return (piece, skipBom) => {
    let start = skipBom ? 3 : 0;
    let line = 1;
    while (start < piece.length) {
      let end = piece.indexOf(0x0a, start);
      if (end === -1) end = piece.length;
      const slice = piece.subarray(start, end);
      if (!isAscii(slice)) {
        const found: TextEncodingName | null = isUtf8(slice) ? 'utf-8' : !hasBom && decodesAsCp932(slice) ? 'cp932' : null;
        encoding ??= found ?? undefined;
        if (found !== encoding) return line;
      }
      start = end + 1;
      line += 1;
    }
    return undefined;
  };
}

/**
 * The stream in pieces that end with a byte below 0x40 (the last piece may not). Most of a chunk is given as a view
 * (a chunk may be a reused buffer: nothing of it is kept past the next chunk but a copied carry); only the carry and
 * the next chunk's bytes up to its first safe cut are joined, so the file is not copied whole once more.
 */
async function* piecesAtSafeCuts(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    let cut = chunk.length - 1;
    while (cut >= 0 && chunk[cut]! >= 0x40) cut -= 1;
    if (cut === -1) {
      carry = carry.length === 0 ? chunk.slice() : joined(carry, chunk);
      continue;
    }
    let from = 0;
    if (carry.length > 0) {
      while (chunk[from]! >= 0x40) from += 1;
      yield joined(carry, chunk.subarray(0, from + 1));
      from += 1;
    }
    if (from <= cut) yield chunk.subarray(from, cut + 1);
    carry = chunk.slice(cut + 1);
  }
  if (carry.length > 0) yield carry;
}

function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Lines (or parts of lines) of a piece, as firstUndecodableLine counts them. */
function segments(bytes: Uint8Array, hasBom: boolean): number {
  let lines = 0;
  let start = hasBom ? 3 : 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    lines += 1;
    if (end === -1) break;
    start = end + 1;
  }
  return lines;
}
