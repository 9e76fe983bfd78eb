// Headers, labels and codebook words compared as a person reads them: full-width letters and digits folded (NFKC),
// surrounding and repeated whitespace (including line breaks inside a header cell) reduced to nothing or one space.
export function normalizeHeader(text: unknown): string {
  if (text === null || text === undefined) return '';
  const s = String(text);
  // Most headers and codes are plain ASCII; NFKC is only needed beyond it.
  return (/[^\x20-\x7e]/.test(s) ? s.normalize('NFKC') : s).replace(/\s+/g, ' ').trim();
}
