import type { Element } from 'hast';
import { compile, jsonForScript } from '../../src/report/html/engine.js';
import { relativeHref } from '../../src/report/html/href.js';
import { renderIndex, renderSourceReport } from '../../src/report/html/index.js';
import { INDEX_TEMPLATE, PARTIALS, REPORT_TEMPLATE } from '../../src/report/html/templates.js';
import { audit, auditResultOf, TEST_RULES } from './fixtures.js';
import { all, attr, id, one, parseHtml, tag, text } from './html-query.js';
import { HOSTILE_NAME, HOSTILE_TEXT, hostileAudit, PAYLOADS } from './hostile.js';

describe('templates', () => {
  it('never write a value unescaped: no triple-stash anywhere', () => {
    for (const source of [REPORT_TEMPLATE, INDEX_TEMPLATE, ...Object.values(PARTIALS)]) expect(source).not.toContain('{{{');
  });

  it('are compiled strictly: a missing field is an error, not an empty string', () => {
    expect(() => compile<Record<string, unknown>>('<p>{{missing}}</p>')({})).toThrow(/missing/);
    expect(compile<{ a: string }>('<p>{{a}}</p>')({ a: '<b>' })).toBe('<p>&lt;b&gt;</p>');
  });

  it('read no @data variables, which are compiled out', () => {
    for (const source of [REPORT_TEMPLATE, INDEX_TEMPLATE, ...Object.values(PARTIALS)]) expect(source).not.toMatch(/\{\{[#^/]?\s*[\w\s]*@/);
    expect(compile<{ a: string[] }>('{{#each a}}[{{this}}]{{/each}}')({ a: ['x', '<'] })).toBe('[x][&lt;]');
  });

  it('know no helpers beyond the built-in block helpers', () => {
    for (const source of ['{{lookup this "a"}}', '{{log "x"}}', '{{custom "x"}}', '{{#custom "x"}}y{{/custom}}']) {
      expect(() => compile<Record<string, unknown>>(source)({ a: 1, custom: 'y' })).toThrow(/knownHelpersOnly/);
    }
  });

  it('do not reach prototype properties through data', () => {
    expect(() => compile<Record<string, unknown>>('{{constructor.name}}')({})).toThrow();
  });
});

describe('JSON for a <script> element', () => {
  it('cannot close the element or open a comment, and still parses to the same value', () => {
    const value = { s: '</script><!-- <script>alert(1)</script> & \u2028\u2029' };
    const out = jsonForScript(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe('relative links', () => {
  it.each([
    ['report.html', './report.html'],
    ['a b#c?d.html', './a%20b%23c%3Fd.html'],
    ['javascript:alert(1)', './javascript%3Aalert(1)'],
    ['sub/dir/r.html', './sub/dir/r.html'],
    ['../index.html', '../index.html'],
    ['//evil.example/x', './evil.example/x'],
    ['https://evil.example/x', './https%3A/evil.example/x'],
  ])('%s → %s', (input, want) => {
    expect(relativeHref(input)).toBe(want);
  });
});

describe('a hostile source', () => {
  const noHandlers = (root: ReturnType<typeof parseHtml>) => all(root, (e) => Object.keys(e.properties).some((k) => /^on/i.test(k)));

  it('shows every payload as text in the document, the findings and the claims', async () => {
    const a = await hostileAudit();
    const html = renderSourceReport({ result: a.result, context: a.context, rules: TEST_RULES, generatedAt: 'now' });
    const root = parseHtml(html);
    // Exactly our two scripts; no element from the payloads exists.
    expect(all(root, tag('script'))).toHaveLength(2);
    expect(all(root, (e) => ['img', 'iframe', 'textarea', 'object', 'embed'].includes(e.tagName))).toEqual([]);
    expect(all(root, tag('svg')).every((s) => all(s, (e) => e.properties.onLoad !== undefined).length === 0)).toBe(true);
    expect(noHandlers(root)).toEqual([]);
    for (const e of all(root, (x) => x.properties.href !== undefined)) expect(attr(e, 'href')).not.toMatch(/javascript:/i);
    const docText = text(one(root, id('document')));
    for (const p of PAYLOADS) expect(docText).toContain(p);
    const findingsText = text(one(root, id('findings')));
    PAYLOADS.forEach((p, i) => expect(findingsText).toContain(i % 2 === 0 ? p : `Payload ${i + 1}:`));
    // Message placeholders were filled by the engine once; the template did not interpret the text.
    expect(findingsText).toContain('Growth given as <b>7.5%</b> and 9.1%: {{constructor}} <script>window.__pwned="message"</script>');
    expect(text(one(root, tag('title')))).toContain(a.result.metadata?.title ?? HOSTILE_NAME);
  });

  it('keeps the payloads out of the markup: escaped in HTML, \\u003c-escaped in the JSON island', async () => {
    const a = await hostileAudit();
    const html = renderSourceReport({ result: a.result, context: a.context, rules: TEST_RULES, generatedAt: 'now' });
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<svg onload');
    expect(html).not.toContain('</textarea>');
    const island = html.slice(html.indexOf('id="credence-data">'), html.indexOf('</script>', html.indexOf('id="credence-data">')));
    expect(island).toContain('\\u003cscript\\u003ewindow.__pwned');
    expect(island).not.toContain('<script');
  });

  it("shows a plain-text source's payloads as text too", async () => {
    const a = await audit(HOSTILE_TEXT, 'hostile.txt');
    expect(a.result.format).toBe('text');
    const root = parseHtml(renderSourceReport({ result: a.result, context: a.context, rules: TEST_RULES, generatedAt: 'now' }));
    expect(all(root, tag('script'))).toHaveLength(2);
    expect(all(root, tag('img'))).toEqual([]);
    const docText = text(one(root, id('document')));
    for (const p of [PAYLOADS[0], PAYLOADS[4], PAYLOADS[5], PAYLOADS[6]]) expect(docText).toContain(p);
  });

  it('keeps its name inert in the index', async () => {
    const a = await hostileAudit();
    const html = renderIndex({ audit: auditResultOf([a.result], TEST_RULES) });
    const root = parseHtml(html);
    expect(noHandlers(root)).toEqual([]);
    expect(all(root, tag('img'))).toEqual([]);
    const link = all(root, (e: Element) => e.tagName === 'a' && text(e) === HOSTILE_NAME);
    expect(link).toHaveLength(1);
  });
});
