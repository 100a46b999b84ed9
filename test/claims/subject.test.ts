// Who a figure is about, read from the clause before it; remembered per clause and report market.
import { segmentName } from '../../src/claims/segments.js';
import { subjectBefore } from '../../src/claims/subject.js';
import { setBlockCaching } from '../../src/cache/block-cache.js';

describe('subjectBefore', () => {
  afterEach(() => setBlockCaching(true));

  const sentence = 'The global smart glass market is expected to grow at 12.5% from 2024 to 2030.';
  const at = sentence.indexOf('12.5%');

  it('is the report market when the clause names it, another market when it names another', () => {
    expect(subjectBefore(sentence, at, 'smart glass')).toMatchObject({ key: 'market', kind: 'market' });
    expect(subjectBefore(sentence, at, 'used car')).toMatchObject({ key: 'market:glas smart', kind: 'other-market' });
    // The same clause again under the first market: not the answer remembered for the second.
    expect(subjectBefore(sentence, at, 'smart glass')).toMatchObject({ key: 'market' });
    expect(subjectBefore(sentence, at, null)).toMatchObject({ kind: 'other-market' });
  });

  it('reads regions and segments, and gives the same answers with the cache off', () => {
    const cases: Array<[string, string | null]> = [
      ['North America is expected to grow at 9% by 2030.', 'smart glass'],
      ['The Asia Pacific market grew at 7.1% in 2024.', 'smart glass'],
      ['The hospital segment holds a 40% share.', null],
    ];
    const read = () => cases.map(([s, m]) => subjectBefore(s, s.search(/\d/), m));
    const cached = [read(), read()];
    setBlockCaching(false);
    expect(read()).toEqual(cached[0]);
    expect(cached[1]).toEqual(cached[0]);
    expect(cached[0].map((x) => [x.kind, x.key])).toEqual([
      ['region', 'place:north-america'],
      ['region', 'place:asia-pacific'],
      ['segment', 'segment:hospital'],
    ]);
  });
});

describe('segmentName', () => {
  it('drops asides and "Insights" tails, and lower-cases', () => {
    expect(segmentName('Hospitals (Public and Private)')).toBe('hospitals');
    expect(segmentName('Type Insights (Revenue, USD Mn, 2024 - 2032)')).toBe('type');
    expect(segmentName('Type Insights (Revenue, USD Mn, 2024 - 2032)')).toBe('type');
  });
});
