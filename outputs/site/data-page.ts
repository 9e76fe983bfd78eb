// Downloads: every dataset file of the run (CSV, JSON, Parquet), datapackage.json, the other run files, and the
// run's issues. Links point into the run folder, one level above the site.
import type { SiteContext, SiteSummary } from './site-context.ts';
import { html, sitePage } from './site-page.ts';

const PATH = 'data.html';
/** Beyond this many issues the page lists the first ones and points to issues.csv (pages stay small). */
const MAX_ISSUES = 200;
const SEVERITY_JA: Record<string, string> = { error: 'エラー', warning: '警告', info: '情報' };

export function dataPage(ctx: SiteContext, summary: SiteSummary): { path: string; content: string } {
  const { input } = ctx;
  const file = (name: string) => html`<a href="../${name}">${name}</a>`;
  const { issues } = summary;
  const count = (s: string) => issues.filter((i) => i.severity === s).length;
  const body = html`<h1>データ</h1>
    <p>このサイトの数値は、同じ実行（実行ID ${input.runId}）の次のファイルと同じ行から作っています。列の説明は datapackage.json にあります。</p>
    <table>
      <caption>
        データセット
      </caption>
      <thead>
        <tr>
          <th scope="col">データセット</th>
          <th scope="col">CSV（UTF-8、BOM付き）</th>
          ${input.formats.json ? html`<th scope="col">JSON</th>` : ''}${input.formats.parquet ? html`<th scope="col">Parquet</th>` : ''}
          <th scope="col">行数</th>
        </tr>
      </thead>
      <tbody>
        ${summary.datasets.map(
          (t) =>
            html`<tr>
              <th scope="row">${t.titleJa}</th>
              <td>${file(`${t.name}.csv`)}</td>
              ${input.formats.json ? html`<td>${file(`${t.name}.json`)}</td>` : ''}${input.formats.parquet ? html`<td>${file(`${t.name}.parquet`)}</td>` : ''}
              <td class="num">${t.rows}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <ul>
      <li>${file('datapackage.json')}（列名・型・単位・説明）</li>
      ${input.otherFiles.map((f) => html`<li>${file(f)}</li>`)}
    </ul>
    <h2 id="issues">この実行で見つかった問題</h2>
    <p>エラー ${count('error')} 件、警告 ${count('warning')} 件、情報 ${count('info')} 件（全件は ${file('issues.csv')}）。</p>
    ${
      issues.length === 0
        ? ''
        : html`<table>
            <caption>
              問題の一覧${issues.length > MAX_ISSUES ? `（最初の ${MAX_ISSUES} 件）` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">番号</th>
                <th scope="col">重大度</th>
                <th scope="col">コード</th>
                <th scope="col">ファイル・位置</th>
                <th scope="col">内容と対処</th>
              </tr>
            </thead>
            <tbody>
              ${issues.slice(0, MAX_ISSUES).map(
                (i) =>
                  html`<tr>
                    <td class="num">${i.seq}</td>
                    <td>${SEVERITY_JA[i.severity] ?? i.severity}</td>
                    <td><code>${i.code}</code></td>
                    <td>
                      ${[i.file, i.sheet ? `シート「${i.sheet}」` : null, i.row !== null ? `${i.row}行目` : null, i.column ? `${i.column}列` : null, i.path]
                        .filter((x) => x)
                        .join(' ')}
                    </td>
                    <td>${i.message}${i.raw !== null ? html`<br /><span class="note">値: ${i.raw}</span>` : ''}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
  return {
    path: PATH,
    content: sitePage({ path: PATH, title: 'データ', siteTitle: ctx.siteTitle, nav: ctx.nav, section: 'data', runLine: ctx.runLine, body }),
  };
}
