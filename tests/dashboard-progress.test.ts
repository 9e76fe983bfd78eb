// The dashboard of a plan whose indicators live in a progress table (progress.yaml, no logic model, no action plan):
// a progress-table page with the same rows, figures, grades and order as indicator_progress.csv and the committee
// workbook's progress-table sheet; an overview with the grade counts of the workbook's summary; no page, heading or
// navigation entry for a part the plan does not have; and none of the logic-model plan's words.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellText, openWorkbook } from './exceljs-oracle.ts';
import { WITHHELD_INDICATOR, wardProgressSiteRun } from './fixtures/ward-progress-site.ts';
import { readCsv } from './helpers.ts';

let run: string;
let rows: Record<string, string>[];
let book: ExcelJS.Workbook;
const site = () => path.join(run, 'site');
const page = async (p: string) => parseHTML(await readFile(path.join(site(), p), 'utf8')).document;
const text = (e: Element | null | undefined) => (e?.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim();

beforeAll(async () => {
  run = await wardProgressSiteRun();
  rows = await readCsv(path.join(run, 'indicator_progress.csv'));
  book = await openWorkbook(await readFile(path.join(run, 'committee_report.xlsx')));
}, 120_000);

/** The page's cells of an indicator's row, by the table's column headers. */
async function progressRow(id: string): Promise<Record<string, string>> {
  const doc = await page('progress.html');
  const tr = doc.querySelector(`tr[data-indicator="${id}"]`);
  expect(tr, id).not.toBeNull();
  const headers = [...tr!.closest('table')!.querySelectorAll('thead th')].map(text);
  const cells = [...tr!.children].map(text);
  return Object.fromEntries(headers.map((h, i) => [h, cells[i]!]));
}

const csvRow = (id: string, fy: string) => rows.find((r) => r.indicator_id === id && r.fiscal_year === fy)!;

describe('the progress-table page', () => {
  it('prints a row’s figures, targets, rates and grade as indicator_progress.csv holds them', async () => {
    const csv = csvRow('Ⅰ/施策2-③', '2024');
    expect([csv.value, csv.target_in_force, csv.target_original, csv.achievement_rate, csv.achievement_rate_original, csv.grade]).toEqual([
      '4',
      '3',
      '20',
      '133.3',
      '20.0',
      'S',
    ]);
    const row = await progressRow('Ⅰ/施策2-③');
    expect(row['実績値（令和6年度）']).toBe(csv.value);
    expect(row['目標値（令和7年度）']).toBe(csv.target_in_force);
    expect(row['当初目標']).toBe(csv.target_original);
    expect(row['目標の改定']).toBe(csv.target_revisions);
    expect(row['達成率（改定後目標）']).toBe(`${csv.achievement_rate}%`);
    expect(row['達成率（当初目標）']).toBe(`${csv.achievement_rate_original}%`);
    expect(row['評価（規則）']).toBe(`${csv.grade}${csv.grade_rule}`);
    expect(row['基準値（平成28年度）']).toBe(csvRow('Ⅰ/施策2-③', '2016').value);
    expect(row['指標区分']).toBe('成果指標');
  });

  it('prints two-figure cells and states as typed, and the owners (renamed: new（旧 old）)', async () => {
    const row = await progressRow('Ⅰ/1-①');
    expect([row['基準値（平成28年度）'], row['実績値（令和6年度）'], row['所管課']]).toEqual([
      csvRow('Ⅰ/1-①', '2016').value_text,
      csvRow('Ⅰ/1-①', '2024').value_text,
      '商業振興課（旧 産業振興課）',
    ]);
    expect((await progressRow('Ⅰ/1-②'))['中間値（令和3年度）']).toBe(csvRow('Ⅰ/1-②', '2021').status_value);
  });

  it('says 不公表 for a withheld value and gives the run’s reason', async () => {
    const csv = csvRow(WITHHELD_INDICATOR, '2024');
    expect(csv.value_status).toBe('conflict');
    expect(csv.withheld_reason).not.toBe('');
    const row = await progressRow(WITHHELD_INDICATOR);
    expect(row['実績値（令和6年度）']).toBe('不公表');
    expect(row['備考']).toContain(csv.withheld_reason);
  });

  it('lists every indicator in the workbook’s order, each with the workbook’s grade', async () => {
    const sheet = book.getWorksheet('施策の進捗状況')!;
    const header = (sheet.getRow(4).values as ExcelJS.CellValue[]).map(cellText);
    const idColumn = header.indexOf('指標ID');
    const gradeColumn = header.indexOf('評価');
    const inBook: [string, string][] = [];
    sheet.eachRow((row, n) => {
      const id = cellText(row.getCell(idColumn).value);
      if (n > 4 && id) inBook.push([id, cellText(row.getCell(gradeColumn).value)]);
    });
    const doc = await page('progress.html');
    const onPage = [...doc.querySelectorAll('tr[data-indicator]')].map((tr) => [tr.getAttribute('data-indicator'), text(tr.querySelector('.grade .mark'))]);
    expect(onPage).toEqual(inBook);
    expect(new Set(onPage.map(([id]) => id))).toEqual(new Set(rows.map((r) => r.indicator_id)));
    // 柱 → 施策 as headings and captions, in the plan's words.
    expect([...doc.querySelectorAll('h2')].map(text)).toEqual(['柱 Ⅰ　地域商業の活性化', '柱 Ⅱ　ものづくり産業の振興']);
    expect(text(doc.querySelector('caption'))).toBe('施策 Ⅰ-ⅰ　商店街の魅力づくり');
  });

  it('is an accessible table: row and column headers with scope, one h1, lang ja', async () => {
    const doc = await page('progress.html');
    expect(doc.documentElement.getAttribute('lang')).toBe('ja');
    expect(doc.querySelectorAll('h1').length).toBe(1);
    for (const th of doc.querySelectorAll('table th')) expect(['col', 'row']).toContain(th.getAttribute('scope'));
    expect(doc.querySelectorAll('tbody th[scope="row"]').length).toBe(doc.querySelectorAll('tr[data-indicator]').length);
  });
});

describe('the page of one indicator of the progress table', () => {
  it('charts its figures and lists every year of indicator_progress.csv with its value, target, rates and grade', async () => {
    const doc = await page('progress/Ⅰ_施策2-③.html');
    expect(text(doc.querySelector('h1'))).toBe('創業支援施設の入居企業数');
    expect(doc.querySelector('figure.chart svg[role="img"]')).not.toBeNull();
    const own = rows.filter((r) => r.indicator_id === 'Ⅰ/施策2-③');
    const table = [...doc.querySelectorAll('#series-table tbody tr')].map((tr) => [...tr.children].map(text));
    expect(table.map((r) => [r[0], r[2], r[3], r[4], r[5], r[6]])).toEqual(
      own.map((r) => [
        r.fiscal_year_label,
        r.value === '' ? '—' : r.value,
        r.target_in_force,
        r.achievement_rate === '' ? '—' : `${r.achievement_rate}%`,
        r.achievement_rate_original === '' ? '—' : `${r.achievement_rate_original}%`,
        r.grade,
      ]),
    );
    // Linked from its row of the progress table.
    expect((await page('progress.html')).querySelector('tr[data-indicator="Ⅰ/施策2-③"] th a')?.getAttribute('href')).toBe('progress/Ⅰ_施策2-③.html');
  });

  it('says 不公表 with the reason for a withheld year', async () => {
    const csv = csvRow(WITHHELD_INDICATOR, '2024');
    const doc = await page('progress/Ⅰ_1-②.html');
    const cells = [...doc.querySelectorAll('#series-table tr[data-year="2024"] td')].map(text);
    expect(cells[1]).toBe('不公表');
    expect(cells.at(-1)).toContain(csv.withheld_reason);
  });
});

describe('the overview and the rest of the site', () => {
  it('counts indicators per grade, with each rule, as the workbook’s summary does', async () => {
    const summary: string[] = [];
    book.getWorksheet('概要')!.eachRow((row) => row.eachCell((cell) => summary.push(cellText(cell.value))));
    const at = summary.indexOf('施策の進捗状況（評価の集計）');
    const bookCounts: string[][] = [];
    for (let i = at + 4; summary[i] !== '計'; i += 3) bookCounts.push(summary.slice(i, i + 3));
    const doc = await page('index.html');
    const siteCounts = [...doc.querySelectorAll('table.grade-counts tbody tr')].map((tr) => [...tr.children].map(text));
    expect(siteCounts).toEqual(bookCounts);
    // The same counts from the CSV: an indicator counts once, by the grade of its latest year.
    const latest = rows.filter((r) => r.is_latest === 'true');
    for (const [grade, , count] of siteCounts) expect(String(latest.filter((r) => r.grade === grade).length), grade).toBe(count);
    expect(text(doc.querySelector('table.grade-counts tfoot td.num'))).toBe(String(new Set(rows.map((r) => r.indicator_id)).size));
  });

  it('has no page, heading or navigation entry for a part the plan does not have', async () => {
    const files = (await readdir(site(), { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(site(), path.join(e.parentPath, e.name)));
    // The overview, the progress table with a page per indicator, the data page.
    expect(files.filter((f) => !f.startsWith('progress/')).sort()).toEqual(['data.html', 'index.html', 'progress.html']);
    expect(files.filter((f) => f.startsWith('progress/')).length).toBe(new Set(rows.map((r) => r.indicator_id)).size);
    const doc = await page('index.html');
    expect([...doc.querySelectorAll('nav a')].map(text)).toEqual(['概要', '施策の進捗状況', 'データ']);
    expect([...doc.querySelectorAll('main h2')].map(text)).toEqual(['施策の進捗状況（評価の集計）']);
    expect(text(doc.querySelector('main'))).not.toMatch(/指標の行|達成率50%未満|指数なし/);
    for (const p of ['index.html', 'progress.html', 'data.html', 'progress/Ⅰ_施策2-③.html']) {
      const d = await page(p);
      // Every heading is followed by content before the next heading.
      for (const h of d.querySelectorAll('main h2')) expect(h.nextElementSibling?.tagName, `${p}: ${text(h)}`).not.toMatch(/^H[12]$|^$/);
      for (const a of d.querySelectorAll('a[href]')) {
        const target = a.getAttribute('href')!.split('#')[0]!;
        if (target)
          await expect(
            readFile(path.resolve(site(), path.dirname(p), target)).then(() => true),
            `${p} → ${target}`,
          ).resolves.toBe(true);
      }
    }
  });

  it('lists indicator_progress on the data page', async () => {
    const doc = await page('data.html');
    expect([...doc.querySelectorAll('a')].map(text)).toContain('indicator_progress.csv');
    expect(text(doc.querySelector('main'))).toContain('施策の進捗状況（年度の役割・目標・評価）');
  });

  it('speaks none of the logic-model plan’s words on any page', async () => {
    for (const p of ['index.html', 'progress.html', 'data.html', 'progress/Ⅰ_1-②.html']) {
      expect(await readFile(path.join(site(), p), 'utf8'), p).not.toMatch(
        /世田谷|目指す姿|ソーシャルインパクト|検証部会|アクションプラン|行動指標|中長期アウトカム/,
      );
    }
  });
});
