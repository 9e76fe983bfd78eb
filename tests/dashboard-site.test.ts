// The dashboard says what the run's datasets say: given the bundled sample run, the figures on the pages equal
// indicator_values.csv, the vision pages carry the committee workbook's figures, marks and order, suppressed cells
// never show a number, every page is small and self-contained, and the same rows give the same bytes.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../config/load-catalog.ts';
import { cellText } from './exceljs-oracle.ts';
import type { PublishedTable } from '../lib/dataset-spec.ts';
import { datasets } from '../lib/datasets.ts';
import { withPlanWords } from '../lib/with-plan-words.ts';
import { buildSite, type SiteInput } from '../outputs/site/build-site.ts';
import { siteTables } from '../outputs/site/site-context.ts';
import { SERIES } from '../outputs/site/render-chart.ts';
import { readCsv, repoRoot, setagayaConfig } from './helpers.ts';
import { sampleRun } from './sample-fixtures.ts';

const FY = 2024;
let runDir: string;
let site: string;
let catalog: Catalog;
let valuesCsv: Record<string, string>[];

const page = async (p: string) => parseHTML(await readFile(path.join(site, p), 'utf8')).document;
const text = (e: Element | null | undefined) => (e?.textContent ?? '').trim();
// JSON.parse gives untyped rows; the run wrote them from the typed datasets.
const json = async <T extends object>(name: string): Promise<T[]> => JSON.parse(await readFile(path.join(runDir, `${name}.json`), 'utf8'));
/** The run's order of datasets (the data page lists them so). */
const RUN_ORDER = [
  'indicator_values',
  'action_plan_progress',
  'indicator_progress',
  'composite_index',
  'composite_components',
  'observations',
  'survey_breakdowns',
  'survey_waves',
  'survey_revisions',
  'issues',
];
const order = (name: string) => RUN_ORDER.indexOf(name);

beforeAll(async () => {
  // The shared run over the sample inbox (tests/sample-global-setup.ts), read only.
  runDir = (await sampleRun()).folder;
  site = path.join(runDir, 'site');
  catalog = await loadCatalog(setagayaConfig);
  valuesCsv = await readCsv(path.join(runDir, 'indicator_values.csv'));
}, 120_000);

async function allPages(): Promise<string[]> {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(site, path.join(e.parentPath, e.name)));
}

describe('dashboard: one source of truth', () => {
  it('prints on each card the value, baseline, 指数 and mark of indicator_values.csv', async () => {
    const doc = await page('visions/vision-2.html');
    const csv = valuesCsv.find((r) => r.slot_id === 'v2-long-1' && r.fiscal_year === String(FY))!;
    const card = doc.querySelector('[data-slot="v2-long-1"]');
    expect(text(card?.querySelector('.index'))).toBe(csv.index); // 105.14 (seed 000)
    expect(text(card?.querySelector('.value'))).toBe(csv.value); // 53.2
    expect(text(card?.querySelector('.baseline'))).toBe(csv.baseline_value); // 50.6, unrounded
    expect(text(card?.querySelector('.mark'))).toBe(`${csv.trend}（改善）`);
    expect(text(doc.querySelector('[data-slot="v2-short-2"] .value'))).toBe('1,952');
  });

  it('shows every FY2024 指数 of the CSV on its vision card, — where the CSV has none', async () => {
    for (const r of valuesCsv.filter((v) => v.fiscal_year === String(FY))) {
      const visions = catalog.slots.find((s) => s.id === r.slot_id)!;
      const file = `visions/vision-${[visions.vision, ...(visions.alsoVisions ?? [])].join('-')}.html`;
      const shown = text((await page(file)).querySelector(`[data-slot="${r.slot_id}"] .index`));
      expect(shown, r.slot_id).toBe(r.index === '' ? '—' : Number(r.index).toFixed(2));
    }
  });

  it('prints the indicator page series as in the CSV, with era labels', async () => {
    const doc = await page('indicators/profit-making-business-share.html');
    const row = doc.querySelector('#series-table tr[data-year="2024"]');
    expect(text(row?.querySelector('th'))).toBe('令和6年度');
    expect(text(row?.querySelector('td'))).toBe('53.2');
    expect(doc.querySelector('figure.chart svg')).not.toBeNull();
  });
});

describe('dashboard: vision pages match the committee workbook', () => {
  it('carries the same slots in the same order with the same value, 指数 and ↑→↓', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(path.join(runDir, 'committee_report.xlsx'))) as unknown as ArrayBuffer);
    const sheets = book.worksheets.filter((s) => s.name.startsWith('目指す姿'));
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) {
      const visions = sheet.name.replace('目指す姿', '').split('・');
      const doc = await page(`visions/vision-${visions.join('-')}.html`);
      expect(text(doc.querySelector('h1'))).toContain(sheet.name);
      const cards = [...doc.querySelectorAll('[data-slot]')];
      const rows: ExcelJS.Row[] = [];
      sheet.eachRow((row, n) => {
        if (n > 4) rows.push(row);
      });
      expect(
        cards.map((c) => c.getAttribute('data-slot')),
        sheet.name,
      ).toEqual(rows.map((r) => cellText(r.getCell(12).value)));
      rows.forEach((row, i) => {
        const card = cards[i]!;
        const asShown = (cell: ExcelJS.Cell) => {
          if (typeof cell.value !== 'number') return cellText(cell.value);
          const decimals = /\.(0+)/.exec(cell.numFmt ?? '')?.[1]?.length ?? 0;
          return cell.value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
        };
        const id = card.getAttribute('data-slot');
        expect(text(card.querySelector('.value')), id!).toBe(asShown(row.getCell(7)));
        expect(text(card.querySelector('.baseline')), id!).toBe(asShown(row.getCell(6)));
        expect(text(card.querySelector('.index')), id!).toBe(asShown(row.getCell(9)));
        expect(text(card.querySelector('.mark')).slice(0, 1), id!).toBe(cellText(row.getCell(10).value).slice(0, 1));
      });
    }
  });
});

describe('dashboard: suppressed breakdown cells', () => {
  it('shows 秘匿 and no figure of a suppressed group anywhere on the page', async () => {
    const rows = (await readCsv(path.join(runDir, 'survey_breakdowns.csv'))).filter((r) => r.fiscal_year === String(FY) && r.suppressed === 'true');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const doc = await page(`indicators/${r.measure_id}.html`);
      const table = doc.querySelector(`table.breakdown[data-dimension="${r.dimension}"]`);
      const row = [...(table?.querySelectorAll('tbody tr') ?? [])].find((tr) => text(tr.querySelector('th')) === r.group_label);
      expect(row?.getAttribute('class'), `${r.measure_id} ${r.group_label}`).toBe('suppressed');
      expect(text(row?.querySelector('td'))).toMatch(/^秘匿/);
      expect(text(row?.querySelector('td'))).not.toMatch(/\d/);
      // The suppressed group's n never appears beside its label either.
      expect(text(row)).not.toContain(`${r.n}`);
    }
  });
});

describe('dashboard: self-contained, small and deterministic', () => {
  it('has no page over 300 KB, no script and no reference outside the run folder', async () => {
    const pages = await allPages();
    expect(pages.length).toBeGreaterThan(90);
    for (const p of pages) {
      const html = await readFile(path.join(site, p), 'utf8');
      expect(Buffer.byteLength(html), p).toBeLessThanOrEqual(300 * 1024);
      expect(html, p).not.toMatch(/<script|<link|@import|url\(|(?:src|href)="(?:https?:)?\/\//i);
      expect(html, p).toContain('<html lang="ja">');
    }
  });

  it('links only to pages, anchors and files that exist', async () => {
    // Each page parsed once, however many links point into it.
    const parsed = new Map<string, ReturnType<typeof parseHTML>['document']>();
    const parse = async (file: string) => parsed.get(file) ?? parsed.set(file, parseHTML(await readFile(file, 'utf8')).document).get(file)!;
    for (const p of await allPages()) {
      const doc = await parse(path.join(site, p));
      for (const a of doc.querySelectorAll('a[href]')) {
        const [target, fragment] = a.getAttribute('href')!.split('#');
        const file = target === '' ? path.join(site, p) : path.resolve(path.dirname(path.join(site, p)), target!);
        await expect(
          readFile(file).then(() => true),
          `${p} → ${target}`,
        ).resolves.toBe(true);
        if (fragment && file.endsWith('.html')) expect((await parse(file)).getElementById(fragment), `${p} → ${target}#${fragment}`).not.toBeNull();
      }
    }
  });

  it('builds the same bytes from the same rows, read back from the JSON files of the run', async () => {
    const published = datasets.filter((spec) => existsSync(path.join(runDir, `${spec.name}.json`)));
    const tables: PublishedTable[] = await Promise.all(
      published.map(async (spec) => ({ spec: withPlanWords(spec, catalog.plan), rows: await json(spec.name) })),
    );
    const input: SiteInput = {
      runId: valuesCsv[0]!.run_id!,
      fiscalYear: FY,
      indicatorValues: await json('indicator_values'),
      actionPlanProgress: await json('action_plan_progress'),
      indicatorProgress: [],
      compositeIndex: await json('composite_index'),
      observations: await json('observations'),
      issues: await json('issues'),
      ...siteTables(tables.sort((a, b) => order(a.spec.name) - order(b.spec.name))),
      formats: { json: true, parquet: true },
      otherFiles: ['manifest.json', 'committee_report.xlsx'],
    };
    const first = buildSite(catalog, input);
    expect(buildSite(catalog, input)).toEqual(first);
    for (const f of first) expect(f.content, f.path).toBe(await readFile(path.join(site, f.path), 'utf8'));
  });
});

describe('lei serve', () => {
  it('serves the run folder on 127.0.0.1 and stops cleanly on SIGTERM', async () => {
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const address = probe.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    probe.close();
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'lei.js'), 'serve', '--port', String(port), '--dir', runDir], { cwd: repoRoot });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    while (!out.includes('127.0.0.1')) await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain(`ダッシュボードを表示しています: http://127.0.0.1:${port}/site/index.html`);
    const page = await fetch(`http://127.0.0.1:${port}/site/visions/vision-2.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-slot="v2-long-1"');
    expect((await fetch(`http://127.0.0.1:${port}/indicator_values.csv`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(out).toContain('停止しました');
  }, 60_000);
});

describe('dashboard: chart series readable in greyscale and without colour', () => {
  /** Relative luminance (WCAG) of a #rrggbb colour: what is left of it in greyscale. */
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const lines = (['value', 'baseline', 'targetOriginal', 'targetRevised'] as const).map((k) => SERIES[k]);

  it('draws every line series with its own dash pattern, and every marked one with its own symbol', () => {
    expect(new Set(lines.map((s) => s.dash)).size).toBe(lines.length);
    const symbols = lines.map((s) => s.symbol).filter((x) => x !== '');
    expect(new Set(symbols).size).toBe(symbols.length);
  });

  it('keeps the value line apart from the band behind it in greyscale', () => {
    const [dark, light] = [luminance(SERIES.value.colour), luminance(SERIES.band.colour)].sort((a, b) => a - b);
    expect((light! + 0.05) / (dark! + 0.05)).toBeGreaterThan(3);
  });
});
