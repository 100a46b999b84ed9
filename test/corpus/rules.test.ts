import { loadRules } from '../../src/engine/loader.js';
import type { CorpusRule } from '../../src/engine/rule.js';
import { splitDocuments } from '../../src/corpus/examples.js';
import { membersOf } from '../../src/corpus/members.js';
import { clusterSignatures, signature, similarity } from '../../src/corpus/minhash.js';
import { regionPage, REUSED_REGIONS } from '../../src/corpus/region-page.js';
import { TemplateFingerprintSchema } from '../../src/corpus/template.js';
import { corpusRules, findingsOf } from './helpers.js';

const corpus = (await loadRules()).filter((r): r is CorpusRule => r.scope === 'corpus');

describe('documented examples of the cross-source rules', () => {
  const flagged = corpus.flatMap((r) => r.examples.flagged.map((ex) => [r.id, ex.name, ex] as const));
  const clean = corpus.flatMap((r) => r.examples.clean.map((ex) => [r.id, ex.name, ex] as const));

  it.each(flagged)('%s flags: %s', async (id, _name, ex) => {
    const rules = await corpusRules(ex.options ? { [id]: ex.options } : {});
    const findings = findingsOf(rules, splitDocuments(ex.input), id);
    expect(findings.map((f) => f.messageId)).toEqual(ex.expect!.map((e) => e.messageId));
    findings.forEach((f, i) => {
      for (const q of ex.expect![i].quotes ?? []) expect([f.primary, ...f.related].some((e) => e?.quote.includes(q))).toBe(true);
      expect(f.sources.length).toBeGreaterThan(1);
      expect(f.related.length).toBe(f.sources.length - 1);
    });
  });

  it.each(clean)('%s leaves alone: %s', async (id, _name, ex) => {
    const rules = await corpusRules();
    expect(findingsOf(rules, splitDocuments(ex.input), id).map((f) => f.message)).toEqual([]);
  });
});

const PARAGRAPH =
  'Vendors in this space compete on reliability, after-sales service and the breadth of their distribution networks, while new entrants focus on low-cost designs for price-sensitive buyers; partnerships with system integrators and regional distributors remain the main route to new customers, and most suppliers expect consolidation as smaller firms struggle to fund research and certification.';

const page = (market: string, site: string, extra: string, regions = '<p>Regions: Americas and EMEA.</p>') =>
  regionPage({ market, site, regions, intro: `${market} is covered in this study.`, regionalText: extra });

describe('corpus/template-reuse near-misses', () => {
  it('flags a near-identical paragraph (two words changed) in reports on different markets', async () => {
    const changed = PARAGRAPH.replace('reliability', 'durability').replace('most suppliers', 'many suppliers');
    const findings = findingsOf(
      await corpusRules(),
      [
        { name: 'a.html', text: page('Valve', 'one.example', PARAGRAPH) },
        { name: 'b.html', text: page('Boiler', 'two.example', changed) },
      ],
      'corpus/template-reuse',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].data.largest).toMatch(/near-identical \d+-word paragraph/);
  });

  it('does not link reports whose paragraphs only share a few words', async () => {
    const other =
      'Demand for boilers follows construction activity and replacement cycles; distributors report longer lead times for condensing units, and buyers increasingly ask for remote monitoring, lower emissions and service contracts bundled with the equipment they purchase.';
    expect(
      findingsOf(
        await corpusRules(),
        [
          { name: 'a.html', text: page('Valve', 'one.example', PARAGRAPH) },
          { name: 'b.html', text: page('Boiler', 'two.example', other) },
        ],
        'corpus/template-reuse',
      ),
    ).toEqual([]);
  });

  it('reads a template line the same whatever market is filled in', async () => {
    const lines = (m: string) =>
      [
        `The ${m} Market Analysis by product type is segmented into the following categories and sub-categories for this edition:`,
        `The ${m} Market Industry Research by application is segmented into the following end uses across all covered countries:`,
        `In terms of region, the ${m} Market players available by region are listed below with their home countries and sites:`,
      ]
        .map((l) => `<p>${l}</p>`)
        .join('\n');
    const findings = findingsOf(
      await corpusRules(),
      [
        { name: 'a.html', text: page('Valve', 'one.example', 'x', lines('Valve')) },
        { name: 'b.html', text: page('Boiler', 'one.example', 'y', lines('Boiler')) },
      ],
      'corpus/template-reuse',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].data.passages).toBeGreaterThanOrEqual(3);
  });

  it('does not link on a short shared list', async () => {
    const short = '<p>Regions:</p><ul><li>North America</li><li>Europe</li><li>Asia-Pacific</li><li>Latin America</li><li>Middle East and Africa</li></ul>';
    expect(
      findingsOf(
        await corpusRules(),
        [
          { name: 'a.html', text: page('Valve', 'one.example', 'x', short) },
          { name: 'b.html', text: page('Boiler', 'two.example', 'y', short) },
        ],
        'corpus/template-reuse',
      ),
    ).toEqual([]);
  });

  it('links the same long list on two sites', async () => {
    const findings = findingsOf(
      await corpusRules(),
      [
        { name: 'a.html', text: page('Valve', 'one.example', 'x', REUSED_REGIONS) },
        { name: 'b.html', text: page('Valve', 'two.example', 'y', REUSED_REGIONS) },
      ],
      'corpus/template-reuse',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('2 publishers (one.example and two.example)');
  });
});

describe('corpus/recycled-figures near-misses', () => {
  const shares = (a: string) => `Europe holds ${a} of the market.`;
  it('ignores bounds ("over 40%") and figures given for one market only', async () => {
    const findings = findingsOf(
      await corpusRules(),
      [
        { name: 'a.html', text: page('Valve', 'one.example', 'Europe holds over 41% of the market, North America over 27% and Asia-Pacific over 22%.') },
        { name: 'b.html', text: page('Boiler', 'two.example', 'Europe holds over 41% of the market, North America over 27% and Asia-Pacific over 22%.') },
        { name: 'c.html', text: page('Pump', 'two.example', shares('41%')) },
      ],
      'corpus/recycled-figures',
    );
    expect(findings).toEqual([]);
  });

  it('links the same three values under other segment names', async () => {
    const findings = findingsOf(
      await corpusRules(),
      [
        { name: 'a.html', text: page('Valve', 'one.example', 'Europe holds 41% of the market, North America 27% and Asia-Pacific 22%.') },
        { name: 'b.html', text: page('Boiler', 'two.example', 'Asia-Pacific holds 41% of the market, Europe 27% and Latin America 22%.') },
      ],
      'corpus/recycled-figures',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].data.figures).toBe('Europe 41%, North America 27%, Asia-Pacific 22%');
  });

  it('needs two named figures or three values: one shared figure is chance', async () => {
    expect(
      findingsOf(
        await corpusRules(),
        [
          { name: 'a.html', text: page('Valve', 'one.example', 'Europe holds 41% of the market, North America 27% and Asia-Pacific 22%.') },
          { name: 'b.html', text: page('Boiler', 'two.example', 'Europe holds 41% of the market, North America 31% and Asia-Pacific 18%.') },
        ],
        'corpus/recycled-figures',
      ),
    ).toEqual([]);
  });
});

describe('building blocks', () => {
  it('MinHash estimates similarity: identical 1, unrelated near 0, a small edit high', () => {
    const w = PARAGRAPH.toLowerCase().split(/\W+/).filter(Boolean);
    const edited = [...w];
    edited[10] = 'durability';
    const other = 'demand follows construction activity and replacement cycles with longer lead times for condensing units'.split(' ');
    expect(similarity(signature(w), signature(w))).toBe(1);
    expect(similarity(signature(w), signature(edited))).toBeGreaterThan(0.7);
    expect(similarity(signature(w), signature(other))).toBeLessThan(0.2);
    expect(clusterSignatures([signature(w), signature(other), signature(edited)], 0.7)).toEqual([0, 1, 0]);
  });

  it('leaves out a source whose fingerprint does not fit (another version, a hand-edited shard)', () => {
    const good = { publisher: null, market: 'valve', passages: [], paragraphs: [] };
    const members = membersOf(
      [
        { source: '/b', name: 'b', fingerprint: good },
        { source: '/a', name: 'a', fingerprint: { passages: 'nonsense' } },
        { source: '/c', name: 'c', fingerprint: null },
      ],
      TemplateFingerprintSchema,
      (fp) => fp,
    );
    expect(members.map((m) => m.name)).toEqual(['b']);
  });

  it('bounds a fingerprint whatever the document (10,000 list items)', async () => {
    const rules = await corpusRules();
    const { fingerprintAll, fingerprintSize } = await import('./helpers.js');
    const big = `<html><body><h1>Valve Market</h1><ul>${Array.from({ length: 10_000 }, (_, i) => `<li>Valve model ${i} is sold through distributors in region ${i % 40}</li>`).join('')}</ul></body></html>`;
    const [r] = fingerprintAll(rules, [{ name: 'big.html', text: big }]);
    expect(fingerprintSize(rules, r)).toBeLessThan(24_000);
  });
});
