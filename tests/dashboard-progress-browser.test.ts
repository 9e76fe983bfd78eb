// The progress-table dashboard (tests/fixtures/catalog-ward-progress) in a real browser: Debian's Chromium driven by
// playwright-core opens the overview and the progress-table page from file://, finds a row's grade and rate as
// indicator_progress.csv holds them, and sees no console error, no network request and no serious or critical axe-core
// violation. Without Chromium (/usr/bin/chromium, or LEI_CHROMIUM) the suite is skipped and says why.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wardProgressSiteRun } from './fixtures/ward-progress-site.ts';
import { readCsv } from './helpers.ts';
import { CHROMIUM, chromiumAvailable as available, launchOffline, seriousViolations, type OfflineBrowser } from './offline-chromium.ts';

if (!available) console.warn(`dashboard-progress-browser: ${CHROMIUM} がないため、ブラウザのテストを省略します（apt-get install -y chromium で入ります）`);

let run: string;
let browser: OfflineBrowser;

beforeAll(async () => {
  if (!available) return;
  browser = await launchOffline();
  run = await wardProgressSiteRun();
}, 180_000);

afterAll(async () => {
  await browser?.context.close();
});

const open = (p: string): Promise<Page> => browser.open(path.join(run, 'site'), p);

describe.skipIf(!available)('progress-table dashboard in Chromium (file://)', () => {
  it.each([['index.html'], ['progress.html'], ['progress/Ⅰ_施策2-③.html']])(
    'opens %s with no console error, no request and no serious axe violation',
    async (p) => {
      const page = await open(p);
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('script').count()).toBe(0);
      expect(await seriousViolations(page), p).toEqual([]);
      expect(browser.consoleErrors).toEqual([]);
      expect(browser.requests).toEqual([]);
      await page.close();
    },
  );

  it('shows a row’s rate and grade as indicator_progress.csv holds them', async () => {
    const csv = (await readCsv(path.join(run, 'indicator_progress.csv'))).find((r) => r.indicator_id === 'Ⅰ/施策2-③' && r.is_latest === 'true')!;
    const page = await open('progress.html');
    const row = page.locator('tr[data-indicator="Ⅰ/施策2-③"]');
    await expect(row.locator('.grade .mark').textContent()).resolves.toBe(csv.grade);
    await expect(row.locator('td', { hasText: '%' }).first().textContent()).resolves.toContain(`${csv.achievement_rate}%`);
    await page.close();
  });
});
