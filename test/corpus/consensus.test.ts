import { analyseMarkets, type MarketMember } from '../../src/corpus/consensus.js';
import { CONSENSUS_RULE, COPIES_RULE, TEMPLATE_RULE } from '../../src/corpus/ids.js';
import { marketKey } from '../../src/corpus/market-key.js';
import { regionPage, REUSED_REGIONS } from '../../src/corpus/region-page.js';
import { corpusRules, findingsOf } from './helpers.js';
import { page, sizeSentence } from './market-pages.js';

const DEFAULTS = { sizeFactor: 3, agreementFactor: 2, ratePoints: 10, rateAgreement: 5, minOthers: 3, projectYears: 2 };

type Doc = { name: string; text: string };

/** One page per size, each by its own publisher, on the market named by `heading(n)`. */
function sized(sizes: string[], heading: (n: number) => string = () => 'Soil Sensor Market Report', year = 2024): Doc[] {
  return sizes.map((size, n) => ({ name: `r${n}.html`, text: page(n, { heading: heading(n), figures: [sizeSentence(n, 'soil sensor', size, year)] }) }));
}

async function consensus(docs: Doc[], options: Record<string, unknown> = {}) {
  return findingsOf(await corpusRules({ [CONSENSUS_RULE]: options }), docs, CONSENSUS_RULE);
}

describe('market names: which reports are on the same market', () => {
  const same: Array<[string | null, string | null, string | null, string | null]> = [
    // [market as read from the report, its title] × 2
    ['cell therapy', 'Global Cell Therapy Market', 'cell therapy', 'Cell Therapy Market Size'],
    ['cell therapies', null, 'cell therapy', null],
    ['therapy cell', null, 'cell therapy', null],
    ['the global cell therapy', null, 'cell therapy', null],
    ['cell therapeutics', null, 'cell therapy', null],
    ['artificial intelligence', null, 'ai', null],
    ['internet of things', null, 'iot', null],
    ['electric vehicle batteries', null, 'EV battery', null],
    ['u.s. food service', null, 'US food service', null],
    ['united states food service', null, 'us food services', null],
    ['e-commerce packaging', null, 'ecommerce packaging', null],
    ['', 'Global Market for Soil Sensors 2024-2030', 'soil sensor', null],
    ['soil sensors industry', null, 'soil sensor', null],
  ];
  it.each(same)('"%s" (%s) meets "%s" (%s)', (m1, t1, m2, t2) => {
    expect(marketKey(m1, t1)).not.toBeNull();
    expect(marketKey(m1, t1)).toBe(marketKey(m2, t2));
  });

  const apart: Array<[string, string]> = [
    ['cell therapy', 'gene therapy'],
    ['cell therapy', 'cell and gene therapy'],
    ['cell therapy', 'car-t cell therapy'],
    ['cell therapy', 'north america cell therapy'],
    ['food service', 'us food service'],
    ['soil sensor', 'soil moisture sensor'],
    ['plastic packaging', 'packaging'],
  ];
  it.each(apart)('"%s" and "%s" stay apart', (a, b) => {
    expect(marketKey(a)).not.toBe(marketKey(b));
  });

  it('names no market for a name of noise words only', () => {
    expect(marketKey('global', null)).toBeNull();
    expect(marketKey(null, 'Industry Report 2024')).toBeNull();
  });
});

describe('corpus/consensus', () => {
  it('flags a size a unit slip away from four sources that agree, naming it, its figure, the others and the median', async () => {
    const docs = sized(['USD 412 million', 'USD 530 million', 'USD 4.68 billion', 'USD 455 million', 'USD 498 million'], (n) =>
      n === 1 ? 'Global Soil Sensors Market' : n === 3 ? 'Soil Sensor Market Size, Share and Trends' : 'Soil Sensor Market Report',
    );
    const [f, ...more] = await consensus(docs);
    expect(more).toEqual([]);
    expect(f.messageId).toBe('size-outlier');
    expect(f.data).toMatchObject({ source: 'r2.html', figure: 'USD 4.68 billion', year: 2024, direction: 'above', count: 4, median: 'USD 477 million' });
    expect(f.message).toContain('USD 412 million in r0.html');
    expect(f.message).toContain('USD 498 million in r4.html');
    expect(f.primary!.quote).toBe('USD 4.68 billion');
    expect(f.primary!.source).toBe('/abs/r2.html');
    expect(f.sources[0]).toBe('/abs/r2.html');
    expect(f.related.map((e) => e.source)).toEqual(['/abs/r0.html', '/abs/r1.html', '/abs/r3.html', '/abs/r4.html']);
    expect(f.computed).toMatchObject({ stated: 4.68e9, computed: 476.5e6, low: 412e6, high: 530e6 });
  });

  it('flags a figure far below the others too', async () => {
    const [f] = await consensus(sized(['USD 412 million', 'USD 530 million', 'USD 46.8 million', 'USD 455 million', 'USD 498 million']));
    expect(f.data).toMatchObject({ source: 'r2.html', direction: 'below' });
  });

  it('leaves an honest spread of two times alone', async () => {
    expect(await consensus(sized(['USD 410 million', 'USD 530 million', 'USD 620 million', 'USD 780 million', 'USD 840 million']))).toEqual([]);
  });

  it('leaves alone the spread serious publishers give one market (more than 2× between the extremes)', async () => {
    // Five estimates of one market for one year, as far apart as published cell-therapy sizes are.
    expect(await consensus(sized(['USD 4.6 billion', 'USD 5.9 billion', 'USD 9.5 billion', 'USD 14.2 billion', 'USD 18.5 billion']))).toEqual([]);
  });

  it('finds no consensus among two sources, however far apart, and says so', async () => {
    expect(await consensus(sized(['USD 410 million', 'USD 41 billion']))).toEqual([]);
    const members: MarketMember[] = [410e6, 41e9].map((usd, n) => ({
      name: `r${n}`,
      market: 'sensor soil',
      label: 'Soil Sensor',
      sizes: [{ year: 2024, usd, text: '' }],
      rates: [],
      copy: null,
    }));
    const [market] = analyseMarkets(members, DEFAULTS);
    expect(market.years).toEqual([expect.objectContaining({ year: 2024, status: 'too-few-sources' })]);
    expect(market.outliers).toEqual([]);
  });

  it('finds no consensus in a wide spread: nothing is judged against others that disagree', async () => {
    // 50 is 17× the median of the rest, but those (1, 3, 9, 27) do not agree among themselves.
    expect(await consensus(sized(['USD 1 million', 'USD 3 million', 'USD 9 million', 'USD 27 million', 'USD 50 million']))).toEqual([]);
  });

  it('needs the others of the same market: a far-off figure on another market is not compared', async () => {
    const docs = sized(['USD 412 million', 'USD 530 million', 'USD 4.68 billion', 'USD 455 million', 'USD 498 million'], (n) =>
      n === 2 ? 'Soil Moisture Sensor Market Report' : 'Soil Sensor Market Report',
    );
    expect(await consensus(docs)).toEqual([]);
  });

  it("reads only the market's own sizes, never a segment's or a region's", async () => {
    const docs = sized(['USD 412 million', 'USD 530 million', 'USD 470 million', 'USD 455 million', 'USD 498 million']);
    docs[2].text = docs[2].text.replace(
      '</h1>',
      '</h1><p>The wireless segment was valued at USD 9 billion in 2024.</p><p>The North America soil sensor market was valued at USD 8 billion in 2024.</p>',
    );
    expect(await consensus(docs)).toEqual([]);
  });

  it('carries a size to a nearby year by the source’s own growth rate, and says so', async () => {
    // Three sources state 2024; the fourth states 2023 and its own CAGR: carried to 2024, it makes the third of the others.
    const docs = sized(['USD 412 million', 'USD 4.9 billion', 'USD 455 million']);
    docs.push({
      name: 'r9.html',
      text: page(5, {
        heading: 'Soil Sensor Market Report',
        figures: [sizeSentence(5, 'soil sensor', 'USD 400 million', 2023, { rate: '10%', from: 2023, to: 2030 })],
      }),
    });
    const [f] = await consensus(docs);
    expect(f.data).toMatchObject({ source: 'r1.html', count: 3 });
    expect(f.message).toContain('USD 440 million in r9.html, carried from 2023 at its own 10% CAGR');
    // The projected source's own figure (2023) is cited as stated.
    expect(f.related.map((e) => e.quote)).toContain('USD 400 million');
  });

  it('does not carry a size without a rate of the source’s own', async () => {
    const docs = sized(['USD 412 million', 'USD 4.9 billion', 'USD 455 million']);
    docs.push({ name: 'r9.html', text: page(5, { heading: 'Soil Sensor Market Report', figures: [sizeSentence(5, 'soil sensor', 'USD 400 million', 2023)] }) });
    expect(await consensus(docs)).toEqual([]);
  });

  const rated = (rates: string[], from = 2024, to = 2030) =>
    rates.map((rate, n) => ({
      name: `g${n}.html`,
      text: page(n, {
        heading: 'Soil Sensor Market Report',
        figures: [sizeSentence(n, 'soil sensor', `USD ${400 + n * 20} million`, 2024, { rate, from: from + (n % 2), to })],
      }),
    }));

  it('flags a growth rate far from the rates of overlapping periods', async () => {
    const [f, ...more] = await consensus(rated(['12.5%', '14%', '11.8%', '38%', '13.1%']));
    expect(more).toEqual([]);
    expect(f.messageId).toBe('rate-outlier');
    expect(f.data).toMatchObject({ source: 'g3.html', figure: '38%', period: '2025–2030', direction: 'above', count: 4 });
    expect(f.message).toContain('12.5% for 2024–2030 in g0.html');
  });

  it('leaves ordinary disagreement on growth alone, and rates of periods that do not overlap', async () => {
    expect(await consensus(rated(['14%', '16%', '20%', '22%', '25%']))).toEqual([]);
    const docs = rated(['12.5%', '14%', '11.8%', '38%', '13.1%']);
    docs[3] = {
      name: 'g3.html',
      text: page(3, {
        heading: 'Soil Sensor Market Report',
        figures: [sizeSentence(3, 'soil sensor', 'USD 460 million', 2024, { rate: '38%', from: 2015, to: 2019 })],
      }),
    };
    expect(await consensus(docs)).toEqual([]);
  });

  it('takes its thresholds from options', async () => {
    const docs = sized(['USD 410 million', 'USD 430 million', 'USD 1.1 billion', 'USD 455 million', 'USD 400 million']);
    expect(await consensus(docs)).toEqual([]);
    expect((await consensus(docs, { sizeFactor: 2 })).map((f) => f.data.source)).toEqual(['r2.html']);
  });
});

describe('copies of one page', () => {
  // Written as publisher 7 writes, in no other fixture's words.
  const release = (n: number, size: string, mirror?: string, published?: string) =>
    page(7, {
      heading: 'Soil Sensor Market Report',
      figures: [
        sizeSentence(5, 'soil sensor', size, 2024, { rate: '12.5%', from: 2024, to: 2030 }),
        'Volumetric water content probes made up the largest product group, while wireless units with solar power grow fastest as farms replace manual sampling.',
      ],
      site: 'origin.example',
      mirror,
      published,
    }).replace('publisher-7', `publisher-${n}`);

  it('groups copies under different wrappers, reports them once and names the original', async () => {
    const docs = [
      { name: 'a.html', text: release(1, 'USD 4.9 billion', 'wire-a.example', '2025-03-04') },
      { name: 'b.html', text: release(2, 'USD 4.9 billion', 'wire-b.example', '2025-03-02') },
      { name: 'c.html', text: release(3, 'USD 4.9 billion', 'wire-c.example', '2025-03-05') },
      ...sized(['USD 412 million', 'USD 455 million']),
    ];
    const findings = findingsOf(await corpusRules(), docs, COPIES_RULE);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.severity).toBe('info');
    expect(f.sources).toEqual(['/abs/b.html', '/abs/a.html', '/abs/c.html']);
    expect(f.data).toMatchObject({ count: 3, canonical: 'b.html', why: 'published first, on 2025-03-02' });
    expect(f.message).toContain('3 sites: wire-b.example, wire-a.example and wire-c.example');
  });

  it('does not group two editions whose figures differ, or the same text on another market', async () => {
    const other = release(2, 'USD 4.9 billion').replace(/soil sensor/gi, 'leaf sensor');
    const findings = findingsOf(
      await corpusRules(),
      [
        { name: 'a.html', text: release(1, 'USD 4.9 billion') },
        { name: 'b.html', text: release(2, 'USD 5.6 billion').replace('12.5%', '11.0%') },
        { name: 'c.html', text: other },
      ],
      COPIES_RULE,
    );
    expect(findings).toEqual([]);
  });

  it('counts a group of copies once in the consensus: twenty mirrors are not twenty confirmations', async () => {
    const mirrors = [0, 1, 2].map((k) => ({ name: `m${k}.html`, text: release(k, 'USD 455 million', `wire-${k}.example`) }));
    const outlier = sized(['USD 4.9 billion'])[0];
    // The outlier against one release (three copies) and one other source: two independent sources, no consensus.
    expect(await consensus([...mirrors, outlier, sized(['', 'USD 480 million'])[1]])).toEqual([]);
    // Two more independent sources make a consensus of four, the copies counted as one of them.
    const more = sized(['', 'USD 480 million', 'USD 500 million', 'USD 430 million']).slice(1);
    const [f] = await consensus([...mirrors, outlier, ...more]);
    expect(f.data).toMatchObject({ source: 'r0.html', count: 4 });
    expect(f.message).toContain('m0.html (and 2 copies)');
  });

  it('keeps mirrors of one page on several sites out of template reuse', async () => {
    const mirror = (site: string) =>
      regionPage({
        market: 'Industrial Pump',
        site,
        regions: REUSED_REGIONS,
        intro:
          'Demand for industrial pumps follows water utilities, mining and chemical plants, where replacement cycles and energy rules drive most purchases across regions.',
        regionalText:
          'Europe holds the largest share of the industrial pump market, followed by Asia-Pacific, where new water treatment capacity is being built at the fastest pace.',
      });
    const rules = await corpusRules();
    const docs = [
      { name: 'one.html', text: mirror('wire-one.example') },
      { name: 'two.html', text: mirror('wire-two.example') },
    ];
    expect(findingsOf(rules, docs, TEMPLATE_RULE)).toEqual([]);
    expect(findingsOf(rules, docs, COPIES_RULE)).toHaveLength(1);
  });
});
