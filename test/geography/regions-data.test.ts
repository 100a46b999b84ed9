import regionsData from '../../rules/data/regions.json' with { type: 'json' };
import { lookupPlace, membersOf } from '../../src/lexicon/gazetteer.js';

const areas = [...regionsData.macroRegions, ...regionsData.groups];

describe('rules/data/regions.json', () => {
  it.each(areas.map((a) => [a.name, a] as const))('%s cites a source, has members and owns its names', (_name, area) => {
    expect(area.source.length).toBeGreaterThan(10);
    expect(membersOf(area.code).size).toBeGreaterThan(0);
    for (const n of [area.name, ...area.aliases]) expect(lookupPlace(n)?.code).toBe(area.code);
  });

  it.each(regionsData.aliases.map((a) => [a.alias, a] as const))('alias %s cites a source and resolves to its country', (_alias, a) => {
    expect(a.source.length).toBeGreaterThan(5);
    expect(lookupPlace(a.alias)?.code).toBe(a.code);
  });

  it('keeps the spelled-out "Australia and New Zealand" two countries, not a group', () => {
    expect(lookupPlace('Australia and New Zealand')).toBeNull();
  });

  it('puts sub-regions inside their macro-region', () => {
    const within = (outer: string, inner: string) => [...membersOf(inner)].every((c) => membersOf(outer).has(c));
    expect(within('europe', 'northern-europe')).toBe(true);
    expect(within('asia-pacific', 'east-asia')).toBe(true);
    expect(within('latin-america', 'caribbean')).toBe(true);
    expect(within('middle-east-africa', 'mena')).toBe(true);
  });
});
