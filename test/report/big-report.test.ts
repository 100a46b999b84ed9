// The report of a big document stays usable and bounded: a long document in sections that open on
// demand, evidence lists and claims tables capped with a count, findings past a rule's limit counted,
// and the page within about ten times its source.
import { denseDocument } from '../../src/bench/dense.js';
import { parseConfig, resolveRules } from '../../src/engine/config.js';
import { loadRules } from '../../src/engine/loader.js';
import { auditBytes } from '../../src/pipeline/audit-source.js';
import { SECTION_BLOCKS } from '../../src/report/html/document-view.js';
import { MAX_CLAIM_ROWS } from '../../src/report/html/claims-view.js';
import { MAX_EVIDENCE_SHOWN } from '../../src/report/html/findings-view.js';
import { renderSourceReport } from '../../src/report/html/index.js';
import type { RuleMeta } from '../../src/schema/result.js';
import { audit, ruleMetas, withFindings } from './fixtures.js';
import { all, attr, cls, id, one, parseHtml, tag, text } from './html-query.js';

const GENERATED = '2025-02-03T04:05:06.000Z';
/** The report's fixed part (style, script, header, empty sections) is well under this. */
const FIXED = 200 * 1024;

let rules: RuleMeta[];
beforeAll(async () => {
  rules = await ruleMetas();
});

/** How often each id occurs in the page, in one pass. */
function idCounts(root: ReturnType<typeof parseHtml>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of all(root, (x) => typeof x.properties.id === 'string')) counts.set(String(e.properties.id), (counts.get(String(e.properties.id)) ?? 0) + 1);
  return counts;
}

const render = (a: Awaited<ReturnType<typeof audit>>) => renderSourceReport({ result: a.result, context: a.context, rules, generatedAt: GENERATED });

describe('a long document', () => {
  let html: string;
  let doc: Awaited<ReturnType<typeof audit>>;
  beforeAll(async () => {
    // About 6,000 country-list entries: far more blocks than one section holds.
    doc = await audit(denseDocument('country-list', 100 * 1024, 3), 'countries.html');
    html = render(doc);
  });

  it('is shown in sections that open on demand, the first one open, every block once', () => {
    const root = parseHtml(html);
    const sections = all(root, cls('doc-section'));
    expect(sections.length).toBeGreaterThan(doc.context.doc.blocks.length / (2 * SECTION_BLOCKS));
    expect(sections.every((s) => s.tagName === 'details')).toBe(true);
    expect(sections.map((s) => attr(s, 'open') !== undefined)).toEqual(sections.map((_, i) => i === 0));
    const summary = text(one(sections[1], tag('summary')));
    expect(summary).toMatch(/lines \d+–\d+/);
    const ids = idCounts(root);
    expect(doc.context.doc.blocks.filter((b) => ids.get(`b-${b.index}`) !== 1)).toEqual([]);
    // A list of thousands is cut into pieces, so sections stay near their size.
    const sizes = sections.map((s) => all(s, cls('blk')).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2 * SECTION_BLOCKS);
  });

  it('keeps every finding’s marks, in closed sections too, and says which sections hold findings', () => {
    const root = parseHtml(html);
    const data = JSON.parse(text(one(root, id('credence-data')))) as { findings: Record<string, { marks: string[] }> };
    const marks = Object.values(data.findings).flatMap((f) => f.marks);
    expect(marks.length).toBeGreaterThan(0);
    const ids = idCounts(root);
    expect(marks.filter((m) => ids.get(m) !== 1)).toEqual([]);
    const closedWithMarks = all(root, cls('doc-section')).filter((s) => attr(s, 'open') === undefined && all(s, tag('mark')).length > 0);
    expect(closedWithMarks.length).toBeGreaterThan(0);
    for (const s of closedWithMarks) expect(text(one(s, tag('summary')))).toMatch(/passages? with findings/);
  });

  it('stays within ten times its source plus a fixed part', () => {
    const source = new TextEncoder().encode(doc.context.text).length;
    expect(Buffer.byteLength(html)).toBeLessThan(10 * source + FIXED);
  });

  it('is not sectioned when short', async () => {
    const short = await audit(denseDocument('country-list', 2 * 1024, 3), 'short.html');
    const root = parseHtml(render(short));
    expect(all(root, cls('doc-section'))).toEqual([]);
    expect(all(root, cls('blk')).length).toBe(short.context.doc.blocks.length);
  });
});

describe('capped lists', () => {
  it('lists the first pieces of a finding’s evidence and counts the rest, unrecorded ones included', async () => {
    const doc = await audit(denseDocument('country-list', 20 * 1024, 5), 'countries.html');
    const blocks = doc.context.doc.blocks.filter((b) => b.kind === 'listItem').slice(0, 40);
    const evidence = blocks.map((b) => doc.context.spans.of(b.index, 0, b.text.length, 'entry'));
    const result = withFindings(doc.result, [{ ruleId: 'geography/duplicate', severity: 'warning', message: 'Forty entries.', evidence }]);
    const i = result.findings.length - 1;
    result.findings[i] = { ...result.findings[i], relatedOmitted: 7 };
    const root = parseHtml(render({ ...doc, result }));
    const card = one(root, id(`f-${i + 1}`));
    expect(all(one(card, cls('evidence')), tag('li'))).toHaveLength(MAX_EVIDENCE_SHOWN);
    expect(text(one(card, cls('evidence-more')))).toBe(
      `…and ${40 - MAX_EVIDENCE_SHOWN + 7} more pieces of evidence, ${40 - MAX_EVIDENCE_SHOWN} of them marked in the document.`,
    );
    // Every piece the result holds is still marked in the document.
    const data = JSON.parse(text(one(root, id('credence-data')))) as { findings: Record<string, { marks: string[] }> };
    expect(data.findings[`f-${i + 1}`].marks).toHaveLength(40);
  });

  it('shows the first rows of a claims table and counts the rest', async () => {
    const doc = await audit(denseDocument('dated-sizes', 120 * 1024, 9), 'sizes.txt');
    const sizes = doc.result.claims!.sizes.length;
    expect(sizes).toBeGreaterThan(MAX_CLAIM_ROWS * 2);
    const root = parseHtml(render(doc));
    const heading = all(root, tag('h3')).find((h) => text(h) === 'Market sizes')!;
    const table = all(one(root, id('claims')), tag('table')).find((t) => all(t, tag('th')).some((th) => text(th) === 'In USD'))!;
    expect(heading).toBeDefined();
    const rows = all(one(table, tag('tbody')), tag('tr')).length;
    expect(rows).toBeGreaterThanOrEqual(MAX_CLAIM_ROWS);
    expect(rows).toBeLessThanOrEqual(2 * MAX_CLAIM_ROWS);
    expect(text(one(root, id('claims')))).toContain(`…and ${sizes - rows} more market sizes, not shown here`);
  });
});

describe('findings past a rule’s limit', () => {
  it('are counted beside the rule and in a notice above the list', async () => {
    const resolved = resolveRules(await loadRules(), parseConfig({ rules: { 'geography/misplaced': { maxFindings: 1 } } }));
    // Two region lists, each with a country of another region: two findings, one listed.
    const input =
      '<p><strong>Europe:</strong></p><ul><li>Germany</li><li>Japan</li></ul><p><strong>Latin America:</strong></p><ul><li>Brazil</li><li>India</li></ul>';
    const out = auditBytes(new TextEncoder().encode(input), { path: 'two.html', name: 'two.html' }, resolved);
    expect(out.result.omitted).toEqual([{ ruleId: 'geography/misplaced', limit: 1, count: 1, counts: { error: 1, warning: 0, info: 0 } }]);
    const root = parseHtml(renderSourceReport({ result: out.result, context: out.context!, rules, generatedAt: GENERATED }));
    const group = one(root, id('rule-geography-misplaced'));
    expect(text(one(group, cls('omitted')))).toBe("and 1 more (1 error) past this rule's limit of 1 findings per source (config maxFindingsPerRule).");
    expect(text(one(root, id('findings')))).toContain(
      '1 more finding past its rule’s limit per source (config maxFindingsPerRule) is counted above but not listed: geography/misplaced 1.',
    );
    // The header's counts include it.
    expect(text(one(root, cls('counts')))).toContain('2 errors');
  });
});
