// The shapes of a cell's markup the worksheet scanner (sheet-row-scanner.ts) recognises character by character.
// Character codes as local constants: imported ones cost ~6 % of reading a 100k wave (read-rows bench, dist/ unbundled).
const EOT = -1;
const LT = 60;
const SLASH = 47;
const GT = 62;
const QUOTE = 34;
const EQUALS = 61;
const LETTER_R = 114;
const LETTER_C = 99;
const LETTER_V = 118;

// Without a namespace prefix (as Excel writes), the usual tags are checked character by character: a startsWith
// call per cell cost as much as the rest of the cell. `at` + the tag's length is within the text.
export function isValueTag(xml: string, at: number): boolean {
  return xml.charCodeAt(at) === LT && xml.charCodeAt(at + 1) === LETTER_V && xml.charCodeAt(at + 2) === GT;
}

/** `</v></c>` at `at`. */
export function isValueAndCellClose(xml: string, at: number): boolean {
  return (
    xml.charCodeAt(at) === LT &&
    xml.charCodeAt(at + 1) === SLASH &&
    xml.charCodeAt(at + 2) === LETTER_V &&
    xml.charCodeAt(at + 3) === GT &&
    xml.charCodeAt(at + 4) === LT &&
    xml.charCodeAt(at + 5) === SLASH &&
    xml.charCodeAt(at + 6) === LETTER_C &&
    xml.charCodeAt(at + 7) === GT
  );
}

/**
 * `<c r="AB12">` at `lt` with nothing else in the tag: (0-based column << 8) | the offset of its '>' from `lt`; -1
 * for any other shape (or text that stops inside it), which readTag then reads.
 */
export function plainCellRef(xml: string, lt: number): number {
  const length = xml.length;
  if (
    lt + 8 >= length ||
    xml.charCodeAt(lt + 2) !== 32 ||
    xml.charCodeAt(lt + 3) !== LETTER_R ||
    xml.charCodeAt(lt + 4) !== EQUALS ||
    xml.charCodeAt(lt + 5) !== QUOTE
  ) {
    return -1;
  }
  let i = lt + 6;
  let c = xml.charCodeAt(i);
  let letters = 0;
  while (c >= 65 && c <= 90 && i < lt + 9) {
    letters = letters * 26 + c - 64;
    c = ++i < length ? xml.charCodeAt(i) : EOT;
  }
  if (letters === 0) return -1;
  while (c >= 48 && c <= 57) c = ++i < length ? xml.charCodeAt(i) : EOT;
  if (c !== QUOTE || i + 1 >= length || xml.charCodeAt(i + 1) !== GT || i + 1 - lt > 255) return -1;
  return ((letters - 1) << 8) | (i + 1 - lt);
}

/** 0-based column of a reference such as "AB12" starting at `at`; -1 when there are no letters. */
export function columnAt(xml: string, at: number): number {
  let col = 0;
  for (let i = at; ; i += 1) {
    const c = xml.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else return col - 1;
  }
}
