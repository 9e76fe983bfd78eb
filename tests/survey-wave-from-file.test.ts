// A wave workbook is read from the file itself (the zip directory and each part at their offsets, inflated as they
// stream), not loaded whole: the same answers and figures as from its bytes, a file rewritten while it is read stops
// the run, and what a respondent costs is kept small (shared strings joined, ids as bytes, row numbers as runs).
import { open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runIndustrySurvey } from '../pipelines/industry-survey-family-read.ts';
import { InboxFileChangedError, readInboxFile, type InboxFile } from '../sources/inbox-file.ts';
import { IdKeyBytes, keyBuffer } from '../sources/industry-survey/id-key-bytes.ts';
import { RespondentIds } from '../sources/industry-survey/respondent-ids.ts';
import { RowNumbers } from '../sources/industry-survey/row-numbers.ts';
import { TextAnswers } from '../sources/industry-survey/text-answers.ts';
import { openXlsxWorkbook, type XlsxWorkbook } from '../sources/xlsx/open-xlsx-workbook.ts';
import { SharedStringTable } from '../sources/xlsx/shared-string-table.ts';
import type { XlsxRow } from '../sources/xlsx/xlsx-row.ts';
import { inboxFile, putInInbox, residentsConfig, residentsMeasures, residentsRespondents, writeResidentsWave } from './fixtures/survey-wave-fixtures.ts';
import { tempDir } from './helpers.ts';

/** The 6000-respondent wave, written once for the three tests that read it (exceljs takes ~1 s of CPU per write; seeded, so the same bytes). */
let wave: ReturnType<typeof writeResidentsWave> | undefined;

/** A wave whose answer sheet is several of the reader's raw reads (256 KB) and inflate chunks (64 KB) long, in an inbox of its own. */
async function largeWave(): Promise<{ inbox: string; name: string; bytes: Buffer }> {
  const [file] = await (wave ??= writeResidentsWave('xlsx-id', residentsRespondents(11, 6000)));
  const inbox = await tempDir();
  await putInInbox(inbox, [file!]);
  return { inbox, name: file!.name, bytes: file!.bytes };
}

/** The file as the run lists it, refusing to be read whole (the reader must take it at offsets). */
async function streamedOnly(inbox: string, name: string): Promise<InboxFile> {
  const listed = await readInboxFile(inbox, path.join(inbox, name));
  return {
    ...listed,
    readBytes: () => Promise.reject(new Error('the wave was read whole')),
  };
}

async function allRows(workbook: XlsxWorkbook, sheet: string): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  for await (const row of workbook.rows(sheet)) rows.push(row);
  return rows;
}

describe('a wave workbook read from its file', () => {
  it('gives the rows its bytes give, for a sheet many read and inflate chunks long', async () => {
    const { inbox, name, bytes } = await largeWave();
    const sheetPart = (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!;
    expect((await sheetPart.async('uint8array')).length).toBeGreaterThan(16 * 64 * 1024);
    expect(bytes.length).toBeGreaterThan(1.5 * 256 * 1024);

    const handle = await open(path.join(inbox, name), 'r');
    try {
      const fromFile = await openXlsxWorkbook(handle);
      const fromBytes = await openXlsxWorkbook(bytes);
      try {
        expect(fromFile.sheets).toEqual(fromBytes.sheets);
        const rows = await allRows(fromFile, '回答');
        expect(rows.length).toBe(6001);
        expect(rows).toEqual(await allRows(fromBytes, '回答'));
        expect(await allRows(fromFile, 'コードブック')).toEqual(await allRows(fromBytes, 'コードブック'));
        // A reader that stops early (it found what it wanted) leaves the file open for the next read.
        for await (const row of fromFile.rows('回答')) if (row.rowNumber === 10) break;
        expect((await allRows(fromFile, '回答')).length).toBe(6001);
      } finally {
        fromFile.close();
        fromBytes.close();
      }
      // Closing the workbook leaves the handle to its owner.
      expect((await handle.stat()).size).toBe(bytes.length);
    } finally {
      await handle.close();
    }
  });

  it('gives the figures, tables and issues that its bytes give, without reading the file whole', async () => {
    const { inbox, name, bytes } = await largeWave();
    const config = residentsConfig({ codebookInConfig: false });
    const streamed = await runIndustrySurvey([await streamedOnly(inbox, name)], residentsMeasures, config);
    const whole = await runIndustrySurvey([inboxFile({ name, bytes })], residentsMeasures, config);
    expect(streamed.observations.length).toBe(residentsMeasures.length);
    expect(streamed.observations).toEqual(whole.observations);
    expect(streamed.tables).toEqual(whole.tables);
    expect(streamed.issues).toEqual(whole.issues);
    expect(streamed.tables.survey_waves[0]).toMatchObject({ respondents: 6000, weighted: true });
  });

  it('rewritten (same size) after it was listed: the run stops rather than publish what the run id does not name', async () => {
    const { inbox, name, bytes } = await largeWave();
    const listed = await streamedOnly(inbox, name);
    const changed = Buffer.from(bytes);
    // Damage in the middle of the answer sheet's compressed data: the workbook no longer reads, and the file is not the one listed.
    for (let k = changed.length >> 1; k < (changed.length >> 1) + 64; k += 1) changed[k] = changed[k]! ^ 0x5a;
    await writeFile(path.join(inbox, name), changed);
    await expect(runIndustrySurvey([listed], residentsMeasures, residentsConfig({ codebookInConfig: false }))).rejects.toThrow(InboxFileChangedError);
  });
});

describe('what a respondent costs while a wave is read', () => {
  it('shared strings joined into chunks give back each string as written', () => {
    const strings = Array.from({ length: 10_000 }, (_, i) =>
      i % 7 === 0 ? '' : i % 5 === 0 ? `自由記述の回答その${i}、長めの文章` : `C24-${String(i).padStart(6, '0')}`,
    );
    const table = new SharedStringTable();
    for (const s of strings) table.push(s);
    table.seal();
    expect(table.length).toBe(strings.length);
    expect(strings.map((_, i) => table.at(i))).toEqual(strings);
    expect([table.at(-1), table.at(strings.length), table.at(1.5)]).toEqual([undefined, undefined, undefined]);
  });

  it('respondent ids in order are kept as bytes, and the first one out of order still finds every earlier one', () => {
    const ids = new RespondentIds();
    const keys: (string | null)[] = Array.from({ length: 5000 }, (_, i) => `C24-${String(i + 1).padStart(6, '0')}`);
    // Still in order, but not ASCII (kept as UTF-8); a row without an id.
    keys[10] = 'C24-000011ａ';
    keys[20] = null;
    ids.reserve(3000);
    let slot = 0;
    for (const key of keys.slice(0, 11)) {
      ids.set(slot, key);
      if (key !== null) expect(ids.earlierSlot(key, key, slot)).toBeUndefined();
      slot += 1;
    }
    // Slot 11 holds a row that is dropped (empty): the next row takes the slot again.
    ids.set(slot, 'dropped');
    for (const key of keys.slice(11)) {
      ids.set(slot, key);
      if (key !== null) expect(ids.earlierSlot(key, key, slot)).toBeUndefined();
      slot += 1;
    }
    ids.set(slot, 'C24-000003');
    expect(ids.earlierSlot('C24-000003', 'C24-000003', slot)).toBe(2);
    slot += 1;
    ids.set(slot, 'C24-000011ａ');
    expect(ids.earlierSlot('C24-000011ａ', 'C24-000011ａ', slot)).toBe(10);
    slot += 1;
    ids.set(slot, 'dropped');
    expect(ids.earlierSlot('dropped', 'dropped', slot)).toBeUndefined();
    expect(ids.earlierSlot('C24-004999', 'C24-004999', slot + 1)).toBe(4998);
  });

  it('respondent ids front-coded give each slot its key back, across blocks, long shared prefixes and a slot set again', () => {
    const long = 'X'.repeat(300);
    const keys = Array.from({ length: 100 }, (_, i) =>
      i % 13 === 0 ? '' : i % 7 === 0 ? `${long}${i}` : i % 5 === 0 ? `番号${i}` : `C24-${String(i).padStart(6, '0')}`,
    );
    const bytes = new IdKeyBytes();
    bytes.reserve(50);
    keys.forEach((key, i) => {
      // Every third slot first holds a dropped row's id, then the kept one.
      if (i % 3 === 0) bytes.set(i, `dropped${i}`);
      bytes.set(i, key === '' ? null : key);
    });
    const decoder = new TextDecoder();
    const read = keyBuffer();
    expect(keys.map((_, i) => (bytes.get(i, read), decoder.decode(read.bytes.subarray(0, read.length))))).toEqual(keys);
    const inOrder: string[] = [];
    bytes.each(keys.length, (_, key) => inOrder.push(decoder.decode(key.bytes.subarray(0, key.length))));
    expect(inOrder).toEqual(keys);
    expect(() => bytes.set(keys.length + 1, 'C24-1')).toThrow();
  });

  it('free text is kept as a number per respondent into the texts, equal texts told apart from different ones', () => {
    const texts = new TextAnswers(2);
    const written = ['駅前の再開発', null, '駅前の再開発', 'とくになし'];
    written.forEach((text, i) => {
      if (i === 2) texts.resize(8, 2);
      texts.set(i, text);
    });
    // A dropped row's text (slot 4), then the kept row's.
    texts.set(4, '重複した行の記述');
    texts.set(4, null);
    expect([0, 1, 2, 3, 4].map((i) => texts.at(i))).toEqual([...written, null]);
    expect([texts.same(0, 2), texts.same(1, 4), texts.same(0, 3), texts.same(0, 1)]).toEqual([true, true, false, false]);
  });

  it('respondent ids in no order are found as a Map of the same ids finds them, past every growth of the index', () => {
    const ids = new RespondentIds();
    const expected = new Map<string, number>();
    // Shuffled numbers with repeats, some as Japanese text (not ASCII): the index is made on the second row and grows.
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 30_000;
    let slot = 0;
    let repeats = 0;
    for (let row = 0; row < 40_000; row += 1) {
      const n = row === 0 ? 29_999 : next();
      const raw = n % 11 === 0 ? `番号${n}` : n;
      const key = RespondentIds.keyOf(raw)!;
      ids.set(slot, key);
      const first = ids.earlierSlot(key, raw, slot);
      expect(first).toBe(expected.get(key));
      if (first === undefined) {
        expected.set(key, slot);
        slot += 1;
      } else repeats += 1;
    }
    expect(repeats).toBeGreaterThan(10_000);
    expect(expected.size).toBe(slot);
  });

  it('row numbers as runs give each respondent its row, with the lowest and the highest', () => {
    const rows = [2, 3, 4, 7, 8, 12, 13, 14, 15, 40];
    const numbers = new RowNumbers();
    for (const r of rows) numbers.push(r);
    expect(rows.map((_, i) => numbers.at(i))).toEqual(rows);
    expect([numbers.count, numbers.min, numbers.max]).toEqual([10, 2, 40]);
  });
});
