// The frame of every dashboard page: lang="ja", a skip link, the site navigation, one <main>, inline CSS (no
// request leaves the page: no CDN, no web font, no script). Pages are strings; `html` escapes what it is given.
import { SITE_CSS } from './site-css.ts';

/** Text escaped for HTML; a SafeHtml passes through as it is. */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type HtmlPart = SafeHtml | string | number | null | undefined | false | readonly HtmlPart[];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(part: HtmlPart): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** Tagged template: interpolated values are escaped, nested `html` fragments and arrays of them are kept. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlPart[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new SafeHtml(out);
}

/** Markup made elsewhere (an SVG rendered at build time) taken as it is. */
export const raw = (text: string): SafeHtml => new SafeHtml(text);

/** The top-level entries of the navigation; a site lists only those its plan has (site-context.ts siteNav). */
export type SiteSection = 'overview' | 'visions' | 'indicators' | 'progress' | 'action-plan' | 'data';

export interface NavEntry {
  section: SiteSection;
  /** Path of the entry's page inside the site. */
  to: string;
  /** In the plan's words (plan.yaml terms). */
  label: string;
}

export interface PageFrame {
  /** Path of the page inside the site, e.g. indicators/sales-growth-share.html. */
  path: string;
  title: string;
  siteTitle: string;
  /** Which top-level entry of the navigation is this page's. */
  section: SiteSection;
  /** Printed as a line under the site title: the run and the report year. */
  runLine: string;
  /** The navigation: the site's sections, in the plan's words. */
  nav: readonly NavEntry[];
  body: SafeHtml;
  /** Rules of this page only, after the site's stylesheet (a wide table's columns, its print orientation). */
  css?: string;
}

/** A link from one page of the site to another, relative so the site opens from file://. */
export function href(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return `${'../'.repeat(depth)}${to}`;
}

export function sitePage(frame: PageFrame): string {
  const page = html`<!DOCTYPE html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${frame.title}｜${frame.siteTitle}</title>
        <style>
          ${raw(frame.css ? SITE_CSS + frame.css : SITE_CSS)}
        </style>
      </head>
      <body>
        <a class="skip" href="#main">本文へ移動</a>
        <header class="site">
          <p class="site-title"><a href="${href(frame.path, 'index.html')}">${frame.siteTitle}</a></p>
          <p class="run">${frame.runLine}</p>
          <nav aria-label="サイト内">
            <ul>
              ${frame.nav.map(
                (n) => html`<li><a href="${href(frame.path, n.to)}" ${n.section === frame.section ? raw(' aria-current="page"') : ''}>${n.label}</a></li>`,
              )}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">${frame.body}</main>
      </body>
    </html> `;
  return page.text;
}
