// Rows that exporters and people put under a table, which are not records: a totals row (計・合計・総計・小計) and a
// note (※…, 注…, （注）…, 出典…). Readers of record tables skip them, naming them in an info issue, instead of reading
// them as records with a bad date.

/** What a row under (or inside) a table is when it is not a record: a totals row, a note, or neither. */
export function tableFooterRow(cells: readonly unknown[]): 'total' | 'note' | undefined {
  const texts = cells.map((c) => (c === null || c === undefined ? '' : c instanceof Date ? 'date' : String(c).normalize('NFKC').trim()));
  const filled = texts.filter((t) => t !== '');
  if (filled.length === 0) return undefined;
  if (isNoteText(filled[0]!)) return 'note';
  if (filled.some((t) => TOTAL_LABEL.test(t))) return 'total';
  return undefined;
}

// ※…, ＊…, （注）〔注〕【注】…, 注1 / 注： / 注記…, 備考, 出典, 資料：… (after NFKC).
const NOTE_MARK = /^(?:※|\*|[(〔【]\s*注|注[\d\s:：．.）)、,]|注$|注記|備考|出典|資料[:：])/;

/** Whether a cell's text opens a note (※値は速報値, （注）…, 備考): shared by every reader that skips notes under a table. */
export function isNoteText(text: string): boolean {
  return NOTE_MARK.test(text.normalize('NFKC').trim());
}

// 計 / 合計 / 総計 / 小計 / 累計, alone or with 件数 (合計件数), or with spaces between the characters (合 計).
const TOTAL_LABEL = /^(?:[合総小]?\s*計|合計件数|件数合計|総数|total|sum)[:：]?$/i;

/** Raw text of a row's first filled cells, for a message. */
export function rowText(cells: readonly unknown[], max = 80): string {
  const text = cells
    .map((c) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)))
    .filter((t) => t.trim() !== '')
    .join(',');
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}
