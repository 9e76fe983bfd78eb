// A survey wave as the vendor lays it out: header and rows for one codebook and a list of respondents, with question
// ids or question wording as headers, and multi-select answers as 0/1 columns or as "1;3;5" in one cell. Used by the
// sample generator and by the tests' fixture waves.
import type { Codebook } from '../../sources/industry-survey/codebook.ts';

export type SurveyAnswer = number | string | readonly number[] | null;

export interface SurveyRespondent {
  id: string | number | null;
  /** Question id → answer: a code (or any raw text), the chosen codes of a multi-select, or null (blank). */
  answers: Record<string, SurveyAnswer>;
  weight?: number | string | null;
  date?: Date | string | number | null;
  /** Columns the codebook does not know, by header. */
  extra?: Record<string, string | number | null>;
}

export interface WaveLayout {
  headers: 'id' | 'text';
  multi: 'columns' | 'delimited';
  idHeader: string;
  dateHeader?: string;
  weightHeader?: string;
  /** Header of a 0/1 column: {id} {code} {text} {label}; default {id}_{code} (id headers) or {text}_{label}. */
  optionHeader?: string;
  separator?: string;
  extraHeaders?: readonly string[];
}

export type WaveCell = string | number | Date | null;

export function surveyWaveTable(codebook: Codebook, respondents: readonly SurveyRespondent[], layout: WaveLayout): { header: string[]; rows: WaveCell[][] } {
  const header: string[] = [layout.idHeader];
  if (layout.dateHeader) header.push(layout.dateHeader);
  const optionHeader = layout.optionHeader ?? (layout.headers === 'id' ? '{id}_{code}' : '{text}_{label}');
  const columns: ((r: SurveyRespondent) => WaveCell)[] = [];
  for (const q of codebook.questions) {
    const name = layout.headers === 'id' ? q.id : q.textJa;
    if (q.type === 'multi' && layout.multi === 'columns') {
      for (const a of q.answers) {
        header.push(optionHeader.replaceAll('{id}', q.id).replaceAll('{code}', String(a.code)).replaceAll('{text}', q.textJa).replaceAll('{label}', a.labelJa));
        columns.push((r) => {
          const v = r.answers[q.id];
          if (v === null || v === undefined) return null;
          return Array.isArray(v) ? (v.includes(a.code) ? 1 : 0) : (v as number | string);
        });
      }
      continue;
    }
    header.push(name);
    columns.push((r) => {
      const v = r.answers[q.id];
      if (v === null || v === undefined) return null;
      if (Array.isArray(v)) return v.length === 0 ? null : v.join(layout.separator ?? ';');
      return v as number | string;
    });
  }
  if (layout.weightHeader) header.push(layout.weightHeader);
  header.push(...(layout.extraHeaders ?? []));
  const rows = respondents.map((r) => {
    const row: WaveCell[] = [r.id];
    if (layout.dateHeader) row.push(r.date ?? null);
    for (const c of columns) row.push(c(r));
    if (layout.weightHeader) row.push(r.weight ?? null);
    for (const h of layout.extraHeaders ?? []) row.push(r.extra?.[h] ?? null);
    return row;
  });
  return { header, rows };
}
