// Whether a header cell names a column, as a person reads it: compared after normalizeHeader (NFKC, line breaks),
// spaces anywhere and letter case ignored (年　度, 指標ｉｄ), and a bracketed note after the name still names it
// (値（単位：件）, 値\n（数値のみ）).
import { normalizeHeader } from './normalize-header.ts';

// After NFKC a full-width （） or ［］ is ( ) or [ ]; 【】 stays as it is.
const BRACKETED_SUFFIX = /^(.+?)[([【][^()[\]【】]*[)\]】]$/;

/** A header or label as compared: normalizeHeader, then no space anywhere and letters in upper case (決済　回数, 決済⏎回数 → 決済回数). */
export function headerKey(cell: unknown): string {
  return normalizeHeader(cell).replace(/\s/g, '').toUpperCase();
}

/** 'exact' when the cell is the name, 'noted' when it is the name and a bracketed note, null otherwise. */
export function headerMatch(cell: unknown, label: string): 'exact' | 'noted' | null {
  const text = headerKey(cell);
  const name = headerKey(label);
  if (text === name) return 'exact';
  return BRACKETED_SUFFIX.exec(text)?.[1] === name ? 'noted' : null;
}
