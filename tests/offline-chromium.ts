// The dashboard's browser tests share one way to drive Chromium: Debian's /usr/bin/chromium (or LEI_CHROMIUM) through
// playwright-core, an empty profile of its own, every request but file:// recorded and refused, console errors
// collected per page, and axe-core's serious or critical violations. Without Chromium the suites are skipped and say why.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot, tempDir } from './helpers.ts';

export const CHROMIUM = process.env.LEI_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);

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

/** A browser that may open only file:// URLs: what else a page asks for is refused and listed in `requests`. */
export interface OfflineBrowser {
  context: BrowserContext;
  requests: string[];
  consoleErrors: string[];
  /** Opens `page` (a path under `dir`), its console errors and uncaught exceptions collected in consoleErrors. */
  open(dir: string, page: string): Promise<Page>;
}

export async function launchOffline(viewport?: { width: number; height: number }): Promise<OfflineBrowser> {
  // An empty profile of its own: no extension, sync or stored state of another run.
  const context = await chromium.launchPersistentContext(await tempDir('lei-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    ...(viewport ? { viewport } : {}),
  });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  // Anything but file:// is recorded and refused: the pages must not reach the network.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  context.on('request', (r) => {
    if (!r.url().startsWith('file://')) requests.push(r.url());
  });
  return {
    context,
    requests,
    consoleErrors,
    async open(dir, p) {
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(`${p}: ${m.text()}`);
      });
      page.on('pageerror', (e) => consoleErrors.push(`${p}: ${e.message}`));
      await page.goto(pathToFileURL(path.join(dir, p)).href);
      return page;
    },
  };
}

/** axe-core's serious and critical violations on the page, one line each (rule, impact, the elements). */
export async function seriousViolations(page: Page): Promise<string[]> {
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
