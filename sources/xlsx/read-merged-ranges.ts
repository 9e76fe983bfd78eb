// The merged cell ranges of a worksheet (<mergeCell ref="F4:G4"/>, after the sheet's rows): a merge keeps only its
// top-left cell's value, so a reader that finds columns by their header must know which header cells were merged.
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

export interface XlsxRange {
  /** The range as Excel writes it (F4:G4). */
  ref: string;
  /** 1-based rows, as Excel shows them. */
  top: number;
  bottom: number;
  /** 0-based columns (0 = A). */
  left: number;
  right: number;
}

const MERGE_CELL = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*["']([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?["']/g;
// A tag cut by a chunk's end is kept for the next chunk; text longer than this without '>' is not a mergeCell tag.
const MAX_CARRY = 4096;

/** Scans the inflated sheet part as it streams; the sheet is never held whole. */
export async function readMergedRanges(sheetXml: Readable): Promise<XlsxRange[]> {
  const ranges: XlsxRange[] = [];
  const decoder = new StringDecoder('utf8');
  let carry = '';
  const scan = (text: string, final: boolean) => {
    const cut = final ? text.length : text.lastIndexOf('<');
    const whole = cut === -1 ? text : text.slice(0, cut);
    for (const m of whole.matchAll(MERGE_CELL)) ranges.push(rangeOf(m[1]!, m[2]!, m[3] ?? m[1]!, m[4] ?? m[2]!));
    const rest = cut === -1 ? '' : text.slice(cut);
    carry = rest.length > MAX_CARRY ? '' : rest;
  };
  for await (const chunk of sheetXml) scan(carry + decoder.write(chunk as Buffer), false);
  scan(carry + decoder.end(), true);
  return ranges;
}

function rangeOf(leftLetters: string, top: string, rightLetters: string, bottom: string): XlsxRange {
  const [l, r] = [columnIndex(leftLetters), columnIndex(rightLetters)];
  const [t, b] = [Number(top), Number(bottom)];
  const ref = `${leftLetters.toUpperCase()}${top}:${rightLetters.toUpperCase()}${bottom}`;
  return { ref, top: Math.min(t, b), bottom: Math.max(t, b), left: Math.min(l, r), right: Math.max(l, r) };
}

/** Excel column letters → 0-based index (A → 0, AA → 26). */
function columnIndex(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + c.charCodeAt(0) - 64;
  return n - 1;
}
