// The dashboard in a real browser: Debian's Chromium driven by playwright-core opens the sample run's pages from
// file://, finds the printed 指数 of seed 000 on their cards, and sees no console error, no network request and no
// serious or critical axe-core violation; every indicator page prints on one A4 sheet (Chromium's own PDF). Without Chromium (/usr/bin/chromium, or LEI_CHROMIUM) the suite is skipped
// and says why. With LEI_UPDATE_SCREENSHOTS=1 the pages' screenshots are written to docs/images/ (otherwise none is taken:
// nothing read them from the temporary folder they went to, and each cost ~0.4 s of CPU).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './helpers.ts';
import { CHROMIUM, chromiumAvailable as available, launchOffline, seriousViolations, type OfflineBrowser } from './offline-chromium.ts';
import { sampleRun } from './sample-fixtures.ts';

const UPDATE_SCREENSHOTS = process.env.LEI_UPDATE_SCREENSHOTS === '1';
if (!available)
  console.warn(`dashboard-browser: ${CHROMIUM} がないため、ブラウザのテストを省略します（apt-get install -y chromium で入ります。.ci/run は自動で入れます）`);

/** 指数 as printed in seed 000 (ソーシャルインパクト指標一覧, 令和6年度). */
const SEED_INDEX: Record<string, { page: string; index: string }> = {
  'v1-short-1': { page: 'visions/vision-1.html', index: '107.49' },
  'v1-long-3': { page: 'visions/vision-1.html', index: '110.53' },
  'v2-action-1': { page: 'visions/vision-2.html', index: '257.95' },
  'v2-short-2': { page: 'visions/vision-2.html', index: '123.54' },
  'v2-long-1': { page: 'visions/vision-2.html', index: '105.14' },
  'v2-long-2': { page: 'visions/vision-2.html', index: '118.00' },
};

let site: string;
let browser: OfflineBrowser;

beforeAll(async () => {
  if (!available) return;
  browser = await launchOffline({ width: 1280, height: 900 });
  // The shared run over the sample inbox (tests/sample-global-setup.ts), read only; made while Chromium started.
  site = path.join((await sampleRun()).folder, 'site');
}, 180_000);

afterAll(async () => {
  await browser?.context.close();
});

const open = (p: string): Promise<Page> => browser.open(site, p);

const readOnly = new Map<string, Promise<Page>>();

/** A page opened once for the tests that only read it (the context's end closes it). */
function openForReading(p: string): Promise<Page> {
  const page = readOnly.get(p) ?? open(p);
  readOnly.set(p, page);
  return page;
}

describe.skipIf(!available)('dashboard in Chromium (file://)', () => {
  it.each([
    ['overview', 'index.html'],
    ['vision 2', 'visions/vision-2.html'],
    ['indicator 黒字決算事業者の割合', 'indicators/profit-making-business-share.html'],
  ])('opens the %s page with no console error, no request and no serious axe violation', async (name, p) => {
    const page = await open(p);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await seriousViolations(page), p).toEqual([]);
    if (UPDATE_SCREENSHOTS)
      await page.screenshot({
        path: path.join(repoRoot, 'docs', 'images', `dashboard-${p.replace(/\/|\.html$/g, (s) => (s === '/' ? '-' : ''))}.png`),
        fullPage: name !== 'vision 2',
      });
    expect(browser.consoleErrors).toEqual([]);
    expect(browser.requests).toEqual([]);
    await page.close();
  });

  it.each(Object.entries(SEED_INDEX))('prints the seed 000 指数 of %s on its card', async (slot, { page: p, index }) => {
    const page = await openForReading(p);
    await expect(page.locator(`[data-slot="${slot}"] .index`).textContent()).resolves.toBe(index);
  });

  it('draws the indicator chart as SVG without any script, with its table beside it', async () => {
    const page = await open('indicators/profit-making-business-share.html');
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('figure.chart svg[role="img"]').count()).toBeGreaterThan(0);
    await expect(page.locator('#series-table tr[data-year="2024"] td').first().textContent()).resolves.toBe('53.2');
    await page.close();
  });

  it('lets a keyboard user skip to the content', async () => {
    const page = await open('index.html');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('本文へ移動');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.close();
  });

  it('prints every indicator page on one A4 sheet', async () => {
    const pages = (await readdir(path.join(site, 'indicators'))).filter((f) => f !== 'index.html');
    expect(pages.length).toBeGreaterThan(50);
    const page = await browser.context.newPage();
    // Every page laid out for print at A4's width, in one A4-wide frame that each page's file is written into in turn
    // (document.write: the same parser and layout as opening the file, which loads nothing else). A frame per page cost
    // Chromium ~80 ms of CPU each (7 s for 85), one frame written 85 times under 2 s; the heights are the same (checked
    // below on the pages printed). Chromium's own PDF of the tallest decides.
    await page.setViewportSize({ width: A4_WIDTH_PX, height: FRAME_HEIGHT_PX });
    await page.emulateMedia({ media: 'print' });
    const host = path.join(await tempDir('lei-a4-'), 'frame.html');
    await writeFile(host, `<!doctype html><html><body style="margin:0"><iframe style="${FRAME_STYLE}"></iframe></body></html>`);
    await page.goto(pathToFileURL(host).href);
    const files = await Promise.all(pages.map((p) => readFile(path.join(site, 'indicators', p), 'utf8')));
    const laidOut = await page.evaluate((texts) => {
      const doc = () => document.querySelector('iframe')!.contentDocument!;
      return texts.map((text) => {
        doc().open();
        doc().write(text);
        doc().close();
        return { height: doc().documentElement.scrollHeight, heading: doc().querySelector('h1')?.textContent ?? '' };
      });
    }, files);
    // Each page was laid out as itself: its heading there, and taller than the empty frame.
    expect(pages.filter((p, i) => !(laidOut[i]!.height > FRAME_HEIGHT_PX && laidOut[i]!.heading))).toEqual([]);
    const heights: [string, number][] = pages.map((p, i) => [p, laidOut[i]!.height]);
    heights.sort((x, y) => y[1] - x[1]);
    // A page no taller than one that prints on one sheet prints on one sheet too: print those near the tallest.
    const tallest = heights.filter(([, h]) => h >= heights[0]![1] * NEAR_TALLEST).map(([p]) => p);
    const sheets: Record<string, number> = {};
    const opened: Record<string, number> = {};
    for (const p of tallest) {
      await page.goto(pathToFileURL(path.join(site, 'indicators', p)).href);
      opened[p] = await page.evaluate(() => document.documentElement.scrollHeight);
      sheets[p] = await sheetCount(page);
    }
    await page.close();
    // The height written into the frame is the page's own when opened.
    expect(opened).toEqual(Object.fromEntries(heights.filter(([p]) => tallest.includes(p))));
    // The survey page with breakdowns by industry (13 groups) and size, and a long lineage, is among the tallest.
    expect(sheets['profit-making-business-share.html']).toBe(1);
    expect(Object.entries(sheets).filter(([, n]) => n !== 1)).toEqual([]);
  }, 180_000);
});

/** A4's width in CSS pixels (210 mm at 96 px per inch); the print layout's line breaks follow it. */
const A4_WIDTH_PX = Math.round((210 / 25.4) * 96);
/** The frame's height: short, as a page's height is its scroll height. */
const FRAME_HEIGHT_PX = 100;
/** A frame as the page's own viewport would be: A4-wide, short, no border. */
const FRAME_STYLE = `display:block;border:0;width:${A4_WIDTH_PX}px;height:${FRAME_HEIGHT_PX}px`;
/** Pages at least this share of the tallest page's print height are printed to PDF (16 of 85 in the sample). */
const NEAR_TALLEST = 0.9;

/**
 * Sheets of the open page printed on A4, by Chromium's own PDF. Only sheets 2 on are asked for (`pageRanges: '2-'`): a page
 * on one sheet is refused with "Page range exceeds page count" before any PDF is written (16 pages: 6.7 → 3.8 s of CPU).
 */
async function sheetCount(page: Page): Promise<number> {
  const after = await page.pdf({ format: 'A4', pageRanges: '2-' }).then(pdfPageCount, (e: Error) => {
    if (/Page range exceeds page count/.test(e.message)) return 0;
    throw e;
  });
  return 1 + after;
}

/** Pages of a PDF as Chromium (Skia) writes it: one `/Type /Page` object per page (pdfinfo agrees). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}
