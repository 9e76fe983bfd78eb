// The progress-table dashboard (tests/fixtures/catalog-ward-progress) in a real browser: Debian's Chromium driven by
// playwright-core opens the overview and the progress-table page from file://, finds a row's grade and rate as
// indicator_progress.csv holds them, and sees no console error, no network request and no serious or critical axe-core
// violation. Without Chromium (/usr/bin/chromium, or LEI_CHROMIUM) the suite is skipped and says why.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wardProgressSiteRun } from './fixtures/ward-progress-site.ts';
import { readCsv, repoRoot, tempDir } from './helpers.ts';

const CHROMIUM = process.env.LEI_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`dashboard-progress-browser: ${CHROMIUM} がないため、ブラウザのテストを省略します（apt-get install -y chromium で入ります）`);

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let run: string;
let context: BrowserContext;
const consoleErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  if (!available) return;
  context = await chromium.launchPersistentContext(await tempDir('lei-chromium-'), { executablePath: CHROMIUM, headless: true, args: FLAGS });
  // Anything but file:// is recorded and refused: the pages must not reach the network.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  run = await wardProgressSiteRun();
}, 180_000);

afterAll(async () => {
  await context?.close();
});

async function open(p: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${p}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${p}: ${e.message}`));
  await page.goto(pathToFileURL(path.join(run, 'site', p)).href);
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: await readFile(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8') });
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (c: Document) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe.skipIf(!available)('progress-table dashboard in Chromium (file://)', () => {
  it.each([['index.html'], ['progress.html'], ['progress/Ⅰ_施策2-③.html']])(
    'opens %s with no console error, no request and no serious axe violation',
    async (p) => {
      const page = await open(p);
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('script').count()).toBe(0);
      expect(await seriousViolations(page), p).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([]);
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
