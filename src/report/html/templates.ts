// Handlebars templates as string constants so they ship with the compiled code. All output uses
// {{ }} (escaped); the few trusted pieces (our CSS, JS, escaped JSON) arrive as SafeString.
// Blocks of document text are written on one line: the document view keeps white space as is.

export const PARTIALS: Record<string, string> = {
  // Shared by the report and the index: the CSP allows only their own inline style and script.
  pageMeta: `<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{csp}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="credence">`,
  chart: `<figure class="chart chart-{{kind}}">
<svg viewBox="0 0 {{width}} {{height}}" width="{{width}}" height="{{height}}" role="img" aria-label="{{label}}" focusable="false">
{{#each rects}}<rect x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" class="{{classes}}">{{#if title}}<title>{{title}}</title>{{/if}}</rect>{{/each}}
{{#each lines}}<line x1="{{x1}}" y1="{{y1}}" x2="{{x2}}" y2="{{y2}}" class="{{classes}}"></line>{{/each}}
{{#each polygons}}<polygon points="{{points}}" class="{{classes}}">{{#if title}}<title>{{title}}</title>{{/if}}</polygon>{{/each}}
{{#each circles}}<circle cx="{{cx}}" cy="{{cy}}" r="{{r}}" class="{{classes}}">{{#if title}}<title>{{title}}</title>{{/if}}</circle>{{/each}}
{{#each texts}}<text x="{{x}}" y="{{y}}" text-anchor="{{anchor}}" class="{{classes}}">{{text}}</text>{{/each}}
</svg>
<figcaption>{{caption}}</figcaption>
{{#if legend}}<ul class="legend">{{#each legend}}<li><span class="{{swatch}}" aria-hidden="true"></span>{{label}} <span class="muted">{{value}}</span></li>{{/each}}</ul>{{/if}}
</figure>`,

  sourceLink: `{{#if href}}<a href="{{href}}">{{name}}</a>{{else}}{{name}}{{/if}}`,

  claimHeader: `<th scope="col"{{#if num}} class="num"{{/if}}>{{text}}</th>`,
  claimCell: `<td{{#if classes}} class="{{classes}}"{{/if}}>{{text}}</td>`,
  where: `{{#if href}}<a href="{{href}}">{{position}}</a>{{else}}{{position}}{{/if}}`,

  checks: `{{#each this}}<a class="{{classes}}" href="{{href}}">{{text}}</a>{{/each}}`,

  finding: `<li class="{{classes}}" id="{{id}}" data-severity="{{severity}}" data-family="{{family}}" data-rule="{{ruleId}}" data-accepted="{{#if accepted}}true{{else}}false{{/if}}">
<button type="button" class="finding-btn" data-show="{{id}}" aria-pressed="false">
<span class="finding-meta"><span class="finding-num">#{{number}}</span> <span class="badge sev-{{severity}}">{{severity}}</span>{{#if accepted}} <span class="badge accepted-badge">accepted in baseline</span>{{/if}}{{#if highlighted}} <span class="show-hint">Show in document</span>{{/if}}</span>
<span class="msg">{{message}}</span>
</button>
{{#if evidence.length}}<ul class="evidence" aria-label="Evidence of finding {{number}}">
{{#each evidence}}<li>{{#if href}}<a class="quote" href="{{href}}" data-show="{{findingId}}" data-mark="{{markId}}">{{quote}}</a>{{else}}<span class="quote">{{quote}}</span>{{/if}} <span class="pos" title="line:column">{{position}}</span>{{#if role}} <span class="role">{{role}}</span>{{/if}}</li>
{{/each}}</ul>{{/if}}
{{#if evidenceMore}}<p class="evidence-more muted">{{evidenceMore}}</p>{{/if}}
{{#if unplacedNote}}<p class="unplaced">{{unplacedNote}}</p>{{/if}}
{{#if computed}}<table class="computed">
<caption class="visually-hidden">Recomputed {{computed.quantity}}</caption>
<tr><th scope="row">{{computed.quantity}}, stated</th><td>{{computed.stated}}</td></tr>
<tr><th scope="row">computed</th><td>{{computed.computed}}</td></tr>
<tr><th scope="row">allowed interval</th><td>{{computed.interval}} {{#if computed.inside}}<span class="verdict-ok">stated value inside</span>{{else}}<span class="verdict-off">stated value outside</span>{{/if}}</td></tr>
{{#if computed.note}}<tr><th scope="row">note</th><td>{{computed.note}}</td></tr>{{/if}}
</table>{{/if}}
{{#if chart}}{{> chart chart}}{{/if}}
<p class="fingerprint">Fingerprint <code>{{fingerprint}}</code></p>
</li>`,

  // The margin: the line number comes from data-line (by the style), the pin only where there are findings.
  gutter: `{{#if pin}}<span class="gutter"><a class="{{pin.classes}}" href="{{pin.href}}" data-f="{{pin.findings}}" title="{{pin.title}}">{{pin.label}}<span class="visually-hidden"> {{pin.title}}</span></a></span>{{/if}}`,

  text: `{{#each segments}}{{#if marked}}<mark id="{{id}}" class="{{classes}}" data-f="{{findings}}"><a href="{{href}}" title="{{title}}">{{text}}</a></mark>{{else}}{{text}}{{/if}}{{/each}}`,

  docList: `<ul>{{#each items}}<li><div class="{{block.classes}}" id="{{block.id}}" data-line="{{block.line}}">{{> gutter block}}{{> text block}}</div>{{#each lists}}{{> docList this}}{{/each}}</li>{{/each}}</ul>`,

  docNode: `{{#if heading}}{{#if h3}}<h3 class="{{heading.classes}}" id="{{heading.id}}" data-line="{{heading.line}}">{{> gutter heading}}{{> text heading}}</h3>{{/if}}{{#if h4}}<h4 class="{{heading.classes}}" id="{{heading.id}}" data-line="{{heading.line}}">{{> gutter heading}}{{> text heading}}</h4>{{/if}}{{#if h5}}<h5 class="{{heading.classes}}" id="{{heading.id}}" data-line="{{heading.line}}">{{> gutter heading}}{{> text heading}}</h5>{{/if}}{{#if h6}}<h6 class="{{heading.classes}}" id="{{heading.id}}" data-line="{{heading.line}}">{{> gutter heading}}{{> text heading}}</h6>{{/if}}{{/if}}
{{#if paragraph}}<p class="{{paragraph.classes}}" id="{{paragraph.id}}" data-line="{{paragraph.line}}">{{> gutter paragraph}}{{> text paragraph}}</p>{{/if}}
{{#if list}}{{> docList list}}{{/if}}
{{#if cells}}<div class="cells">{{#each cells}}<div class="{{classes}}" id="{{id}}" data-line="{{line}}">{{> gutter this}}{{> text this}}</div>{{/each}}</div>{{/if}}`,
};

export const REPORT_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
{{> pageMeta}}
<title>{{summary.title}} · credence report</title>
<style>{{style}}</style>
</head>
<body>
<a class="skip" href="#findings">Skip to findings</a>
<header class="banner">
<div class="head-grid">
<div class="title-block">
<p class="muted">credence audit report · <a href="{{indexHref}}">All sources</a></p>
<h1>{{summary.title}}</h1>
<dl class="facts">
<div><dt>Source</dt><dd>{{summary.name}}</dd></div>
<div><dt>Format</dt><dd>{{summary.format}}</dd></div>
<div><dt>Size</dt><dd>{{summary.size}}</dd></div>
{{#if summary.encoding}}<div><dt>Encoding</dt><dd>{{summary.encoding}}</dd></div>{{/if}}
<div><dt>Published</dt><dd>{{#if summary.published}}{{summary.published}}{{else}}not found{{/if}}</dd></div>
<div><dt>Forecast period</dt><dd>{{#if summary.forecast}}{{summary.forecast}}{{else}}not found{{/if}}</dd></div>
</dl>
<ul class="counts" aria-label="Findings by severity">
{{#each counts}}<li class="count {{classes}}">{{label}}</li>{{/each}}
</ul>
</div>
{{#if summary.score}}<div class="scorecard" role="group" aria-label="Credibility score">
<span class="value">{{summary.score.value}}<span class="visually-hidden"> out of 100</span></span>
<span class="{{summary.score.gradeClass}}" title="grade">{{summary.score.grade}}</span>
<span class="muted">credibility</span>
</div>{{/if}}
</div>
</header>
<nav class="jump" aria-label="Report sections">
<a href="#overview">Overview</a>
<a href="#findings">Findings ({{findingCount}})</a>
<a href="#document">Document</a>
<a href="#claims">Claims</a>
{{#if entities}}<a href="#entities">Entities</a>{{/if}}
</nav>
<main id="main">
<section id="overview" aria-labelledby="overview-h">
<h2 id="overview-h">Overview</h2>
{{#if summary.error}}<p class="notice bad"><strong>Not audited ({{summary.error.reason}}):</strong> {{summary.error.message}}</p>{{/if}}
{{#if summary.encodingWarning}}<p class="notice">{{summary.encodingWarning}}</p>{{/if}}
{{#if summary.coverage}}{{#if summary.coverage.nothingChecked}}<p class="notice">{{summary.coverage.nothingChecked}}</p>{{/if}}{{/if}}
<div class="overview">
<div class="card">
<h3>Score</h3>
{{#if summary.score}}<p>{{summary.score.explanation}}</p>
{{#if summary.score.deductions.length}}<details class="deductions"{{#if summary.score.deductionsOpen}} open{{/if}}><summary>Deductions by rule ({{summary.score.deductions.length}})</summary><div class="table-wrap"><table>
<caption class="visually-hidden">Deductions by rule</caption>
<thead><tr><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col" class="num">Count</th><th scope="col" class="num">Points</th></tr></thead>
<tbody>{{#each summary.score.deductions}}<tr><td><code>{{ruleId}}</code></td><td><span class="badge sev-{{severity}}">{{severity}}</span></td><td class="num">{{count}}</td><td class="num">{{points}}</td></tr>{{/each}}</tbody>
</table></div></details>{{else}}<p class="muted">No deductions.</p>{{/if}}
{{else}}<p class="muted">No score: the source was not audited.</p>{{/if}}
</div>
<div class="card">
<h3>Coverage</h3>
{{#if summary.coverage}}<p><strong>Claims found:</strong> {{summary.coverage.claims}}.</p>
<p><strong>Checked:</strong> {{summary.coverage.checked}}.</p>
{{#if summary.coverage.rules.length}}<details><summary>Checks per rule</summary><ul>{{#each summary.coverage.rules}}<li><code>{{ruleId}}</code>: {{checked}}</li>{{/each}}</ul></details>{{/if}}
{{else}}<p class="muted">No coverage: the source was not audited.</p>{{/if}}
</div>
</div>
</section>
<div class="workspace">
<section id="findings" class="findings-pane" aria-labelledby="findings-h">
<h2 id="findings-h">Findings</h2>
{{#if families.length}}<form class="filters" id="filters" aria-label="Filter findings">
<fieldset><legend>Severity</legend>{{#each severities}}<label><input type="checkbox" name="severity" value="{{value}}" checked> {{label}}</label>{{/each}}</fieldset>
<fieldset><legend>Family</legend>{{#each familyFilters}}<label><input type="checkbox" name="family" value="{{value}}" checked> {{label}}</label>{{/each}}</fieldset>
{{#if acceptedCount}}<fieldset><legend>Baseline</legend><label><input type="checkbox" name="accepted" value="yes" checked> show {{acceptedCount}} accepted</label></fieldset>{{/if}}
<p class="filter-status" id="filter-status" aria-live="polite"></p>
</form>
<p class="visually-hidden" id="selection-status" aria-live="polite"></p>
{{#if omittedNote}}<p class="notice">{{omittedNote}}</p>{{/if}}
{{#each families}}<section class="family" id="{{anchor}}" aria-labelledby="{{anchor}}-h">
<h3 id="{{anchor}}-h">{{family}} <span class="muted">· {{countLabel}}</span></h3>
{{#each rules}}<div class="rule-group" id="{{anchor}}">
<h4><code>{{ruleId}}</code> <span class="muted">· {{countLabel}}</span></h4>
{{#if description}}<p class="rule-desc">{{description}}</p>{{/if}}
{{#if omitted}}<p class="omitted">{{omitted}}</p>{{/if}}
<ol class="finding-list">
{{#each findings}}{{> finding this}}
{{/each}}</ol>
</div>
{{/each}}</section>
{{/each}}{{else}}<p class="empty">{{noFindings}}</p>{{/if}}
</section>
<section id="document" class="doc-pane" aria-labelledby="document-h">
<h2 id="document-h">Document</h2>
{{#if documentNote}}<p class="muted">{{documentNote}}</p>{{/if}}
{{#if nodes.length}}<article class="doc" aria-label="Text of {{summary.name}}">
{{#each nodes}}{{> docNode this}}
{{/each}}</article>{{/if}}
{{#if sections}}<p class="muted">A long document: shown in {{sections.length}} sections, the first one open. Open a section to read it; following a finding opens the section it is in.</p>
<article class="doc sectioned" aria-label="Text of {{summary.name}}">
{{#each sections}}<details class="doc-section" id="{{id}}"{{#if open}} open{{/if}}><summary><span class="section-title">{{title}}</span> <span class="muted">· {{summary}}</span></summary>
{{#each nodes}}{{> docNode this}}
{{/each}}</details>
{{/each}}</article>{{/if}}
</section>
</div>
<section id="claims" class="claims" aria-labelledby="claims-h">
<h2 id="claims-h">Extracted claims</h2>
{{#if claims.any}}
{{#if claims.periods.length}}<h3>Report periods</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">What</th><th scope="col">Value</th><th scope="col">Where</th></tr></thead>
<tbody>{{#each claims.periods}}<tr><td>{{label}}</td><td>{{value}}</td><td>{{#if where}}{{> where where}}{{else}}—{{/if}}</td></tr>{{/each}}</tbody>
</table></div>{{/if}}
{{#each claims.tables}}{{#if shown}}<h3>{{title}}</h3>
{{#if breakdowns}}{{#each breakdowns}}<div class="breakdown">
<h4>{{title}}</h4>
<div class="table-wrap"><table>
<thead><tr>{{#each ../headers}}{{> claimHeader this}}{{/each}}<th scope="col">Where</th></tr></thead>
<tbody>{{#each rows}}<tr>{{#each cells}}{{> claimCell this}}{{/each}}<td>{{> where where}}</td></tr>{{/each}}</tbody>
<tfoot><tr><th scope="row">Sum</th><td class="num"><strong>{{total}}</strong></td><td colspan="{{../sumSpan}}"><span class="{{stateClass}}">{{state}}</span></td></tr></tfoot>
</table></div>
{{> chart chart}}
{{> checks checks}}
</div>
{{/each}}{{else}}<div class="table-wrap"><table>
<thead><tr>{{#each headers}}{{> claimHeader this}}{{/each}}<th scope="col">Where</th>{{#if recomputed}}<th scope="col">Recomputed</th>{{/if}}</tr></thead>
<tbody>{{#each rows}}<tr>{{#each cells}}{{> claimCell this}}{{/each}}<td>{{> where where}}</td>{{#if ../recomputed}}<td>{{> checks checks}}</td>{{/if}}</tr>{{/each}}</tbody>
</table></div>{{/if}}{{#if more}}<p class="muted">{{more}}</p>{{/if}}{{/if}}
{{/each}}
{{else}}<p class="empty">No growth rates, market sizes, shares or report periods were extracted from this source.</p>{{/if}}
</section>
{{#if entities}}<section id="entities" class="claims" aria-labelledby="entities-h">
<h2 id="entities-h">Named entities</h2>
{{#if entities.groups.length}}{{#each entities.groups}}<h3>{{label}} <span class="muted">· {{countLabel}}</span></h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">As written</th><th scope="col" class="num">Mentions</th><th scope="col">First mention</th></tr></thead>
<tbody>{{#each rows}}<tr><td>{{text}}</td><td class="num">{{mentions}}</td><td>{{> where where}}</td></tr>{{/each}}</tbody>
</table></div>
{{#if more}}<p class="muted">{{more}}</p>{{/if}}
{{/each}}{{else}}<p class="empty">No named entities were found in this source.</p>{{/if}}
</section>{{/if}}
</main>
<footer class="page-foot">Generated {{generatedAt}} by credence · <a href="{{indexHref}}">All sources</a></footer>
<script type="application/json" id="credence-data">{{data}}</script>
<script>{{script}}</script>
</body>
</html>
`;

export const INDEX_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
{{> pageMeta}}
<title>credence audit · {{sourcesLabel}}</title>
<style>{{style}}</style>
</head>
<body>
<a class="skip" href="#sources-section">Skip to sources</a>
<header class="banner">
<h1>credence audit</h1>
<dl class="run-facts">
<div><dt>Started</dt><dd>{{startedAt}}</dd></div>
<div><dt>Finished</dt><dd>{{finishedAt}}</dd></div>
<div><dt>Rules</dt><dd>{{ruleCount}}</dd></div>
<div><dt>Tool</dt><dd>{{tool}}</dd></div>
</dl>
{{#if interrupted}}<p class="notice bad" id="interrupted"><strong>Interrupted run:</strong> the audit was stopped before every source was processed; the figures below cover only what finished.</p>{{/if}}
</header>
<nav class="jump" aria-label="Sections">
<a href="#summary">Summary</a>
<a href="#by-rule">Findings by rule</a>
<a href="#sources-section">Sources</a>
{{#if corpus.length}}<a href="#corpus">Across sources</a>{{/if}}
{{#if publishers.length}}<a href="#publishers">Publishers</a>{{/if}}
{{#if markets.length}}<a href="#markets">Markets</a>{{/if}}
</nav>
<main id="main">
<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<ul class="stats">
{{#each stats}}<li class="{{classes}}"><span class="stat-value">{{value}}</span> <span class="stat-label">{{label}}</span></li>{{/each}}
</ul>
{{#if failures.length}}<h3 id="failures-h">Failures</h3>
<ul class="failures" aria-labelledby="failures-h">{{#each failures}}<li><strong>{{name}}</strong>: <span class="reason">{{reason}}</span> · {{message}}</li>{{/each}}</ul>{{/if}}
<h3 id="by-rule">Findings by rule</h3>
{{#if byRule.length}}<div class="table-wrap"><table class="rule-table">
<thead><tr><th scope="col">Rule</th><th scope="col" class="num">Findings</th><th scope="col">What it checks</th></tr></thead>
<tbody>{{#each byRule}}<tr><td><code>{{ruleId}}</code></td><td class="num">{{count}}</td><td>{{description}}</td></tr>{{/each}}</tbody>
</table></div>{{else}}<p class="empty">No findings in this run.</p>{{/if}}
</section>
<section id="sources-section" aria-labelledby="sources-h">
<h2 id="sources-h">Sources</h2>
<form class="filters" id="filters" role="search" aria-label="Filter sources">
<label for="filter-text">Search<input type="search" id="filter-text" placeholder="name or finding text" autocomplete="off"></label>
<label for="filter-rule">Rule<select id="filter-rule"><option value="">All rules</option>{{#each ruleOptions}}<option value="{{value}}">{{label}}</option>{{/each}}</select></label>
<label for="sort-select" class="mobile-sort">Sort by<select id="sort-select">{{#each sortOptions}}<option value="{{value}}">{{label}}</option>{{/each}}</select></label>
<p class="filter-status" id="filter-status" aria-live="polite"></p>
</form>
<div class="table-wrap"><table class="sources" id="sources">
<caption class="visually-hidden">Audited sources; column headers sort the table</caption>
<thead><tr>{{#each columns}}<th scope="col" data-type="{{type}}"{{#if numeric}} class="num"{{/if}}><button type="button" class="sort">{{label}}</button></th>{{/each}}</tr></thead>
<tbody>
{{#each rows}}<tr class="{{classes}}" data-rules="{{rules}}">
<td class="source" data-label="Source" data-sort="{{name}}">{{#if href}}<a href="{{href}}">{{name}}</a>{{else}}{{name}}{{/if}}</td>
<td data-label="Status" data-sort="{{status}}">{{status}}</td>
<td class="num" data-label="Score" data-sort="{{scoreSort}}">{{score}}</td>
<td data-label="Grade" data-sort="{{grade}}"><span class="{{gradeClass}}">{{grade}}</span></td>
<td class="num" data-label="Errors" data-sort="{{errorsSort}}">{{errors}}</td>
<td class="num" data-label="Warnings" data-sort="{{warningsSort}}">{{warnings}}</td>
<td class="num" data-label="Info" data-sort="{{infoSort}}">{{info}}</td>
<td class="top" data-label="Top finding" data-sort="{{topSort}}">{{#if failure}}<span class="reason">{{failure.reason}}</span>: {{failure.message}}{{else}}{{#if top}}<span class="badge sev-{{top.severity}}">{{top.severity}}</span> {{#if top.href}}<a href="{{top.href}}">{{top.message}}</a>{{else}}{{top.message}}{{/if}}{{else}}<span class="muted">No findings</span>{{/if}}{{/if}}</td>
</tr>
{{/each}}</tbody>
</table></div>
</section>
{{#if corpus.length}}<section id="corpus" aria-labelledby="corpus-h">
<h2 id="corpus-h">Across sources</h2>
<ul class="corpus">{{#each corpus}}<li id="{{id}}" tabindex="-1"><span class="badge sev-{{severity}}">{{severity}}</span> <code>{{ruleId}}</code> {{message}} <span class="muted">({{sources}})</span></li>{{/each}}</ul>
{{#if copies.length}}<h3 id="copies-h">Copies of one page</h3>
<p class="muted">Each group counts as one source wherever sources are compared.</p>
<ul class="copies" aria-labelledby="copies-h">{{#each copies}}<li>{{> sourceLink original}} <span class="muted">(taken as the original: {{why}})</span>, copied as {{#each copies}}{{sep}}{{> sourceLink this}}{{/each}} · <a class="finding-link" href="#{{findingId}}">the finding</a></li>{{/each}}</ul>{{/if}}
</section>{{/if}}
{{#if publishers.length}}<section id="publishers" aria-labelledby="publishers-h">
<h2 id="publishers-h">Publishers</h2>
<p class="muted">Each source's publisher: the site its canonical link names, else the site its tracking links or its own links lead to, else the name its boilerplate gives. Column headers sort the table.</p>
<div class="table-wrap"><table class="publishers sortable" id="publishers-table">
<caption class="visually-hidden">Publishers of the audited sources; column headers sort the table</caption>
<thead><tr><th scope="col" data-type="text"><button type="button" class="sort">Publisher</button></th><th scope="col" data-type="number" class="num"><button type="button" class="sort">Sources</button></th><th scope="col" data-type="number" class="num"><button type="button" class="sort">Median score</button></th><th scope="col" data-type="number" class="num"><button type="button" class="sort">With errors</button></th><th scope="col" data-type="text"><button type="button" class="sort">Findings by family</button></th><th scope="col" data-type="number" class="num"><button type="button" class="sort">Template reuse</button></th></tr></thead>
<tbody>
{{#each publishers}}<tr>
<td class="publisher" data-label="Publisher" data-sort="{{name}}"><strong>{{name}}</strong><ul class="source-list">{{#each sources}}<li>{{> sourceLink this}}</li>{{/each}}{{#if more}}<li class="muted">{{more}}</li>{{/if}}</ul></td>
<td class="num" data-label="Sources" data-sort="{{count}}">{{count}}</td>
<td class="num" data-label="Median score" data-sort="{{scoreSort}}">{{score}}</td>
<td class="num" data-label="With errors" data-sort="{{errorsSort}}">{{errors}}</td>
<td data-label="Findings by family">{{families}}</td>
<td class="num" data-label="Template reuse" data-sort="{{reuseSort}}">{{reuse}}</td>
</tr>
{{/each}}</tbody>
</table></div>
</section>{{/if}}
{{#if markets.length}}<section id="markets" aria-labelledby="markets-h">
<h2 id="markets-h">Markets</h2>
<p class="muted">Markets that two or more independent sources cover, their figures side by side. A figure is flagged only when at least three other independent sources agree; a dot in red links to its finding.</p>
{{#each markets}}<section class="market" id="{{id}}" aria-labelledby="{{id}}-h">
<h3 id="{{id}}-h">{{name}} <span class="muted">· {{summary}}</span></h3>
<div class="table-wrap"><table class="market-table">
<thead><tr><th scope="col">Source</th><th scope="col">Size</th><th scope="col">Growth rate</th><th scope="col">Copies counted with it</th></tr></thead>
<tbody>{{#each rows}}<tr{{#if flagged.length}} class="flagged"{{/if}}><td>{{> sourceLink source}}{{#each flagged}} <a class="badge sev-warning" href="{{href}}">{{label}} out of line</a>{{/each}}</td><td>{{sizes}}</td><td>{{rates}}</td><td>{{copies}}</td></tr>{{/each}}</tbody>
</table></div>
<div class="plots">{{#each plots}}<figure class="dot-plot{{#if consensus}} consensus{{/if}}">
<svg viewBox="0 0 {{width}} {{height}}" width="{{width}}" height="{{height}}" role="img" aria-label="{{label}}">
{{#each lines}}<line x1="{{x1}}" y1="{{y1}}" x2="{{x2}}" y2="{{y2}}" class="{{classes}}"></line>{{/each}}
{{#if median}}<line x1="{{median.x}}" y1="6" x2="{{median.x}}" y2="44" class="median"><title>{{median.title}}</title></line>{{/if}}
{{#each dots}}{{#if href}}<a href="{{href}}"><circle cx="{{cx}}" cy="{{cy}}" r="5" class="{{classes}}"><title>{{title}}</title></circle></a>{{else}}<circle cx="{{cx}}" cy="{{cy}}" r="5" class="{{classes}}"><title>{{title}}</title></circle>{{/if}}{{/each}}
{{#each texts}}<text x="{{x}}" y="{{y}}" text-anchor="{{anchor}}" class="{{classes}}">{{text}}</text>{{/each}}
</svg>
<figcaption>{{caption}}</figcaption>
</figure>{{/each}}</div>
</section>{{/each}}
{{#if moreMarkets}}<p class="muted">{{moreMarkets}}</p>{{/if}}
</section>{{/if}}
</main>
<footer class="page-foot">{{tool}} · {{sourcesLabel}}</footer>
<script>{{script}}</script>
</body>
</html>
`;
