import { regionGroups, type GeoLayout } from '../../src/geography/groups.js';
import { contextOf, seedContext } from '../helpers/harness.js';

const layoutOf = (input: string): GeoLayout => regionGroups(contextOf(input).doc);
const summary = (l: GeoLayout) => l.groups.map((g) => `${g.enumeration}:${g.kind}:${g.region?.code ?? '-'}=${g.items.map((i) => i.text).join('|')}`);

describe('regionGroups: where country lists are', () => {
  it('reads lists under region labels as one breakdown (HTML)', () => {
    const l = layoutOf(
      '<p>By region:</p><p><strong>North America:</strong></p><ul><li>U.S.</li><li>Canada</li></ul>' +
        '<p><strong>Europe:</strong></p><ul><li>Germany</li><li>France</li></ul>',
    );
    expect(summary(l)).toEqual(['0:list:north-america=U.S.|Canada', '0:list:europe=Germany|France']);
    expect(l.groups[0].label?.text).toBe('North America');
  });

  it('reads "Region: a, b and c" items as inline groups of one list (plain text)', () => {
    const l = layoutOf('Geographies covered:\n  • North America: U.S. and Canada\n  • Middle East: GCC Countries, Israel, and Rest of Middle East\n');
    expect(summary(l)).toEqual(['0:inline:north-america=U.S.|Canada', '0:inline:middle-east=GCC Countries|Israel|Rest of Middle East']);
  });

  it('reads nested lists under region items, and the parent as a flat list of regions', () => {
    const l = layoutOf('Regional Insights\n  • Europe\n    • Germany\n    • Italy\n  • Africa\n    • Nigeria\n');
    expect(summary(l)).toEqual(['0:list:-=Europe|Africa', '1:nested:europe=Germany|Italy', '1:nested:africa=Nigeria']);
  });

  it('reads the same "Region: …" text as a group inside a list but not as a line of prose', () => {
    const line = 'Europe: Germany, France, and several smaller markets';
    const inList = summary(layoutOf(`Coverage:\n  • ${line}\n  • Asia: Japan and China\n`));
    const asProse = summary(layoutOf(`Coverage\n\n${line}\n\nThe market grows steadily.\n`));
    expect(inList).toEqual(['0:inline:europe=Germany|France|several smaller markets', '0:inline:asia-pacific=Japan|China']);
    expect(asProse).toEqual([]);
    // And again in the other order: what is remembered for one reading is not the other's answer.
    expect(summary(layoutOf(`Coverage\n\n${line}\n\nThe market grows steadily.\n`))).toEqual(asProse);
    expect(summary(layoutOf(`Coverage:\n  • ${line}\n  • Asia: Japan and China\n`))).toEqual(inList);
  });

  it('reads "Region: …" lines outside lists, adjacent ones as one breakdown', () => {
    const l = layoutOf('Scope\n\nNorth America: U.S. and Canada\nEurope: Germany, France, and U.K.\n\nThe market grows steadily.\n');
    expect(summary(l)).toEqual(['0:inline:north-america=U.S.|Canada', '0:inline:europe=Germany|France|U.K.']);
  });

  it('starts a new breakdown when a region comes round again or prose intervenes', () => {
    const lists = '<p><strong>North America:</strong></p><ul><li>U.S.</li></ul><p><strong>Europe:</strong></p><ul><li>Germany</li></ul>';
    expect(new Set(layoutOf(lists + lists).groups.map((g) => g.enumeration))).toEqual(new Set([0, 1]));
    const apart =
      '<p><strong>North America:</strong></p><ul><li>U.S.</li></ul><p>North America leads the market by revenue.</p>' +
      '<p><strong>Europe:</strong></p><ul><li>Germany</li></ul>';
    expect(layoutOf(apart).enumerations).toHaveLength(2);
  });

  it('keeps item offsets that point at the name', () => {
    const ctx = contextOf('Regions:\n  • Europe: Germany,  France (incl. Monaco)\n');
    const item = regionGroups(ctx.doc).groups[0].items[1];
    expect(item.text).toBe('France');
    expect(ctx.doc.blocks[item.block].text.slice(item.from, item.to)).toBe('France');
  });

  it('ignores lists that are not country lists', () => {
    expect(layoutOf('<h2>Europe</h2><ul><li>Germany leads on reimbursement.</li><li>France follows closely.</li></ul>').groups).toEqual([]);
    expect(layoutOf('Key Players\n  • Japan Tobacco\n  • China Resources\n  • Acme Corp\n').groups).toEqual([]);
    expect(layoutOf('Europe: Germany leads the region, followed by France and Italy, on reimbursement.\n').groups).toEqual([]);
    expect(layoutOf('By Application:\n  • Oncology\n  • Cardiology\n').groups).toEqual([]);
  });

  it('finds the five region lists of an HTML seed and the three breakdowns of a plain-text one', () => {
    const html = regionGroups(seedContext('000').doc);
    expect(html.enumerations).toHaveLength(1);
    expect(html.groups.map((g) => g.region?.name)).toEqual(['North America', 'Europe', 'Asia-Pacific', 'Latin America', 'Middle East & Africa']);
    const text = regionGroups(seedContext('001').doc);
    expect(text.enumerations.map((e) => e.groups.map((g) => g.kind)[0])).toEqual(['inline', 'list', 'nested']);
    expect(text.enumerations.map((e) => e.groups.length)).toEqual([6, 1, 6]);
  });

  it('is computed once per document', () => {
    const ctx = contextOf('Regions:\n  • Europe: Germany, France\n');
    expect(regionGroups(ctx.doc)).toBe(regionGroups(ctx.doc));
  });

  it('stays fast on hostile input', () => {
    // No time is asserted (timing belongs to npm run bench): a pattern that backtracks
    // catastrophically would not finish within Jest's test timeout, and the test would fail.
    const hostile = 'Europe:\n' + '  • ' + 'Germany '.repeat(20000) + '\n' + 'Europe' + ': a,'.repeat(20000) + '\n' + '  • France\n';
    regionGroups(contextOf(hostile).doc);
  });
});
