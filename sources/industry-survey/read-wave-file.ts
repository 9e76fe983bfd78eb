// One respondent file of a wave (.xlsx from the vendor, or .csv in CP932 / UTF-8 with or without BOM), read with its
// codebook and checked cell by cell. A file that cannot be read at all (not a workbook, wrong encoding, no codebook,
// no respondent id column) gives issues and no data; anything less still yields the answers that are sound.
import { detectEncodingOfCut } from '../../lib/cut-character.ts';
import { encodingLabelsJa, type TextEncodingName } from '../../lib/decode-text.ts';
import { issueOf } from '../../lib/issue-catalog.ts';
import type { Issue } from '../../lib/issues.ts';
import { csvCutShort, csvSliceText, headerFieldCount, MAX_CSV_FIELDS, scanCsv } from '../../lib/scan-csv.ts';
import type { InboxFile } from '../inbox-file.ts';
import type { XlsxWorkbook } from '../xlsx/open-xlsx-workbook.ts';
import { XlsxReadError, type XlsxRow } from '../xlsx/read-xlsx-rows.ts';
import { withInboxWorkbook } from '../xlsx/with-inbox-workbook.ts';
import type { XlsxLimits } from '../xlsx/xlsx-limits.ts';
import type { Codebook } from './codebook.ts';
import { codebookFromConfig } from './codebook-from-config.ts';
import type { IndustrySurveyConfig, Instrument } from './industry-survey-config.ts';
import { mapWaveColumns, type ColumnPlan } from './map-wave-columns.ts';
import { normalizeHeader } from '../../lib/normalize-header.ts';
import { parseResponseDay } from './parse-response-day.ts';
import { readCodebookSheet } from './read-codebook-sheet.ts';
import type { WaveData } from './wave-data.ts';
import { WaveIngester } from './wave-ingester.ts';

export interface WaveFileInput {
  file: InboxFile;
  instrument: Instrument;
  fiscalYear: number;
  config: IndustrySurveyConfig;
  /** A separate codebook workbook for this instrument and year, if the inbox has one. */
  codebookFile?: InboxFile;
  /** Published figures using each question of this instrument's codebook (question id → measure names). */
  usedBy: (codebook: Codebook) => ReadonlyMap<string, readonly string[]>;
  onProgress?: (done: number, total: number) => void;
  xlsxLimits?: XlsxLimits;
}

export interface WaveFile {
  file: string;
  sha256: string;
  format: 'xlsx' | 'csv';
  encoding?: TextEncodingName;
  sheet?: string;
  codebook?: Codebook;
  /** Undefined when the file could not be read at all. */
  data?: WaveData;
  issues: Issue[];
}

export async function readWaveFile(input: WaveFileInput): Promise<WaveFile> {
  const { file } = input;
  const isCsv = file.name.toLowerCase().endsWith('.csv');
  const result: WaveFile = { file: file.name, sha256: file.sha256, format: isCsv ? 'csv' : 'xlsx', issues: [] };
  try {
    if (isCsv) await readCsvWave(input, result);
    else await readXlsxWave(input, result);
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    result.issues.push(
      e.code === 'xlsx-too-large'
        ? issueOf(e.code, { variant: 'survey', reason: e.message }, { file: file.name })
        : issueOf(e.code, { reason: e.message }, { file: file.name }),
    );
    delete result.data;
  }
  return result;
}

/** Where a codebook sheet is read from: the wave's own workbook (already open) or a separate codebook file. */
type CodebookSource = { name: string; rows: (sheet: string) => Promise<XlsxRow[]> };

/** The codebook from config, else from the codebook sheet of `source` (the wave itself or a separate file). */
async function resolveCodebook(input: WaveFileInput, result: WaveFile, source: CodebookSource | undefined): Promise<void> {
  const { config, instrument } = input;
  result.codebook = codebookFromConfig(config, instrument.id, input.fiscalYear);
  if (result.codebook || !source) return;
  const rows = await source.rows(config.codebookSheet.name);
  const read = readCodebookSheet({
    rows,
    layout: config.codebookSheet,
    defaultNonResponse: config.nonResponse,
    instrument: instrument.id,
    fiscalYear: input.fiscalYear,
    file: source.name,
    sheet: config.codebookSheet.name,
  });
  result.issues.push(...read.issues);
  if (read.codebook && !read.issues.some((i) => i.severity === 'error')) result.codebook = read.codebook;
}

/** A separate codebook workbook, opened when its sheet is read. */
function codebookFile(input: WaveFileInput): CodebookSource | undefined {
  const file = input.codebookFile;
  if (!file) return undefined;
  return { name: file.name, rows: (sheet) => withInboxWorkbook(file, xlsxOptions(input), (workbook) => allRows(workbook, sheet)) };
}

async function allRows(workbook: XlsxWorkbook, sheet: string): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  for await (const row of workbook.rows(sheet)) rows.push(row);
  return rows;
}

const xlsxOptions = (input: WaveFileInput) => (input.xlsxLimits ? { limits: input.xlsxLimits } : {});

async function readXlsxWave(input: WaveFileInput, result: WaveFile): Promise<void> {
  // One open of the workbook for the codebook sheet and the answers: its shared strings (every text id of a 100k
  // wave) are parsed once, and the sheet streams from the file.
  await withInboxWorkbook(input.file, xlsxOptions(input), (workbook) => readXlsxAnswers(input, result, workbook));
}

async function readXlsxAnswers(input: WaveFileInput, result: WaveFile, workbook: XlsxWorkbook): Promise<void> {
  const { file, instrument, config } = input;
  const sheets = workbook.sheets.map((s) => s.name);
  const codebookSheet = config.codebookSheet.name;
  const ownCodebook: CodebookSource = { name: file.name, rows: (sheet) => allRows(workbook, sheet) };
  await resolveCodebook(input, result, sheets.includes(codebookSheet) ? ownCodebook : codebookFile(input));
  if (!result.codebook) return noCodebook(input, result);
  const sheet = instrument.sheet ?? sheets.find((s) => s !== codebookSheet) ?? sheets[0];
  result.sheet = sheet;
  let ingester: WaveIngester | undefined;
  let inflated = 0;
  let total = 0;
  let rows = 0;
  const options = {
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    onInflated: (done: number, all: number) => {
      inflated = done;
      total = all;
    },
  };
  for await (const row of workbook.rows(sheet, options)) {
    if (ingester) {
      ingester.push(row.rowNumber, row.cells);
      if ((rows += 1) === SIZE_SAMPLE_ROWS) ingester.reserve(expectedRows(rows, inflated, total));
      continue;
    }
    if (row.rowNumber < instrument.headerRow) continue;
    const header = row.rowNumber === instrument.headerRow ? row.cells : [];
    ingester = start(input, result, header, sheet, workbook.date1904);
    if (!ingester) return;
    if (row.rowNumber > instrument.headerRow) ingester.push(row.rowNumber, row.cells);
  }
  if (!ingester) ingester = start(input, result, [], sheet, workbook.date1904);
  if (ingester) finish(result, ingester);
}

async function readCsvWave(input: WaveFileInput, result: WaveFile): Promise<void> {
  const { file, instrument, config } = input;
  const accepted: TextEncodingName[] = instrument.encoding === 'auto' ? ['utf-8', 'cp932'] : [instrument.encoding];
  // A file cut inside a character reads without its last bytes, and is then reported as cut off.
  const { detected, bytes, cutInsideCharacter } = detectEncodingOfCut(await file.readBytes(), accepted);
  if (!detected.ok) {
    result.issues.push(
      detected.code === 'text-encoding-not-accepted'
        ? issueOf(
            detected.code,
            {
              found: encodingLabelsJa[detected.found],
              accepted: accepted.map((e) => encodingLabelsJa[e]).join('・'),
              readAs: encodingLabelsJa[accepted[0]!],
              instrument: instrument.id,
            },
            { file: file.name },
          )
        : issueOf(detected.code, { line: detected.line }, { file: file.name, row: detected.line }),
    );
    return;
  }
  result.encoding = detected.encoding;
  await resolveCodebook(input, result, codebookFile(input));
  if (!result.codebook) return noCodebook(input, result);

  const encoding = detected.encoding;
  let ingester: WaveIngester | undefined;
  let failed = false;
  let records = 0;
  let headerFields = 0;
  const total = bytes.length;
  let lastReport = 0;
  const end = scanCsv(bytes, detected.bomLength, 1, (record) => {
    records += 1;
    const count = Math.min(record.count, MAX_CSV_FIELDS);
    const cells: (string | null)[] = new Array(count);
    for (let c = 0; c < count; c += 1) {
      const s = record.start[c]!;
      const e = record.end[c]!;
      cells[c] = s === e ? null : fieldText(bytes, s, e, record.kind[c]!, encoding);
    }
    if (ingester) {
      // A blank line is a record of one empty field.
      if (count > 1 || cells[0] !== null) ingester.push(record.line, cells);
      if (records === instrument.headerRow + SIZE_SAMPLE_ROWS) ingester.reserve(expectedRows(SIZE_SAMPLE_ROWS, record.start[0]!, total));
    } else if (records === instrument.headerRow) {
      headerFields = headerFieldCount(cells);
      ingester = start(input, result, cells, undefined, false);
      if (!ingester) {
        failed = true;
        return false;
      }
    }
    if (input.onProgress && records % 2048 === 0 && record.start[0]! - lastReport > total / 100) {
      lastReport = record.start[0]!;
      input.onProgress(lastReport, total);
    }
    return true;
  });
  if (failed) return;
  if (end.unterminatedQuoteLine !== undefined) {
    result.issues.push(issueOf('industry-survey-unterminated-quote', { line: end.unterminatedQuoteLine }, { file: file.name, row: end.unterminatedQuoteLine }));
    return;
  }
  // A respondent row cut short is not a respondent with unanswered questions: the export stopped there.
  const cut = ingester && end.openLast ? csvCutShort(bytes, end.openLast.from, end.openLast.line, headerFields, encoding, cutInsideCharacter) : undefined;
  if (cut) {
    result.issues.push(issueOf('industry-survey-file-cut-short', { ...cut }, { file: file.name, row: cut.line }, cut.raw));
    return;
  }
  ingester ??= start(input, result, [], undefined, false);
  if (!ingester) return;
  input.onProgress?.(total, total);
  finish(result, ingester);
}

function start(input: WaveFileInput, result: WaveFile, header: readonly unknown[], sheet: string | undefined, date1904: boolean): WaveIngester | undefined {
  const { instrument, config } = input;
  const mojibake = header.map(normalizeHeader).filter((h) => h.includes('\uFFFD') || /[\u00c0-\u00ff][\u0080-\u00bf]/.test(h));
  if (mojibake.length > 0) {
    result.issues.push(
      issueOf('industry-survey-mojibake', { variant: 'header', raw: mojibake[0]! }, { file: input.file.name, sheet, row: instrument.headerRow }, mojibake[0]),
    );
  }
  const usedBy = input.usedBy(result.codebook!);
  const used = new Set(usedBy.keys());
  const plan: ColumnPlan = mapWaveColumns({
    header,
    headerRow: instrument.headerRow,
    codebook: result.codebook!,
    instrument,
    used,
    file: input.file.name,
    sheet,
  });
  result.issues.push(...plan.issues);
  if (plan.respondentId === undefined) return undefined;
  const wave = config.waves.find((w) => w.fiscalYear === input.fiscalYear);
  const fieldwork = wave?.fieldwork ? { from: parseResponseDay(wave.fieldwork.from)!, to: parseResponseDay(wave.fieldwork.to)! } : undefined;
  return new WaveIngester({
    file: input.file.name,
    sheet,
    plan,
    usedBy,
    separator: instrument.multiSelectSeparator,
    maxCellIssues: config.maxCellIssues,
    date1904,
    // A design weighted from the frame file estimates with no file weight.
    keepWeights: config.design?.weights !== 'frame',
    ...(fieldwork ? { fieldwork } : {}),
  });
}

// After this many rows the file's size tells about how many it has: the columns are made that long once, instead of
// growing (a copy each time, old and new held together) to a million respondents.
const SIZE_SAMPLE_ROWS = 4096;
// Room above the estimate: a sheet's first rows are shorter (fewer digits in their cell references), and room never
// written costs no memory (its pages are not touched).
const ROOM = 1.15;

/** Rows expected in all, from `rows` read in `done` of `total` bytes, with some room. */
function expectedRows(rows: number, done: number, total: number): number {
  return done > 0 ? Math.ceil((rows * total * ROOM) / done) : rows;
}

function finish(result: WaveFile, ingester: WaveIngester): void {
  const data = ingester.finish();
  result.issues.push(...data.issues);
  data.issues = [];
  result.data = data;
}

function noCodebook(input: WaveFileInput, result: WaveFile): void {
  if (result.issues.some((i) => i.code === 'industry-survey-codebook-invalid')) {
    result.issues.push(issueOf('industry-survey-no-codebook', { variant: 'invalid' }, { file: input.file.name }));
    return;
  }
  const where = result.format === 'xlsx' ? `ブックのシート「${input.config.codebookSheet.name}」、` : '';
  result.issues.push(
    issueOf(
      'industry-survey-no-codebook',
      { variant: 'missing', fiscalYear: input.fiscalYear, instrument: input.instrument.nameJa, where },
      { file: input.file.name },
    ),
  );
}

/** Short ASCII fields (codes, numbers, ids) are sliced without a decoder call; the rest are decoded strictly. */
function fieldText(bytes: Uint8Array, start: number, end: number, kind: number, encoding: TextEncodingName): string {
  let ascii = end - start <= 256;
  for (let i = start; ascii && i < end; i += 1) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (!ascii || kind !== 0) return csvSliceText(bytes, start, end, kind, encoding);
  return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
}
