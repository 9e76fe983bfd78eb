// The dashboard of another municipality's plan speaks that plan's words, and shows a revised target beside the
// original: on the indicator page (a slot's own target) and on the action-plan page (a line's target). A ward
// progress table (printed codes as ids) gets a site whose links all resolve.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import { writeManualEntryTemplate } from '../outputs/manual-entry-template.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import { wardProgressConfig, writeWardProgressInbox } from './fixtures/make-ward-progress-inbox.ts';
import { otherCityConfig, tempDir } from './helpers.ts';

let site: string;
const page = async (p: string) => parseHTML(await readFile(path.join(site, p), 'utf8')).document;
const text = (e: Element | null | undefined) => (e?.textContent ?? '').trim();

beforeAll(async () => {
  const catalog = await loadCatalog(otherCityConfig);
  const inbox = await tempDir();
  await mkdir(path.join(inbox, 'manual-entry'));
  const values = {
    2016: { 'shopping-street-events': 40, 'vacant-store-rate': 8.4, manufacturers: 520 },
    2021: { 'shopping-street-events': 44, 'vacant-store-rate': 9.1, manufacturers: 498 },
  };
  for (const [year, byMeasure] of Object.entries(values)) {
    const map = new Map(Object.entries(byMeasure).map(([k, v]) => [k, { value: v }]));
    await writeFile(path.join(inbox, 'manual-entry', `${year}.xlsx`), await writeManualEntryTemplate(catalog, Number(year), { values: map }));
  }
  const out = await tempDir();
  await runPipeline({ configDir: otherCityConfig, inboxDir: inbox, outDir: out, storePath: null });
  site = path.join(out, 'latest', 'site');
}, 120_000);

describe('dashboard of another plan', () => {
  it('names the site after that plan, with no Setagaya word', async () => {
    const catalog = await loadCatalog(otherCityConfig);
    const doc = await page('index.html');
    expect(text(doc.querySelector('.site-title'))).toBe(`${catalog.plan.municipality.nameJa}　${catalog.plan.titleJa}`);
    for (const p of ['index.html', 'visions/vision-1.html', 'indicators/shopping-street-events.html', 'action-plan.html']) {
      expect(await readFile(path.join(site, p), 'utf8'), p).not.toContain('世田谷');
    }
  });

  it('charts and tabulates the original and the revised target of an indicator', async () => {
    const doc = await page('indicators/shopping-street-events.html');
    const headers = [...doc.querySelectorAll('#series-table thead th')].map(text);
    expect(headers).toContain('目標（当初）');
    expect(headers).toContain('目標（改定後）');
    const row = [...doc.querySelectorAll('#series-table tr[data-year="2025"] td')].map(text);
    expect(row.slice(-2)).toEqual(['60', '50']);
    expect([...doc.querySelectorAll('.legend li')].map(text)).toEqual(['実績', '基準値（平成28年度）', '目標（当初）', '目標（改定後）']);
    // Every fiscal year from the baseline to the last target, gaps included.
    expect([...doc.querySelectorAll('#series-table tbody th')].map(text)).toEqual([
      '平成28年度',
      '平成29年度',
      '平成30年度',
      '令和元年度',
      '令和2年度',
      '令和3年度',
      '令和4年度',
      '令和5年度',
      '令和6年度',
      '令和7年度',
    ]);
  });

  it('shows a revised action-plan target with its original, and links a reprint to its line', async () => {
    const doc = await page('action-plan.html');
    expect(text(doc.querySelector('#p1-1'))).toContain('当初 55');
    expect(doc.querySelector('#p1-1-reprint a[href="#p1-1"]')).not.toBeNull();
  });
});

describe('dashboard of a ward progress table (printed codes as ids, its own tiers and words)', () => {
  it('links only to pages, anchors and files that exist, and speaks none of the logic-model plan words', async () => {
    const inbox = await tempDir();
    await writeWardProgressInbox(inbox);
    const out = await tempDir();
    await runPipeline({ configDir: wardProgressConfig, inboxDir: inbox, outDir: out, storePath: null });
    const ward = path.join(out, 'latest', 'site');
    const pages = (await readdir(ward, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
    // No logic model, no action plan: the overview, the progress table (a page per indicator) and the data page only.
    expect(
      pages
        .filter((p) => path.dirname(p) === ward)
        .map((p) => path.basename(p))
        .sort(),
    ).toEqual(['data.html', 'index.html', 'progress.html']);
    for (const p of pages) {
      const text = await readFile(p, 'utf8');
      expect(text, p).not.toMatch(/世田谷|目指す姿|ソーシャルインパクト|行動指標|中長期アウトカム/);
      for (const a of parseHTML(text).document.querySelectorAll('a[href]')) {
        const [target, fragment] = a.getAttribute('href')!.split('#');
        const file = target === '' ? p : path.resolve(path.dirname(p), target!);
        await expect(
          readFile(file).then(() => true),
          `${p} → ${target}`,
        ).resolves.toBe(true);
        if (fragment && file.endsWith('.html'))
          expect(parseHTML(await readFile(file, 'utf8')).document.getElementById(fragment), `${p} → #${fragment}`).not.toBeNull();
      }
    }
  }, 120_000);
});
