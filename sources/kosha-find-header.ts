// Where a 公社 export's records start and what they are: the header row among the first rows (the kind of record
// whose id and date headers it holds, the most of its other headers winning), each needed column's index, the columns
// a measure needs that the file lacks, and the period the title rows state.
import { issueOf } from '../lib/issue-catalog.ts';
import type { Issue, IssueLocation } from '../lib/issues.ts';
import { parseRecordDate } from '../lib/parse-record-date.ts';
import type { TypeTally } from './kosha-file-tally.ts';

const DAY_MS = 86_400_000;

export interface HeaderMatch {
  tally: TypeTally;
  /** 0-based row index of the header among the rows searched. */
  row: number;
  /** Column index (0-based) by header key: id, date, columns.*, counts.* */
  columns: Map<string, number>;
  /** Text of the rows above the header (title rows), for the period. */
  titleText: string[];
}

export function findHeader(
  rows: readonly string[][],
  tallies: Map<string, TypeTally>,
  fileName: string,
  at: (row?: number, column?: string) => IssueLocation,
  issues: Issue[],
): HeaderMatch | undefined {
  for (let r = 0; r < rows.length; r += 1) {
    const cells = rows[r]!.map(normalizeText);
    const candidates: { tally: TypeTally; score: number }[] = [];
    for (const tally of tallies.values()) {
      const { type } = tally;
      if (!cells.includes(normalizeText(type.id)) || !cells.includes(normalizeText(type.date))) continue;
      const all = [...Object.values(type.columns), ...Object.values(type.counts)];
      candidates.push({ tally, score: all.filter((h) => cells.includes(normalizeText(h))).length });
    }
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => b.score - a.score);
    if (candidates.length > 1 && candidates[0]!.score === candidates[1]!.score) {
      issues.push(
        issueOf(
          'kosha-ambiguous-record-type',
          {
            types: candidates
              .filter((c) => c.score === candidates[0]!.score)
              .map((c) => c.tally.type.labelJa)
              .join('・'),
          },
          at(r + 1),
        ),
      );
      return undefined;
    }
    const { tally } = candidates[0]!;
    const columns = new Map<string, number>();
    const place = (key: string, header: string) => {
      const index = cells.indexOf(normalizeText(header));
      if (index >= 0) columns.set(key, index);
    };
    place('id', tally.type.id);
    place('date', tally.type.date);
    for (const [key, header] of Object.entries(tally.type.columns)) place(`columns.${key}`, header);
    for (const [key, header] of Object.entries(tally.type.counts)) place(`counts.${key}`, header);
    return {
      tally,
      row: r,
      columns,
      titleText: rows
        .slice(0, r)
        .flat()
        .filter((t) => t.trim() !== ''),
    };
  }
  const expected = [...tallies.values()].map((t) => `${t.type.labelJa}（${t.type.id}・${t.type.date}）`).join('、');
  issues.push(issueOf('kosha-header-not-found', { variant: 'text', rows: rows.length, expected }, { file: fileName }));
  return undefined;
}

/** Column keys the measures read: every filter column, then every count column. */
export function usedKeys(match: HeaderMatch): string[] {
  const { usage } = match.tally;
  return [...usage.filterColumns.map((c) => `columns.${c}`), ...usage.countColumns.map((c) => `counts.${c}`)];
}

/** Column indexes read: the date and every filter and count column in use. */
export function neededColumns(match: HeaderMatch): number[] {
  const keys = ['date', ...usedKeys(match)];
  return [...new Set(keys.map((k) => match.columns.get(k)).filter((i): i is number => i !== undefined))];
}

/** Columns a measure needs that the file lacks: the file can't be counted for it. */
export function missingColumns(match: HeaderMatch): string[] {
  const { type } = match.tally;
  return usedKeys(match)
    .filter((k) => !match.columns.has(k))
    .map((k) => (k.startsWith('columns.') ? type.columns[k.slice(8)] : type.counts[k.slice(7)]) ?? k);
}

/** The export's date range from a title row such as 抽出期間：2024/4/1～2025/3/31 (era dates too). */
export function readPeriod(match: HeaderMatch): { period: [number, number] | null; raw?: string } {
  const label = match.tally.type.period;
  if (!label) return { period: null };
  const texts = match.titleText.map((t) => t.normalize('NFKC'));
  const at = texts.findIndex((t) => t.includes(label.normalize('NFKC')));
  if (at < 0) return { period: null };
  let rest = texts[at]!.slice(texts[at]!.indexOf(label.normalize('NFKC')) + label.normalize('NFKC').length).replace(/^[\s:：]+/, '');
  if (rest === '') rest = texts[at + 1] ?? '';
  const parts = rest.split(/\s*(?:～|〜|~|―|から|－)\s*/).filter((p) => p !== '');
  const start = parts[0] ? parseRecordDate(parts[0]) : null;
  const end = parts[1] ? parseRecordDate(parts[1].replace(/まで$/, '')) : null;
  if (!start || !end) return { period: null, raw: texts[at] };
  return { period: [dayNumber(start.year, start.month, start.day), dayNumber(end.year, end.month, end.day)] };
}

export function normalizeText(text: string): string {
  return text.normalize('NFKC').trim();
}

export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function dayText(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${date.getUTCFullYear()}/${date.getUTCMonth() + 1}/${date.getUTCDate()}`;
}
