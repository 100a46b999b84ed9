import { createHash } from 'node:crypto';
import { errorResult } from '../../src/pipeline/audit-source.js';
import { renderIndex } from '../../src/report/html/index.js';
import { topFinding } from '../../src/report/html/index-view.js';
import type { AuditResult, RuleMeta } from '../../src/schema/result.js';
import { auditResultOf, auditSeed, madeUpAudit, ruleMetas, SEED_PREFIXES, TEST_RULES } from './fixtures.js';
import { all, attr, classes, cls, id, one, parseHtml, tag, text } from './html-query.js';

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

  describe('across sources: copies, publishers and markets', () => {
    const HOSTILE = '</td><script>alert(3)</script><img src=x onerror=alert(4)>';
    const withViews = (): AuditResult => {
      const [a, b, c] = run.sources;
      const base = a.findings[0];
      const finding = (ruleId: string, sources: string[], data: Record<string, string | number>, fingerprint: string) => ({
        ...base,
        ruleId,
        family: 'corpus',
        data,
        message: `${ruleId} finding`,
        fingerprint,
        sources,
      });
      return {
        ...run,
        corpusFindings: [
          finding('corpus/copies', [b.source, c.source], { why: 'published first, on 2025-01-02' }, 'copies-1'),
          finding('corpus/consensus', [a.source, b.source], { source: a.name }, 'outlier-1'),
        ],
        publishers: [
          {
            id: 'alpha',
            name: HOSTILE,
            sources: [a.source, b.source],
            medianScore: 72.5,
            findingsByFamily: { numbers: 3, corpus: 1 },
            errorShare: 0.5,
            templateReuse: { findings: 1, sources: 2 },
          },
          {
            id: null,
            name: 'unknown publisher',
            sources: [c.source],
            medianScore: null,
            findingsByFamily: {},
            errorShare: 0,
            templateReuse: { findings: 0, sources: 0 },
          },
        ],
        markets: [
          {
            key: 'sensor soil',
            name: `Soil Sensor ${HOSTILE}`,
            sources: [
              { source: a.source, copies: [], sizes: [{ year: 2024, usd: 4.68e9, text: 'USD 4.68 billion' }], rates: [] },
              {
                source: b.source,
                copies: [c.source],
                sizes: [{ year: 2024, usd: 4.1e8, text: 'USD 410 million' }],
                rates: [{ rate: 12, from: 2024, to: 2030, text: '12%' }],
              },
            ],
            years: [
              {
                year: 2024,
                points: [
                  { source: a.source, copies: 0, usd: 4.68e9, projected: null, finding: 'outlier-1' },
                  { source: b.source, copies: 1, usd: 4.1e8, projected: null, finding: null },
                  { source: c.source, copies: 0, usd: 4.4e8, projected: { from: 2023, rate: 10 }, finding: null },
                ],
                median: 4.4e8,
                consensus: 'too-few-sources',
              },
            ],
            rates: { points: [], median: null, consensus: 'too-few-sources' },
          },
        ],
      };
    };

    it('lists each group of copies with its original, linking the copies and the finding', () => {
      const root = parseHtml(renderIndex({ audit: withViews() }));
      const item = one(one(root, cls('copies')), tag('li'));
      const [, b, c] = run.sources;
      expect(text(item)).toContain(`${b.name} (taken as the original: published first, on 2025-01-02), copied as ${c.name}`);
      expect(all(item, tag('a')).map((x) => attr(x, 'href'))).toEqual([`./${encodeURIComponent(b.report!)}`, `./${encodeURIComponent(c.report!)}`, '#c-1']);
      expect(attr(all(one(root, id('corpus')), tag('li'))[0], 'id')).toBe('c-1');
    });

    it('shows a sortable publishers table: sources, median score, share with errors, findings by family, template reuse', () => {
      const root = parseHtml(renderIndex({ audit: withViews() }));
      const table = one(root, id('publishers-table'));
      expect(classes(table)).toContain('sortable');
      expect(all(table, (e) => e.tagName === 'button' && cls('sort')(e))).toHaveLength(6);
      const [first, second] = all(one(table, tag('tbody')), tag('tr')).map((tr) => all(tr, tag('td')).map(text));
      expect(first[0]).toContain(HOSTILE);
      expect(first.slice(1)).toEqual(['2', '72.5', '50%', 'numbers 3 · corpus 1', '1 finding, 2 pages']);
      expect(second.slice(0, 4)).toEqual([`unknown publisher${run.sources[2].name}`, '1', '—', '0%']);
    });

    it('draws each market: its table, a dot per source and year, the median, and the outlier linked to its finding', () => {
      const html = renderIndex({ audit: withViews() });
      expect(html).not.toContain('<script>alert(3)');
      expect(html).not.toContain('<img src=x');
      const root = parseHtml(html);
      const market = one(root, cls('market'));
      expect(text(one(market, tag('h3')))).toContain(`Soil Sensor ${HOSTILE}`);
      const rows = all(one(market, tag('tbody')), tag('tr'));
      expect(rows.map((tr) => text(all(tr, tag('td'))[1]))).toEqual(['2024: USD 4.68 billion', '2024: USD 410 million']);
      expect(classes(rows[0])).toContain('flagged');
      expect(text(all(rows[1], tag('td'))[3])).toBe(run.sources[2].name);
      const svg = one(market, tag('svg'));
      const dots = all(svg, tag('circle'));
      expect(dots).toHaveLength(3);
      // Sorted left to right by value on a log scale; the outlier last, red, inside a link to its finding.
      const xs = dots.map((d) => Number(attr(d, 'cx')));
      expect([...xs].sort((p, q) => p - q)).toEqual(xs);
      expect(dots.map((d) => classes(d).join(' '))).toEqual(['dot', 'dot projected', 'dot outlier']);
      expect(attr(one(svg, tag('a')), 'href')).toBe('#c-2');
      expect(text(dots[1])).toContain('carried from 2023 at its own 10% CAGR');
      expect(all(svg, cls('median'))).toHaveLength(1);
      expect(text(one(market, tag('figcaption')))).toContain('no consensus: too few independent sources');
      // Only our own elements in the drawing.
      expect(new Set(all(svg, () => true).map((e) => e.tagName))).toEqual(new Set(['svg', 'line', 'title', 'a', 'circle', 'text']));
    });

    it('leaves the sections out when the run has no such data (a shard, or an older audit.json)', () => {
      const root = parseHtml(renderIndex({ audit: run }));
      for (const section of ['publishers', 'markets']) expect(all(root, id(section))).toEqual([]);
      expect(all(root, cls('copies'))).toEqual([]);
    });
  });
});
