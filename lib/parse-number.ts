// Numbers as people type them into Japanese spreadsheets: full-width digits, thousands commas,
// a trailing ％, and ▲/△ for minus (accounting style).

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

export function parseLooseNumber(text: string): number | null {
  let s = text.normalize('NFKC').trim().replace(/[\s,]/g, '');
  if (/^[▲△]/.test(s)) s = `-${s.slice(1)}`;
  s = s.replace(/%$/, '');
  if (!NUMBER.test(s)) return null;
  const value = Number(s);
  return Number.isFinite(value) ? value : null;
}

/** Cells that mean "no value" in the documents: — ― ー - － and 未集計-style blanks. */
export function isMissingMarker(text: string): boolean {
  return /^[\s]*[—―ー\-－‐]+[\s]*$/.test(text.normalize('NFKC')) || /^(?:未集計|不明|なし|n\/a|na)$/i.test(text.trim());
}
