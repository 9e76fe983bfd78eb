// The dashboard's one stylesheet, inlined in every page. Meaning never rests on colour alone: marks carry
// ↑→↓ and words, chart series differ by dash and symbol; the palette (Okabe–Ito) stays apart for colour-blind
// readers and in greyscale. Print: A4, every indicator page on one sheet (breakdown charts give way to their tables,
// compact type and tables; tests/dashboard-browser.test.ts counts the pages of Chromium's PDF), navigation hidden.
export const SITE_CSS = `
:root{--ink:#1a1a1a;--muted:#555;--line:#bbb;--bg:#fff;--band:#f2f2f2;--link:#0047ab;--focus:#b35900;
--good:#006b3c;--good-bg:#e3f4ea;--bad:#a0002a;--bad-bg:#fbe4e8;--flat:#333;--flat-bg:#eee;--none-bg:#fff}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:var(--bg);font:16px/1.7 "Hiragino Sans","Noto Sans CJK JP","Noto Sans JP","Yu Gothic UI","Yu Gothic",Meiryo,system-ui,sans-serif}
a{color:var(--link)}
a:focus-visible,button:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5em 1em;z-index:10}
.skip:focus{left:1em}
header.site{border-bottom:3px solid var(--ink);padding:.5em 1.5em}
.site-title{font-size:1.25em;font-weight:700;margin:0}
.site-title a{color:var(--ink);text-decoration:none}
.run{margin:0;color:var(--muted);font-size:.85em}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25em 1.25em;margin:.25em 0 0;padding:0}
nav a[aria-current]{font-weight:700;color:var(--ink);text-decoration-thickness:3px}
main{padding:1em 1.5em 3em;max-width:78em}
h1{font-size:1.6em;line-height:1.35;margin:.5em 0}
h2{font-size:1.3em;border-left:6px solid var(--ink);padding-left:.5em;margin:1.75em 0 .5em}
h3{font-size:1.05em;margin:1.25em 0 .25em}
table{border-collapse:collapse;margin:.5em 0 1em;font-size:.92em}
caption{text-align:left;font-weight:700;padding:.25em 0}
th,td{border:1px solid var(--line);padding:.25em .6em;vertical-align:top}
thead th{background:var(--band)}
tbody th{text-align:left;white-space:nowrap}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.note{color:var(--muted);font-size:.9em}
.facts{display:grid;grid-template-columns:auto 1fr;gap:0 1em}.facts dt{color:var(--muted)}.facts dd{margin:0}
.stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(13em,1fr));gap:.75em}
.stat{border:1px solid var(--line);padding:.5em .75em}
.stat .big{font-size:1.8em;font-weight:700;display:block}
.model{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:1em;align-items:start}
.tier>h2{margin-top:.5em;font-size:1.1em}
.tier+.tier>h2::before{content:"→ ";color:var(--muted)}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:.75em}
.card{border:1px solid var(--line);border-left:8px solid var(--flat);padding:.5em .75em;background:var(--none-bg)}
.card h3{margin:0 0 .25em;font-size:1em}
.card dl{display:grid;grid-template-columns:auto 1fr;gap:0 .75em;margin:0;font-size:.9em}
.card dt{color:var(--muted)}.card dd{margin:0}
.card.improved{border-left-color:var(--good);background:var(--good-bg)}
.card.worsened{border-left-color:var(--bad);border-left-style:double;border-left-width:10px;background:var(--bad-bg)}
.card.unchanged{border-left-color:var(--flat);background:var(--flat-bg)}
.card.none{border-left:6px dashed var(--muted)}
.mark{font-weight:700;white-space:nowrap}
.mark.improved{color:var(--good)}.mark.worsened{color:var(--bad)}
.withheld{font-weight:700}
.chart svg{max-width:100%;height:auto}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25em 1.5em;font-size:.9em}
.legend svg{vertical-align:middle;margin-right:.35em}
.secret{font-weight:700;letter-spacing:.1em}
.reprint{color:var(--muted)}
@media (max-width:60em){.model{grid-template-columns:1fr}.tier+.tier>h2::before{content:"↓ "}}
@media print{
@page{size:A4;margin:14mm}
body{font-size:8.5pt;line-height:1.35}
header.site nav,.skip{display:none}
header.site{border-bottom-width:1px;padding:0 0 .25em}
main{padding:0;max-width:none}
.model{grid-template-columns:repeat(4,minmax(0,1fr))}
.card,.chart,table{break-inside:avoid}
figure.breakdown-chart{display:none}
.breakdowns{display:grid;grid-template-columns:1fr 1fr;gap:0 1.5em}
h1{font-size:1.45em;margin:.2em 0}
h2{font-size:1.1em;margin:.6em 0 .25em}
h3{margin:.3em 0 .1em}
p,.facts{margin:.25em 0}
figure.chart{margin:0}
.chart svg{max-height:48mm}
.legend{margin:0;font-size:.85em}
table{font-size:.85em;margin:.2em 0 .4em}
th,td{padding:.05em .35em;line-height:1.3}
caption{padding:0}
.breakdowns table{font-size:.8em}
table.lineage{font-size:7pt}
table.lineage td,table.lineage th{padding:0 .25em}
a{color:inherit;text-decoration:none}
}
`;
