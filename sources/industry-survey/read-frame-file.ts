// The sampling frame of a year's waves (母集団ファイル, e.g. 経済センサスの事業所数): one CSV row per stratum with the
// instrument, the group of each strata dimension and the population N_h. Read as rows only; the design arithmetic
// (n_h, weights, checks against the respondents) is in transforms/survey-design.ts.
import { decodeText } from '../../lib/decode-text.ts';
import { issueOf } from '../../lib/issue-catalog.ts';
import type { Issue } from '../../lib/issues.ts';
import { parseLooseNumber } from '../../lib/parse-number.ts';
import { csvCutShort, headerFieldCount, readCsvRows } from '../../lib/scan-csv.ts';
import type { InboxFile } from '../inbox-file.ts';
import type { IndustrySurveyConfig, SurveyDesign } from './industry-survey-config.ts';
import { normalizeHeader } from '../../lib/normalize-header.ts';

export interface FrameStratum {
  instrument: string;
  /** Group codes, in the order of design.strata. */
  groups: string[];
  population: number;
  row: number;
}

export interface SurveyFrame {
  file: string;
  sha256: string;
  fiscalYear: number;
  version: number;
  /** null when the file cannot be used (its issues say why). */
  strata: FrameStratum[] | null;
  issues: Issue[];
}

export async function readFrameFile(
  input: InboxFile,
  fiscalYear: number,
  version: number,
  config: IndustrySurveyConfig,
  design: SurveyDesign,
): Promise<SurveyFrame> {
  const issues: Issue[] = [];
  const fail = (message: string, row?: number, column?: string, raw?: string): SurveyFrame => {
    issues.push(
      issueOf(
        'industry-survey-frame-invalid',
        { problem: message, nextVersion: version + 1 },
        { file: input.name, ...(row ? { row } : {}), ...(column ? { column } : {}) },
        raw,
      ),
    );
    return { file: input.name, sha256: input.sha256, fiscalYear, version, strata: null, issues };
  };
  const bytes = await input.readBytes();
  const text = decodeText(bytes, ['utf-8', 'cp932']);
  if (!text.ok) return fail(text.message);
  const bom = text.encoding === 'utf-8' && bytes[0] === 0xef ? 3 : 0;
  const { rows, end } = readCsvRows(bytes, bom, text.encoding);
  const header = (rows[0]?.cells ?? []).map(normalizeHeader);
  const cut = end.openLast && rows.length > 1 ? csvCutShort(bytes, end.openLast.from, end.openLast.line, headerFieldCount(header), text.encoding) : undefined;
  if (cut) {
    return fail(
      `ファイルが途中で切れています（最後の ${cut.line} 行目は項目が ${cut.fields} 個で見出しの ${cut.headerFields} 個より少なく、改行で終わっていません:「${cut.raw}」）。元のファイルをもう一度出力してください`,
      cut.line,
      undefined,
      cut.raw,
    );
  }
  const dimensions = design.strata.map((id) => config.breakdowns!.dimensions.find((d) => d.id === id)!);
  const wanted = [design.frameColumns.instrument, ...dimensions.map((d) => d.nameJa), design.frameColumns.population];
  const at = wanted.map((h) => header.indexOf(normalizeHeader(h)));
  const absent = wanted.filter((_, k) => at[k]! < 0);
  if (absent.length > 0) return fail(`1行目に列「${absent.join('」「')}」がありません（必要な列: ${wanted.join('・')}）`, 1);
  const strata: FrameStratum[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows.slice(1)) {
    if (cells.every((c) => c.trim() === '')) continue;
    const rawInstrument = normalizeHeader(cells[at[0]!] ?? '');
    const instrument = config.instruments.find((i) => [i.id, i.nameJa, ...i.fileLabels].some((l) => normalizeHeader(l) === rawInstrument));
    if (!instrument) return fail(`調査票「${cells[at[0]!]}」が設定の instruments にありません`, line, wanted[0], cells[at[0]!]);
    const groups: string[] = [];
    for (const [k, d] of dimensions.entries()) {
      const raw = normalizeHeader(cells[at[k + 1]!] ?? '');
      const group = d.groups.find((g) => normalizeHeader(g.code) === raw || normalizeHeader(g.labelJa) === raw);
      if (!group)
        return fail(
          `${d.nameJa}「${cells[at[k + 1]!]}」が設定の breakdowns の「${d.nameJa}」のグループ（${d.groups.map((g) => g.labelJa).join('、')}）にありません`,
          line,
          d.nameJa,
          cells[at[k + 1]!],
        );
      groups.push(group.code);
    }
    const rawPopulation = cells[at.at(-1)!] ?? '';
    const population = parseLooseNumber(rawPopulation);
    if (population === null || !Number.isInteger(population) || population < 1) {
      return fail(`母集団の事業所数「${rawPopulation}」が 1 以上の整数ではありません`, line, wanted.at(-1), rawPopulation);
    }
    const key = [instrument.id, ...groups].join('\u0000');
    const twin = seen.get(key);
    if (twin !== undefined) return fail(`層（${instrument.nameJa}・${groups.join('・')}）が ${twin} 行目と ${line} 行目の 2 回あります`, line);
    seen.set(key, line);
    strata.push({ instrument: instrument.id, groups, population, row: line });
  }
  if (strata.length === 0) return fail('層の行がありません');
  return { file: input.name, sha256: input.sha256, fiscalYear, version, strata, issues };
}
