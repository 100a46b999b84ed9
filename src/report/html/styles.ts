// Stylesheets inlined in each report (one self-contained file, allowed by hash in its CSP).
// Colours are chosen for WCAG AA: text ≥ 4.5:1 on its background, marks and badges included.

const BASE = `
:root {
  --fg: #1b1f24; --muted: #4f5b67; --bg: #ffffff; --panel: #f5f7f9; --border: #c9d1d9; --accent: #0a58ca;
  --err: #a4161a; --err-bg: #fdeaea; --err-hl: #f7c6c6;
  --warn: #7a4500; --warn-bg: #fff3d6; --warn-hl: #ffdf8a;
  --info: #1d5bb8; --info-bg: #e4eefb; --info-hl: #c8dbf8;
  --ok: #146c2e; --ok-bg: #e3f4e8;
  --radius: 6px;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
/* Filters hide with the hidden attribute; it must win over any display set below. */
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--accent); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
h1, h2, h3, h4 { line-height: 1.25; margin: 0 0 .5rem; }
h1 { font-size: 1.45rem; }
h2 { font-size: 1.2rem; margin-top: .25rem; }
h3 { font-size: 1.05rem; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem .75rem; z-index: 10; }
.skip:focus { left: .5rem; top: .5rem; }
.muted { color: var(--muted); }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.banner { background: var(--panel); border-bottom: 1px solid var(--border); padding: 1rem clamp(.75rem, 3vw, 2rem); }
nav.jump { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: .5rem clamp(.75rem, 3vw, 2rem); border-bottom: 1px solid var(--border); background: var(--bg); position: sticky; top: 0; z-index: 5; }
nav.jump a { font-weight: 600; text-decoration: none; padding: .15rem 0; }
nav.jump a:hover { text-decoration: underline; }
main { padding: 1rem clamp(.75rem, 3vw, 2rem) 3rem; }
section { margin-bottom: 1.75rem; }
table { border-collapse: collapse; width: 100%; font-size: .93rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--border); }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; font-weight: 700; line-height: 1.6; border: 1px solid currentColor; white-space: nowrap; }
.badge.sev-error, .count.sev-error { color: var(--err); background: var(--err-bg); }
.badge.sev-warning, .count.sev-warning { color: var(--warn); background: var(--warn-bg); }
.badge.sev-info, .count.sev-info { color: var(--info); background: var(--info-bg); }
.badge.accepted-badge { color: var(--muted); background: var(--panel); }
.grade { display: inline-flex; align-items: center; justify-content: center; min-width: 2.2em; padding: 0 .4em; border-radius: var(--radius); font-weight: 800; border: 2px solid currentColor; }
.grade-a { color: var(--ok); background: var(--ok-bg); }
.grade-b { color: #1f5a2e; background: #eef6e6; }
.grade-c { color: var(--warn); background: var(--warn-bg); }
.grade-d { color: #8a3200; background: #ffe9d9; }
.grade-f { color: var(--err); background: var(--err-bg); }
.grade-none { color: var(--muted); background: var(--panel); }
.notice { border: 1px solid var(--border); border-left: 5px solid var(--warn); background: var(--warn-bg); padding: .6rem .8rem; border-radius: var(--radius); margin: .75rem 0; }
.notice.bad { border-left-color: var(--err); background: var(--err-bg); }
.counts { display: flex; flex-wrap: wrap; gap: .4rem; margin: .4rem 0; padding: 0; list-style: none; }
.count { padding: .1rem .55rem; border-radius: var(--radius); font-weight: 600; border: 1px solid currentColor; }
.count.neutral { color: var(--muted); background: var(--panel); }
button, select, input { font: inherit; color: inherit; }
`;

const PRINT_BASE = `
@media print {
  body { font-size: 10.5pt; }
  nav.jump, .skip, .filters fieldset, .filters label, .filters select, .filters input { display: none !important; }
  .filters { border: 0; background: none; padding: 0; }
  header.banner { background: none; border-bottom: 2px solid #000; }
  a { color: inherit; text-decoration: none; }
  .table-wrap { overflow: visible; }
  tr, li.finding, figure { break-inside: avoid; }
}
`;

export const REPORT_CSS = `${BASE}
.head-grid { display: grid; grid-template-columns: 1fr auto; gap: 1rem; align-items: start; }
.title-block h1 { overflow-wrap: anywhere; }
.facts { display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; margin: .35rem 0 0; padding: 0; }
.facts div { display: flex; gap: .35rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.scorecard { text-align: center; min-width: 8.5rem; padding: .5rem .75rem; border: 1px solid var(--border); border-radius: var(--radius); background: var(--bg); }
.scorecard .value { font-size: 2rem; font-weight: 800; line-height: 1.1; display: block; }
.scorecard .grade { font-size: 1.25rem; margin-top: .2rem; }
.overview { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
.card { border: 1px solid var(--border); border-radius: var(--radius); padding: .75rem .9rem; background: var(--bg); }
.card h3 { font-size: 1rem; }
.card p { margin: .3rem 0; }
details > summary { cursor: pointer; font-weight: 600; }
details.deductions > summary { margin-bottom: .3rem; }
.workspace { display: grid; grid-template-columns: 1fr; gap: 1.25rem; }
@media (min-width: 1000px) {
  .workspace { grid-template-columns: minmax(340px, 40%) 1fr; align-items: start; }
  /* Sticks below the sticky jump bar (about 2.8rem tall) and fits the rest of the viewport. */
  .findings-pane { position: sticky; top: 3rem; max-height: calc(100vh - 3.2rem); overflow: auto; padding-right: .5rem; }
}
.filters { border: 1px solid var(--border); border-radius: var(--radius); padding: .5rem .7rem; margin-bottom: .75rem; background: var(--panel); }
.filters fieldset { border: 0; padding: 0; margin: 0 0 .35rem; display: flex; flex-wrap: wrap; gap: .2rem .9rem; align-items: center; }
.filters legend { font-weight: 600; padding: 0; margin-right: .5rem; float: left; }
.filters label { display: inline-flex; gap: .3rem; align-items: center; cursor: pointer; }
.filters input[type=checkbox] { width: 1.05rem; height: 1.05rem; accent-color: var(--accent); }
.filter-status { margin: .25rem 0 0; color: var(--muted); font-size: .9rem; }
.family { margin-bottom: 1rem; }
.family > h3 { border-bottom: 2px solid var(--border); padding-bottom: .2rem; }
.rule-group { margin: 0 0 .9rem; }
.rule-group h4 { font-size: .95rem; margin: .4rem 0 .15rem; }
.rule-group .rule-desc { margin: 0 0 .4rem; color: var(--muted); font-size: .9rem; }
ol.finding-list { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
li.finding { border: 1px solid var(--border); border-left: 5px solid var(--border); border-radius: var(--radius); background: var(--bg); padding: .5rem .65rem; scroll-margin-top: 3rem; }
li.finding.sev-error { border-left-color: var(--err); }
li.finding.sev-warning { border-left-color: #b86e00; }
li.finding.sev-info { border-left-color: var(--info); }
li.finding.accepted { background: var(--panel); }
li.finding.selected { box-shadow: 0 0 0 3px var(--accent); }
.finding-btn { display: block; width: 100%; text-align: left; background: none; border: 0; padding: 0; cursor: pointer; }
.finding-btn .msg { display: block; margin-top: .2rem; overflow-wrap: anywhere; }
.finding-btn:hover .msg { text-decoration: underline; }
.finding-meta { display: flex; flex-wrap: wrap; gap: .35rem; align-items: center; font-size: .85rem; }
.finding-num { font-weight: 700; color: var(--muted); }
.show-hint { font-size: .82rem; color: var(--accent); font-weight: 600; }
ul.evidence { margin: .4rem 0 0; padding: 0; list-style: none; display: grid; gap: .2rem; font-size: .9rem; }
ul.evidence li { display: flex; flex-wrap: wrap; gap: .1rem .5rem; align-items: baseline; }
.quote { overflow-wrap: anywhere; }
.quote::before { content: "“"; } .quote::after { content: "”"; }
.pos { color: var(--muted); font-size: .85rem; white-space: nowrap; }
.role { color: var(--muted); font-style: italic; font-size: .85rem; }
.unplaced { font-size: .85rem; color: var(--muted); margin: .3rem 0 0; }
table.computed { margin-top: .45rem; width: auto; font-size: .88rem; }
table.computed th { background: none; font-weight: 600; color: var(--muted); padding: .15rem .6rem .15rem 0; border: 0; }
table.computed td { padding: .15rem .6rem .15rem 0; border: 0; font-variant-numeric: tabular-nums; }
.verdict-off { color: var(--err); font-weight: 700; }
.verdict-ok { color: var(--ok); font-weight: 700; }
figure.chart { margin: .5rem 0 0; max-width: 380px; }
figure.chart svg { width: 100%; height: auto; display: block; overflow: visible; }
figure.chart figcaption { font-size: .85rem; color: var(--muted); }
svg .axis, svg .tick { stroke: #57606a; stroke-width: 1; }
svg .tick-label { font-size: 10px; fill: #4f5b67; }
svg .value-label { font-size: 11px; font-weight: 700; fill: #1b1f24; }
svg .over-label { fill: var(--err); }
svg .band { fill: var(--info-hl); stroke: var(--info); stroke-width: 1; }
svg .stated-range { fill: #7d8793; }
svg .stated.off { fill: var(--err); }
svg .stated.ok { fill: var(--ok); }
svg .computed { fill: var(--info); stroke: #fff; stroke-width: 1.5; }
svg .seg { stroke: #fff; stroke-width: 1; }
svg .gap { fill: #eef0f2; stroke: var(--err); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg .over { fill: none; stroke: var(--err); stroke-width: 2; }
svg .hundred { stroke: #1b1f24; stroke-width: 1.5; stroke-dasharray: 3 2; }
.c0 { fill: #1d5bb8; background: #1d5bb8; } .c1 { fill: #b35c00; background: #b35c00; }
.c2 { fill: #2b7a3d; background: #2b7a3d; } .c3 { fill: #7b3fa0; background: #7b3fa0; }
.c4 { fill: #00798a; background: #00798a; } .c5 { fill: #a33a6b; background: #a33a6b; }
.c6 { fill: #5c6b2e; background: #5c6b2e; } .c7 { fill: #4a5663; background: #4a5663; }
ul.legend { list-style: none; margin: .3rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .15rem .8rem; font-size: .85rem; }
ul.legend li { display: inline-flex; align-items: center; gap: .3rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; }
.fingerprint { font-size: .78rem; color: var(--muted); overflow-wrap: anywhere; }
.doc-pane { min-width: 0; }
article.doc { position: relative; padding: .25rem .5rem .25rem 4.6rem; border: 1px solid var(--border); border-radius: var(--radius); background: var(--bg); line-height: 1.6; }
article.doc .blk { white-space: pre-wrap; overflow-wrap: anywhere; margin: .45rem 0; scroll-margin-top: 3rem; }
article.doc h3.blk, article.doc h4.blk, article.doc h5.blk, article.doc h6.blk { margin-top: 1rem; white-space: normal; }
article.doc h3.blk { font-size: 1.2rem; } article.doc h4.blk { font-size: 1.05rem; }
article.doc h5.blk, article.doc h6.blk { font-size: .98rem; }
article.doc ul { margin: .3rem 0; padding-left: 1.3rem; }
article.doc li > .blk { margin: .15rem 0; }
article.doc .cells { display: flex; flex-wrap: wrap; gap: .25rem; margin: .45rem 0; }
article.doc .cells .blk { margin: 0; padding: .2rem .45rem; border: 1px solid var(--border); border-radius: 3px; }
/* The margin: each block's source line number from its data-line attribute (kept out of the text and
   of what a screen reader reads), and a pin where the block has findings. */
article.doc .blk::before { content: attr(data-line); content: attr(data-line) / ""; position: absolute; left: .35rem; min-width: 2.2rem; color: var(--muted); font-size: .72rem; line-height: 1.2; font-weight: 400; font-style: normal; font-variant-numeric: tabular-nums; white-space: nowrap; }
article.doc .blk.flagged::before { color: var(--fg); font-weight: 700; }
.gutter { position: absolute; left: 2.6rem; width: 1.8rem; display: flex; align-items: center; font-size: .72rem; line-height: 1.2; font-weight: 400; overflow: hidden; }
details.doc-section { border-top: 1px solid var(--border); }
details.doc-section:first-child { border-top: 0; }
details.doc-section > summary { cursor: pointer; padding: .4rem 0; font-weight: 600; }
details.doc-section > summary .muted { font-weight: 400; font-size: .88rem; }
.evidence-more { font-size: .85rem; margin: .2rem 0 0; }
p.omitted { font-size: .88rem; color: var(--warn); margin: .2rem 0 .4rem; }
a.pin { display: inline-block; min-width: 1.25rem; text-align: center; border-radius: 999px; text-decoration: none; font-weight: 700; padding: 0 .2rem; border: 1px solid currentColor; }
a.pin.sev-error { color: var(--err); background: var(--err-bg); }
a.pin.sev-warning { color: var(--warn); background: var(--warn-bg); }
a.pin.sev-info { color: var(--info); background: var(--info-bg); }
a.pin.accepted { color: var(--muted); background: var(--panel); }
.blk.flagged { box-shadow: -3px 0 0 0 var(--border); }
mark.hl { color: var(--fg); border-radius: 2px; padding: 0 1px; }
mark.hl > a { color: inherit; text-decoration: none; }
mark.hl > a:hover { text-decoration: underline; }
mark.hl.sev-error { background: var(--err-hl); box-shadow: inset 0 -2px 0 var(--err); }
mark.hl.sev-warning { background: var(--warn-hl); box-shadow: inset 0 -2px 0 #9a5b00; }
mark.hl.sev-info { background: var(--info-hl); box-shadow: inset 0 -2px 0 var(--info); }
mark.hl.multi { box-shadow: inset 0 -4px 0 #1b1f24; }
mark.hl.accepted { background: #e6e9ec; box-shadow: inset 0 -2px 0 #7d8793; }
mark.hl.muted { background: transparent; box-shadow: inset 0 -1px 0 #9aa4ae; }
/* Top and bottom rules only, so adjacent segments of one selection read as one band. */
mark.hl.active { background: #ffe45c; box-shadow: 0 3px 0 var(--accent), 0 -3px 0 var(--accent); }
.claims h3 { margin-top: 1rem; }
.claims td .quote { display: inline; }
a.check { display: block; font-size: .85rem; font-weight: 600; }
a.check.sev-error { color: var(--err); } a.check.sev-warning { color: var(--warn); } a.check.sev-info { color: var(--info); }
.sum-ok { color: var(--ok); font-weight: 700; } .sum-short, .sum-over { color: var(--err); font-weight: 700; }
.breakdown { border: 1px solid var(--border); border-radius: var(--radius); padding: .6rem .75rem; margin-bottom: .75rem; }
.breakdown h4 { margin: 0 0 .35rem; }
.empty { color: var(--muted); font-style: italic; }
footer.page-foot { padding: 1rem clamp(.75rem, 3vw, 2rem); color: var(--muted); border-top: 1px solid var(--border); font-size: .85rem; }
@media (max-width: 640px) {
  body { font-size: 15px; }
  nav.jump { flex-wrap: nowrap; overflow-x: auto; gap: .9rem; white-space: nowrap; }
  .head-grid { grid-template-columns: 1fr; }
  .scorecard { display: flex; gap: .75rem; align-items: center; justify-content: flex-start; text-align: left; }
  .scorecard .grade { margin-top: 0; }
  article.doc { padding-left: 3.6rem; }
  article.doc .blk::before { left: .2rem; min-width: 1.6rem; font-size: .66rem; }
  .gutter { left: 1.9rem; width: 1.6rem; font-size: .66rem; }
  th, td { padding: .3rem .35rem; }
}
${PRINT_BASE}
@media print {
  .workspace { display: block; }
  .findings-pane { position: static; max-height: none; overflow: visible; }
  mark.hl { outline: 1px solid #000; }
  mark.hl.active { background: inherit; outline: 1px solid #000; }
  li.finding.selected { box-shadow: none; }
  article.doc { border: 0; }
  .show-hint { display: none; }
}
`;

export const INDEX_CSS = `${BASE}
.run-facts { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; margin: .3rem 0 0; padding: 0; }
.run-facts div { display: flex; gap: .35rem; }
.run-facts dt { color: var(--muted); }
.run-facts dd { margin: 0; font-weight: 600; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: .6rem; margin: 0 0 1rem; padding: 0; list-style: none; }
.stats li { border: 1px solid var(--border); border-radius: var(--radius); padding: .5rem .7rem; background: var(--bg); }
.stats .stat-value { display: block; font-size: 1.5rem; font-weight: 800; }
.stats .stat-label { color: var(--muted); font-size: .88rem; }
.stats li.sev-error .stat-value { color: var(--err); }
.stats li.sev-warning .stat-value { color: var(--warn); }
.stats li.sev-info .stat-value { color: var(--info); }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .5rem 0 .75rem; padding: .6rem .75rem; border: 1px solid var(--border); border-radius: var(--radius); background: var(--panel); }
.filters label { display: grid; gap: .15rem; font-weight: 600; font-size: .9rem; }
.filters input, .filters select { padding: .35rem .5rem; border: 1px solid #6e7781; border-radius: 4px; background: var(--bg); min-width: 14rem; max-width: 100%; }
.filter-status { margin: 0; color: var(--muted); font-size: .9rem; }
th button.sort { font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer; display: inline-flex; gap: .3rem; align-items: center; text-align: left; }
th button.sort::after { content: "↕"; color: var(--muted); font-weight: 400; }
th[aria-sort=ascending] button.sort::after { content: "▲"; color: var(--fg); }
th[aria-sort=descending] button.sort::after { content: "▼"; color: var(--fg); }
td.source a { font-weight: 600; overflow-wrap: anywhere; }
td.top { max-width: 32rem; overflow-wrap: anywhere; }
tr.failed td { background: #fbf3f3; }
.reason { color: var(--err); font-weight: 700; }
.rule-table td:first-child { white-space: nowrap; }
ul.corpus, ul.failures, ul.copies { padding-left: 1.2rem; }
ul.corpus li:target { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
ul.source-list { list-style: none; margin: .2rem 0 0; padding: 0; font-size: .88rem; }
ul.source-list li { overflow-wrap: anywhere; }
table.publishers td.publisher { max-width: 28rem; }
section.market { margin: 1.25rem 0 1.75rem; }
section.market h3 .muted { font-weight: 400; font-size: .9rem; }
table.market-table { font-size: .9rem; }
table.market-table tr.flagged td { background: var(--warn-bg); }
table.market-table td:first-child { overflow-wrap: anywhere; }
.plots { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
figure.dot-plot { margin: .6rem 0 0; max-width: 380px; flex: 1 1 300px; }
figure.dot-plot svg { width: 100%; height: auto; display: block; overflow: visible; }
figure.dot-plot figcaption { font-size: .85rem; color: var(--muted); }
figure.dot-plot .axis { stroke: #57606a; stroke-width: 1; }
figure.dot-plot .tick-label { font-size: 10px; fill: #4f5b67; }
figure.dot-plot .median { stroke: #1b1f24; stroke-width: 2; stroke-dasharray: 3 2; }
figure.dot-plot .dot { fill: var(--info); stroke: #fff; stroke-width: 1.5; }
figure.dot-plot .dot.projected { fill: #fff; stroke: var(--info); stroke-width: 2; }
figure.dot-plot .dot.outlier { fill: var(--err); stroke: #1b1f24; stroke-width: 1.5; }
figure.dot-plot a:focus-visible .dot { stroke: var(--accent); stroke-width: 3; }
#summary h3 { margin-top: 1rem; }
footer.page-foot { padding: 1rem clamp(.75rem, 3vw, 2rem); color: var(--muted); border-top: 1px solid var(--border); font-size: .85rem; }
.filters .mobile-sort { display: none; }
@media (max-width: 640px) {
  table.sources thead { display: none; }
  table.sources, table.sources tbody { display: block; width: 100%; }
  /* Each source becomes a card: name, then the figures on one wrapped line, then the top finding. */
  table.sources tr { display: flex; flex-wrap: wrap; gap: .1rem 1rem; border: 1px solid var(--border); border-radius: var(--radius); margin-bottom: .6rem; padding: .4rem .6rem; }
  table.sources tr[hidden] { display: none; }
  table.sources td { display: block; border: 0; padding: .1rem 0; text-align: left; }
  table.sources td.source, table.sources td.top { flex-basis: 100%; }
  table.sources td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-weight: 600; }
  .filters input, .filters select { min-width: 0; width: 100%; }
  .filters label { width: 100%; }
  .filters .mobile-sort { display: grid; }
  .rule-table thead { display: none; }
  .rule-table tr { display: grid; grid-template-columns: 1fr auto; border-bottom: 1px solid var(--border); padding: .3rem 0; }
  .rule-table td { border: 0; padding: .1rem .25rem; }
  .rule-table td:first-child { white-space: normal; overflow-wrap: anywhere; }
  .rule-table td:nth-child(3) { grid-column: 1 / -1; color: var(--muted); }
}
${PRINT_BASE}
`;
