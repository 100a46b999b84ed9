import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Evidence } from '../../src/schema/position.js';
import type { Finding } from '../../src/schema/finding.js';
import { contextOf, quotes, runRule, seed, seedContext, SEEDS } from '../helpers/harness.js';

const GEO = ['geography/merged-names', 'geography/split-name', 'geography/misplaced', 'geography/duplicate', 'geography/nonstandard-name'];

/** Where `needle` (the n-th match of `pattern`) sits in the raw seed: 1-based line and column, found independently of the parser. */
function located(prefix: string, pattern: RegExp, needle: string): { line: number; column: number } {
  const source = readFileSync(path.join(SEEDS, seed(prefix).name), 'latin1');
  const m = pattern.exec(source);
  if (!m) throw new Error(`${pattern} not in seed ${prefix}`);
  const offset = m.index + m[0].indexOf(needle);
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const at = (e: Evidence | null) => (e ? { quote: e.quote, line: e.start.line, column: e.start.column } : null);

describe.each(['000', '002', '004'])('seed %s: the broken region lists', (prefix) => {
  const ctx = seedContext(prefix);
  const run = (id: string, options = {}) => runRule(id, ctx, options);

  it('merged-names: the two countries in one entry', async () => {
    const [f, ...more] = await run('geography/merged-names');
    expect(more).toEqual([]);
    expect(at(f.primary)).toEqual({ quote: 'Argentina Korea', ...located(prefix, /<li>Argentina Korea<\/li>/, 'Argentina Korea') });
    expect(f.related.map((e) => e.quote)).toEqual(['Argentina', 'Korea']);
    expect(f.message).toContain('"Argentina Korea" (Argentina, Korea (South Korea))');
    expect(f.data.count).toBe(1);
  });

  it('split-name: the country split over two entries', async () => {
    const [f, ...more] = await run('geography/split-name');
    expect(more).toEqual([]);
    expect(at(f.primary)).toEqual({ quote: 'Saudi', ...located(prefix, /<li>Saudi<\/li>/, 'Saudi') });
    expect(f.related.map(at)).toEqual([{ quote: 'Arabia', ...located(prefix, /<li>Arabia<\/li>/, 'Arabia') }]);
    expect(f.data.listing).toBe('"Saudi" / "Arabia" (Saudi Arabia)');
  });

  it('misplaced: the country under the wrong region, and the region it belongs to', async () => {
    const [f, ...more] = await run('geography/misplaced');
    expect(more).toEqual([]);
    expect(at(f.primary)).toEqual({ quote: 'Korea', ...located(prefix, /<li>Korea<\/li>/, 'Korea') });
    expect(f.related.map(at)).toEqual([{ quote: 'Middle East & Africa', ...located(prefix, /<strong> Middle East & Africa: <\/strong>/, 'Middle East') }]);
    expect(f.data).toMatchObject({ listedUnder: 'Middle East & Africa', count: 1, listing: 'Korea (South Korea, Asia-Pacific)' });
    expect(f.message).toMatch(/Middle East & Africa.*Korea.*Asia-Pacific/);
  });

  it('misplaced: with merged parts checked, the stray part of the merged entry too', async () => {
    const findings = await run('geography/misplaced', { checkMergedParts: true });
    expect(findings.map((f) => [f.primary?.quote, f.data.listedUnder])).toEqual([
      ['Korea', 'Latin America'],
      ['Korea', 'Middle East & Africa'],
    ]);
  });

  it('duplicate: the country listed under three names and regions', async () => {
    const [f, ...more] = await run('geography/duplicate');
    expect(more).toEqual([]);
    expect(f.severity).toBe('warning');
    expect(f.data).toMatchObject({ count: 1 });
    expect(f.data.listing).toBe(
      'South Korea 3 times ("South Korea" under Asia-Pacific, "Korea" in "Argentina Korea" under Latin America, "Korea" under Middle East & Africa)',
    );
    expect(at(f.primary)).toEqual({ quote: 'Korea', ...located(prefix, /<li>Korea<\/li>/, 'Korea') });
    expect(f.related.map((e) => [e.quote, e.role])).toEqual([
      ['South Korea', 'first listing'],
      ['Korea', 'inside merged entry'],
    ]);
    expect(at(f.related[1])).toEqual({ quote: 'Korea', ...located(prefix, /<li>Argentina Korea<\/li>/, 'Korea') });
  });

  it('nonstandard-name: nothing beyond what split and merged names explain', async () => {
    expect(await run('geography/nonstandard-name')).toEqual([]);
  });
});

describe.each(['001', '003'])('seed %s: correct geography', (prefix) => {
  it('has no geography findings at all', async () => {
    const ctx = seedContext(prefix);
    const all: Finding[] = [];
    for (const id of GEO) all.push(...(await runRule(id, ctx)));
    expect(all.map((f) => f.message)).toEqual([]);
  });
});

// Small documents, HTML and plain text: each rule's flagged cases and the near misses it must leave.
const html = (groups: Record<string, string[]>) =>
  Object.entries(groups)
    .map(([region, items]) => `<p><strong>${region}:</strong></p><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`)
    .join('\n');
const text = (groups: Record<string, string>) =>
  'Geographies covered:\n' +
  Object.entries(groups)
    .map(([region, items]) => `  • ${region}: ${items}\n`)
    .join('');

describe('geography/merged-names', () => {
  const run = (input: string) => runRule('geography/merged-names', input);
  it('flags names run together, in lists and inline', async () => {
    expect((await run(html({ Europe: ['Germany', 'France Italy'] }))).map(quotes)).toEqual([['France Italy', 'France', 'Italy']]);
    expect((await run(text({ 'Asia-Pacific': 'China, India Japan, and Australia' }))).map((f) => f.primary?.quote)).toEqual(['India Japan']);
    expect(await run(html({ Regions: ['North America Europe'] }))).toEqual([]); // one entry under no region: not a country list
    expect((await run('By Region:\n  • North America Europe\n  • Asia Pacific\n  • Latin America\n')).map((f) => f.primary?.quote)).toEqual([
      'North America Europe',
    ]);
  });
  it('leaves one-name entries, separated entries and company names alone', async () => {
    expect(await run(html({ 'Middle East & Africa': ['Saudi Arabia', 'South Africa', 'Middle East & Africa', 'Rest of Middle East & Africa'] }))).toEqual([]);
    expect(await run(html({ 'Asia-Pacific': ['China Taiwan', 'Hong Kong', 'Papua New Guinea', 'Timor Leste'] }))).toEqual([]);
    expect(await run(text({ 'North America': 'U.S. and Canada', Europe: 'Germany, France, and Rest of Europe' }))).toEqual([]);
    expect(await run('Key Players:\n  • Japan Tobacco\n  • China Resources\n  • America Movil\n')).toEqual([]);
  });
});

describe('geography/split-name', () => {
  const run = (input: string) => runRule('geography/split-name', input);
  it('flags a name split over consecutive entries, with both parts as evidence', async () => {
    const [f] = await run(html({ Africa: ['Nigeria', 'South', 'Africa'] }));
    expect(quotes(f)).toEqual(['South', 'Africa']);
    expect(f.data).toMatchObject({ listing: '"South" / "Africa" (South Africa)', count: 1 });
    expect((await run(text({ 'Middle East': 'Qatar, United, Arab, Emirates' })))[0].data.listing).toContain('(United Arab Emirates)');
  });
  it('leaves neighbours that are names on their own', async () => {
    expect(await run('By Region:\n  • North America\n  • Middle East\n  • Africa\n')).toEqual([]);
    expect(await run(html({ Africa: ['Niger', 'Guinea', 'South Africa', 'Sudan', 'South Sudan'] }))).toEqual([]);
    expect(await run(html({ Oceania: ['Australia', 'New Zealand', 'Others'] }))).toEqual([]);
  });
});

describe('geography/misplaced', () => {
  const run = (input: string, options = {}) => runRule('geography/misplaced', input, options);
  it('flags a country under a region it does not belong to, naming where it belongs', async () => {
    const [f, ...more] = await run(html({ Europe: ['Germany', 'Brazil'], 'Latin America': ['Chile'] }));
    expect(more).toEqual([]);
    expect(f.message).toBe('1 country listed under Europe but belonging elsewhere: Brazil (Latin America).');
    expect(f.related.map((e) => [e.quote, e.role])).toEqual([['Europe', 'listed under']]);
    const [g] = await run(text({ 'North America': 'U.S., Canada, and Vietnam' }));
    expect(g.data).toMatchObject({ listedUnder: 'North America', listing: 'Vietnam (Asia-Pacific)' });
  });
  it('flags a country under a group it is not a member of', async () => {
    const [f] = await run(text({ GCC: 'Qatar, Oman, and Jordan' }));
    expect(f.data).toMatchObject({ listing: 'Jordan (Middle East)', listedUnder: 'GCC' });
  });
  it('accepts members, accepted usage, sub-groups and remainders', async () => {
    expect(
      await run(
        html({
          'North America': ['United States', 'Mexico'],
          Europe: ['Turkey', 'Nordics', 'Benelux', 'Rest of Europe'],
          'Middle East & Africa': ['Türkiye', 'Egypt', 'GCC Countries', 'North Africa'],
          'Asia-Pacific': ['Australia', 'ASEAN', 'Rest of APAC'],
        }),
      ),
    ).toEqual([]);
  });
  it('does not judge a flat list of places, which names no region', async () => {
    expect(await run('By Country:\n  • Germany\n  • Japan\n  • Brazil\n')).toEqual([]);
  });
  it('flags a country named among a macro-region’s leaders in prose, before or after the region', async () => {
    const [f, ...more] = await run(
      'Led by countries such as Australia, India, South Korea and Chile, the market in Asia-Pacific will reach 42.7 thousand tons.',
    );
    expect(more).toEqual([]);
    expect(f.message).toBe('1 country named among those leading Asia-Pacific but belonging elsewhere: Chile (Latin America).');
    expect(f.related.map((e) => [e.quote, e.role])).toEqual([['Asia-Pacific', 'listed under']]);
    const [g] = await run('Europe, driven by Germany, France, the UK and Japan, holds the largest share.');
    expect(g.data).toMatchObject({ listedUnder: 'Europe', listing: 'Japan (Asia-Pacific)' });
  });
  it('reports a country once when a list and a sentence both misplace it', async () => {
    const input = 'Asia-Pacific: Japan, India, Chile\n\nThe market in Asia-Pacific is led by Japan, India and Chile.';
    expect((await run(input)).map((f) => f.messageId)).toEqual(['misplaced']);
  });
  it('leaves prose alone unless one macro-region clearly heads a cued list of mostly its own countries', async () => {
    for (const sentence of [
      // Two macro-regions: whose list it is cannot be told.
      'Asia-Pacific grows fastest, while Europe is led by Germany, France and Japan.',
      // Most of the list lies outside the region: it is not the region's list.
      'In Asia-Pacific, demand is driven by Chile, Peru and Japan.',
      // No cue: an enumeration of origins, not of leaders.
      'Asia-Pacific imports ore from Australia, India and Chile.',
      // Accepted usage.
      'North America, led by the United States, Canada and Mexico, is the largest market.',
      // Too few countries to say.
      'Asia-Pacific, led by Japan and Chile, follows.',
      // The region too far from the list.
      'Led by Australia, India, South Korea and Chile, global output of rare earth elements, which includes every grade sold to magnet makers in Asia-Pacific, rose.',
    ]) {
      expect(await run(sentence)).toEqual([]);
    }
  });
});

describe('geography/duplicate', () => {
  const run = (input: string, options = {}) => runRule('geography/duplicate', input, options);
  it('flags one country twice in one breakdown, also under another name', async () => {
    const [f] = await run(html({ Europe: ['U.K.', 'Germany'], 'Middle East & Africa': ['Israel', 'United Kingdom'] }));
    expect(f.data).toMatchObject({ count: 1, listing: 'United Kingdom twice ("U.K." under Europe, "United Kingdom" under Middle East & Africa)' });
    expect(f.primary?.quote).toBe('United Kingdom');
    expect(f.related.map((e) => e.quote)).toEqual(['U.K.']);
    expect((await run(text({ Europe: 'Netherlands, France, and Holland' })))[0].data.listing).toMatch(/^Netherlands twice/);
  });
  it('counts names inside merged entries unless told not to', async () => {
    const doc = html({ 'Latin America': ['Brazil Chile', 'Chile'] });
    expect(await run(doc)).toHaveLength(1);
    expect(await run(doc, { countMergedParts: false })).toEqual([]);
  });
  it('leaves the same country in two different breakdowns alone', async () => {
    const doc = text({ Europe: 'Germany and France' }) + '\nMarket Segmentation\n  • Regional Insights\n    • Europe\n      • Germany\n      • France\n';
    expect(await run(doc)).toEqual([]);
    const twice = html({ Europe: ['Germany'], 'Asia-Pacific': ['Japan'] });
    expect(await run(`<h3>Scope</h3>${twice}<h2>Regional analysis</h2>${twice}`)).toEqual([]);
  });
});

describe('geography/nonstandard-name', () => {
  const run = (input: string) => runRule('geography/nonstandard-name', input);
  it('flags unknown names, with a suggestion when one is near', async () => {
    const [f] = await run(html({ 'North America': ['Untied States', 'Canada'] }));
    expect(f.severity).toBe('info');
    expect(f.message).toContain('did you mean United States?');
    const [g] = await run(text({ Europe: 'Germany, Bavaria, and France' }));
    expect(g.messageId).toBe('unknown');
    expect(g.primary?.quote).toBe('Bavaria');
  });
  it('leaves remainders, groups, known sub-regions and prose alone', async () => {
    expect(
      await run(
        html({
          Europe: ['Rest of Europe', 'Nordic Countries', 'Others'],
          'Middle East': ['GCC Countries', 'Rest of the World'],
          Africa: ['North Africa', 'Sub-Saharan Africa', 'East Africa'],
          'Asia-Pacific': ['ASEAN', 'Oceania', 'South Asia'],
        }),
      ),
    ).toEqual([]);
    expect(await run('<h2>Europe</h2><ul><li>Germany leads on reimbursement.</li><li>Bavaria hosts many plants.</li></ul>')).toEqual([]);
  });
});

// A list with K defective entries is one finding per list and kind, naming them all; a group keeps
// its fingerprint when it gains a member (its identity is the list and the kind, not the members).
describe('geography: one finding per list and kind', () => {
  const fingerprints = async (id: string, input: string) => (await runRule(id, input)).map((f) => f.fingerprint);

  it('misplaced: K countries under the wrong region are one finding with K entries as evidence', async () => {
    const wrong = ['Brazil', 'Japan', 'Kenya', 'Canada', 'Chile'];
    const [f, ...more] = await runRule('geography/misplaced', html({ Europe: ['Germany', ...wrong, 'France'], 'Asia-Pacific': ['China'] }));
    expect(more).toEqual([]);
    expect(f.data).toMatchObject({ count: 5, countries: '5 countries', listedUnder: 'Europe' });
    expect(f.message).toMatch(/^5 countries listed under Europe but belonging elsewhere: Brazil \(Latin America\), Japan \(Asia-Pacific\), /);
    expect(f.primary?.quote).toBe('Brazil');
    expect(f.related.map((e) => [e.quote, e.role])).toEqual([['Europe', 'listed under'], ...wrong.slice(1).map((w) => [w, 'listed country'])]);
    // Near miss: the same countries, each under its own region.
    expect(
      await runRule('geography/misplaced', html({ Europe: ['Germany', 'France'], 'Latin America': ['Brazil', 'Chile'], 'Asia-Pacific': ['Japan'] })),
    ).toEqual([]);
  });

  it('misplaced: two lists, or a country and an area, are separate findings', async () => {
    const two = await runRule('geography/misplaced', html({ Europe: ['Germany', 'Japan'], 'Latin America': ['Brazil', 'Japan'] }));
    expect(two.map((f) => f.data.listedUnder)).toEqual(['Europe', 'Latin America']);
    const kinds = await runRule('geography/misplaced', html({ 'Asia-Pacific': ['China', 'Brazil', 'Rest of Europe'] }));
    expect(kinds.map((f) => f.messageId)).toEqual(['misplaced', 'misplacedArea']);
  });

  it('misplaced: the message names the first few and counts the rest; every entry is evidence', async () => {
    const wrong = ['Brazil', 'Japan', 'Kenya', 'Canada', 'Chile', 'India', 'Peru', 'Egypt', 'Mexico'];
    const [f] = await runRule('geography/misplaced', html({ Europe: ['Germany', ...wrong] }));
    expect(f.message).toMatch(/ and 3 more\.$/);
    expect(f.related.filter((e) => e.role === 'listed country')).toHaveLength(wrong.length - 1);
  });

  it('duplicate: K repeated places in one breakdown are one finding; the same places in two breakdowns none', async () => {
    const doc = html({ Europe: ['Germany', 'France', 'U.K.', 'Germany'], 'Middle East & Africa': ['France', 'United Kingdom', 'Israel'] });
    const [f, ...more] = await runRule('geography/duplicate', doc);
    expect(more).toEqual([]);
    expect(f.data).toMatchObject({ count: 3, places: '3 places' });
    expect(quotes(f)).toEqual(['Germany', 'France', 'United Kingdom', 'Germany', 'France', 'U.K.']);
    expect(f.message).toMatch(/^3 places listed more than once in one breakdown: Germany twice .*France twice .*United Kingdom twice /);
    const apart = html({ Europe: ['Germany', 'France'] });
    expect(await runRule('geography/duplicate', `<h3>Scope</h3>${apart}<h2>Regional analysis</h2>${apart}`)).toEqual([]);
  });

  it('merged-names, split-name and nonstandard-name: one finding per list', async () => {
    const [merged, ...m] = await runRule('geography/merged-names', html({ Europe: ['Germany France', 'Italy', 'Spain Portugal', 'Poland Austria'] }));
    expect(m).toEqual([]);
    expect(merged.data.count).toBe(3);
    expect(quotes(merged).slice(0, 3)).toEqual(['Germany France', 'Spain Portugal', 'Poland Austria']);
    const [split, ...s2] = await runRule('geography/split-name', html({ Africa: ['Nigeria', 'South', 'Africa', 'Kenya', 'Sierra', 'Leone'] }));
    expect(s2).toEqual([]);
    expect(split.data).toMatchObject({ count: 2, listing: '"South" / "Africa" (South Africa) and "Sierra" / "Leone" (Sierra Leone)' });
    expect(quotes(split).sort()).toEqual(['Africa', 'Leone', 'Sierra', 'South']);
    const [unknown, ...u] = await runRule('geography/nonstandard-name', html({ Europe: ['Germny', 'France', 'Italy', 'Bavaria', 'Spain', 'Saxony'] }));
    expect(u).toEqual([]);
    expect(unknown.data.count).toBe(3);
    expect(quotes(unknown)).toEqual(['Germny', 'Europe', 'Bavaria', 'Saxony']);
    // Near misses: separated, whole and known entries.
    expect(await runRule('geography/merged-names', html({ Europe: ['Germany', 'France', 'Italy'] }))).toEqual([]);
    expect(await runRule('geography/split-name', html({ Africa: ['Nigeria', 'South Africa', 'Sierra Leone'] }))).toEqual([]);
    expect(await runRule('geography/nonstandard-name', html({ 'North America': ['United States', 'Canada', 'Rest of North America'] }))).toEqual([]);
  });

  it('keeps each group’s fingerprint when the group gains a member, and tells lists apart', async () => {
    const cases: Array<[string, Record<string, string[]>, Record<string, string[]>]> = [
      ['geography/misplaced', { Europe: ['Germany', 'Japan'] }, { Europe: ['Brazil', 'Germany', 'Japan'] }],
      ['geography/duplicate', { Europe: ['Germany', 'France', 'Germany'] }, { Europe: ['Italy', 'Germany', 'France', 'Germany', 'Italy'] }],
      ['geography/merged-names', { Europe: ['Germany France', 'Italy'] }, { Europe: ['Spain Portugal', 'Germany France', 'Italy'] }],
      [
        'geography/split-name',
        { Africa: ['Nigeria', 'Kenya', 'Egypt', 'Ghana', 'South', 'Africa'] },
        { Africa: ['Sierra', 'Leone', 'Nigeria', 'Kenya', 'Egypt', 'Ghana', 'Morocco', 'South', 'Africa'] },
      ],
      ['geography/nonstandard-name', { Europe: ['Germany', 'France', 'Bavaria'] }, { Europe: ['Saxony', 'Germany', 'France', 'Italy', 'Bavaria'] }],
    ];
    for (const [id, before, after] of cases) {
      const [a] = await fingerprints(id, html(before));
      const [b] = await fingerprints(id, html(after));
      expect([id, b]).toEqual([id, a]);
    }
    // Another region's list is another group.
    const [europe] = await fingerprints('geography/misplaced', html({ Europe: ['Germany', 'Japan'] }));
    const [latam] = await fingerprints('geography/misplaced', html({ 'Latin America': ['Brazil', 'Japan'] }));
    expect(latam).not.toBe(europe);
  });
});

it('the geography rules do not crash on empty and odd documents', async () => {
  for (const input of [' .', ':', 'Europe:', '<ul><li>:</li></ul>', 'Europe:\n  • \n  • (\n  • )\n', `Europe: ${'(,'.repeat(5000)}`]) {
    for (const id of GEO) await expect(runRule(id, contextOf(input))).resolves.toBeDefined();
  }
});
