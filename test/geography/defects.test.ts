import type { GeoItem } from '../../src/geography/groups.js';
import { mergedParts } from '../../src/geography/merged.js';
import { placeOf } from '../../src/geography/names.js';
import { findSplitNames } from '../../src/geography/split.js';
import { suggestName } from '../../src/geography/suggest.js';
import { homeRegion, macroRegions } from '../../src/lexicon/regions.js';
import { lookupPlace } from '../../src/lexicon/gazetteer.js';

let at = 0;
const item = (text: string): GeoItem => {
  const from = at;
  at += 100;
  return { block: 0, from, to: from + text.length, text, place: placeOf(text) };
};
const items = (...texts: string[]) => texts.map(item);

describe('mergedParts', () => {
  it('finds names run together, with block offsets', () => {
    const it0 = item('Chile Japan');
    const parts = mergedParts(it0)!;
    expect(parts.map((p) => p.place.code)).toEqual(['CHL', 'JPN']);
    expect(parts[1].from - it0.from).toBe(6);
    expect(mergedParts(item('Europe Germany'))!.map((p) => p.text)).toEqual(['Europe', 'Germany']);
  });
  it.each([
    'Costa Rica',
    'South Africa',
    'United States',
    'Middle East & Africa',
    'China Taiwan',
    'Rest of Europe',
    'Germany and France',
    'Germany, France',
    'Northern Ireland',
    'United States America',
    'Japan Tobacco',
  ])('leaves "%s" alone', (text) => expect(mergedParts(item(text))).toBeNull());
});

describe('findSplitNames', () => {
  const joined = (...texts: string[]) => findSplitNames(items(...texts)).map((s) => `${s.items.map((i) => i.text).join('+')}=${s.place.name}`);
  it('joins neighbours into a name when a part is no place', () => {
    expect(joined('Japan', 'New', 'Zealand', 'India')).toEqual(['New+Zealand=New Zealand']);
    expect(joined('South', 'Africa', 'Kenya')).toEqual(['South+Africa=South Africa']);
    expect(joined('Trinidad', 'Tobago')).toEqual(['Trinidad+Tobago=Trinidad and Tobago']);
    expect(joined('United', 'Arab', 'Emirates')).toEqual(['United+Arab+Emirates=United Arab Emirates']);
    expect(joined('Costa', 'Rica')).toEqual(['Costa+Rica=Costa Rica']);
  });
  it('leaves neighbours that are places on their own', () => {
    expect(joined('Middle East', 'Africa')).toEqual([]);
    expect(joined('Niger', 'Guinea', 'Sudan', 'South Sudan')).toEqual([]);
    expect(joined('Japan', 'Others')).toEqual([]);
  });
});

describe('suggestName', () => {
  it('suggests a near known name', () => {
    expect(suggestName('Untied States')).toBe('United States');
    expect(suggestName('Germnay')).toBe('Germany');
  });
  it('suggests nothing for what is not near any name', () => {
    expect(suggestName('Bavaria')).toBeNull();
    expect(suggestName('Xy')).toBeNull();
  });
});

describe('homeRegion', () => {
  const p = (n: string) => lookupPlace(n)!;
  it("prefers the report's own sibling regions, by membership first", () => {
    expect(homeRegion(p('Japan'), [p('Europe'), p('Asia-Pacific')])?.name).toBe('Asia-Pacific');
    expect(homeRegion(p('Mexico'), [p('North America'), p('Latin America')])?.name).toBe('Latin America');
  });
  it('falls back to the smallest macro-region that holds the country', () => {
    expect(homeRegion(p('Qatar'), [])?.name).toBe('Middle East');
    expect(macroRegions().map((r) => r.kind)).not.toContain('country');
  });
});
