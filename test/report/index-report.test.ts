import { createHash } from 'node:crypto';
import { errorResult } from '../../src/pipeline/audit-source.js';
import { renderIndex } from '../../src/report/html/index.js';
import { topFinding } from '../../src/report/html/index-view.js';
import type { AuditResult, RuleMeta } from '../../src/schema/result.js';
import { auditResultOf, auditSeed, madeUpAudit, ruleMetas, SEED_PREFIXES, TEST_RULES } from './fixtures.js';
import { all, attr, cls, id, one, parseHtml, tag, text } from './html-query.js';

let rules: RuleMeta[];
let run: AuditResult;
beforeAll(async () => {
  rules = [...(await ruleMetas()), ...TEST_RULES];
  const made = await madeUpAudit();
  const seeds = await Promise.all(SEED_PREFIXES.map((p) => auditSeed(p)));
  const failed = errorResult({ path: 'in/empty.txt', name: 'empty.txt' }, { reason: 'empty', message: 'the file holds only white space' }, 3);
  run = auditResultOf([made.result, ...seeds.map((s) => s.result)], rules, { failed: [failed] });
});

const rows = (root: ReturnType<typeof parseHtml>) => all(one(root, id('sources')), (e) => e.tagName === 'tr' && e.properties.dataRules !== undefined);

describe('index page', () => {
  it('is built from a valid AuditResult', () => {
    expect(run.sources.length).toBe(SEED_PREFIXES.length + 2);
    expect(run.summary.failed).toBe(1);
  });

  it('lists every source with score, grade, counts and top finding, linking to its report', () => {
    const root = parseHtml(renderIndex({ audit: run }));
    const trs = rows(root);
    expect(trs).toHaveLength(run.sources.length);
    run.sources.forEach((s, i) => {
      const cells = all(trs[i], tag('td'));
      expect(text(cells[0])).toBe(s.name);
      if (s.status === 'ok') {
        const link = one(cells[0], tag('a'));
        expect(attr(link, 'href')).toBe(`./${encodeURIComponent(s.report!)}`);
        expect(text(cells[2])).toBe(String(s.score!.value));
        expect(text(cells[3])).toBe(s.score!.grade);
        expect([text(cells[4]), text(cells[5]), text(cells[6])]).toEqual([s.counts.error, s.counts.warning, s.counts.info].map(String));
        const top = topFinding(s.findings);
        if (top) {
          expect(text(cells[7])).toContain(top.finding.severity);
          expect(attr(one(cells[7], tag('a')), 'href')).toBe(`./${encodeURIComponent(s.report!)}#f-${top.index + 1}`);
        } else {
          expect(text(cells[7])).toBe('No findings');
        }
      }
    });
  });

  it('shows a failed source with its reason and no report link', () => {
    const root = parseHtml(renderIndex({ audit: run }));
    const failed = rows(root).find((tr) => text(all(tr, tag('td'))[0]) === 'empty.txt')!;
    expect(all(failed, tag('a'))).toEqual([]);
    expect(text(failed)).toContain('empty: the file holds only white space');
    expect(text(one(root, id('summary')))).toContain('empty.txt: empty · the file holds only white space');
  });

  it('picks as top finding the gravest open one, first in the document', () => {
    const base = run.sources[0].findings;
    const info = { ...base[0], severity: 'info' as const };
    const warning = { ...base[0], severity: 'warning' as const };
    const acceptedError = { ...base[0], severity: 'error' as const, accepted: true };
    expect(topFinding([info, acceptedError, warning, { ...warning, message: 'later' }])).toEqual({ finding: warning, index: 2 });
    expect(topFinding([acceptedError])).toBeNull();
  });

  it('summarises the run: sources, failures, counts and findings by rule', () => {
    const root = parseHtml(renderIndex({ audit: run }));
    const summary = one(root, id('summary'));
    const stats = all(summary, cls('stats'))
      .flatMap((ul) => all(ul, tag('li')))
      .map(text);
    expect(stats).toContain(`${run.summary.sources} sources`);
    expect(stats).toContain(`${run.summary.failed} failed`);
    expect(stats).toContain(`${run.summary.counts.error} errors`);
    const byRule = all(one(summary, cls('rule-table')), tag('tr'))
      .slice(1)
      .map((tr) => all(tr, tag('td')).map(text));
    for (const [ruleId, n] of Object.entries(run.summary.byRule)) expect(byRule).toContainEqual(expect.arrayContaining([ruleId, String(n)]));
    // Most frequent rule first.
    const counts = byRule.map((r) => Number(r[1]));
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('flags an interrupted run, and only then', () => {
    expect(all(parseHtml(renderIndex({ audit: run })), id('interrupted'))).toEqual([]);
    const stopped = parseHtml(renderIndex({ audit: { ...run, interrupted: true } }));
    expect(text(one(stopped, id('interrupted')))).toContain('Interrupted run');
  });

  it('offers a rule filter with every rule, sort buttons on every column and a CSP', () => {
    const html = renderIndex({ audit: run });
    const root = parseHtml(html);
    const options = all(one(root, id('filter-rule')), tag('option')).map((o) => attr(o, 'value'));
    for (const ruleId of Object.keys(run.summary.byRule)) expect(options).toContain(ruleId);
    const heads = all(one(root, id('sources')), tag('th'));
    expect(heads).toHaveLength(8);
    for (const th of heads) expect(all(th, (e) => e.tagName === 'button' && cls('sort')(e))).toHaveLength(1);
    const policy = attr(
      all(root, tag('meta')).find((m) => attr(m, 'httpEquiv') === 'Content-Security-Policy')!,
      'content',
    )!;
    const sha = (s: string) => createHash('sha256').update(s).digest('base64');
    expect(policy).toContain(`script-src 'sha256-${sha(text(one(root, tag('script'))))}'`);
    expect(policy).toContain(`style-src 'sha256-${sha(text(one(root, tag('style'))))}'`);
  });

  it('lists findings that link several sources, by source name', () => {
    const [a, b] = run.sources;
    const base = a.findings[0];
    const corpus = {
      ...base,
      ruleId: 'corpus/copied-text',
      family: 'corpus',
      message: 'The same paragraph appears in two sources',
      sources: [a.source, b.source],
    };
    const root = parseHtml(renderIndex({ audit: { ...run, corpusFindings: [corpus] } }));
    const item = text(one(root, id('corpus')));
    expect(item).toContain('The same paragraph appears in two sources');
    expect(item).toContain(`${a.name}, ${b.name}`);
    expect(all(parseHtml(renderIndex({ audit: run })), id('corpus'))).toEqual([]);
  });

  it('escapes names and messages and keeps report links relative', () => {
    const hostile = {
      ...run.sources[0],
      name: '<img src=x onerror=alert(1)>.txt',
      report: 'javascript:alert(1)//.html',
      findings: run.sources[0].findings.map((f) => ({ ...f, message: `</td><script>alert(2)</script> ${f.message}` })),
    };
    const html = renderIndex({ audit: { ...run, sources: [hostile] } });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(2)');
    const root = parseHtml(html);
    const cells = all(rows(root)[0], tag('td'));
    expect(text(cells[0])).toBe(hostile.name);
    expect(attr(one(cells[0], tag('a')), 'href')).toBe('./javascript%3Aalert(1)/.html');
    expect(text(cells[7])).toContain('<script>alert(2)</script>');
  });
});
