import { isFiller, isNameLike, nameSpan, regionOfLabel } from '../../src/geography/names.js';
import { splitHead, splitInlineNames } from '../../src/geography/inline.js';

const names = (text: string) => {
  const parts = splitHead(text);
  if (!parts) throw new Error('no head');
  return splitInlineNames(text, parts.tail).map((s) => s.text);
};

describe('nameSpan', () => {
  it('drops footnote marks, separators and a trailing note, keeping offsets', () => {
    const text = '  U.K. (incl. Northern Ireland)* ';
    const span = nameSpan(text);
    expect(span.text).toBe('U.K.');
    expect(text.slice(span.from, span.to)).toBe('U.K.');
  });
  it('keeps a parenthetical that is part of a known name', () => {
    expect(nameSpan('Congo (Brazzaville)').text).toBe('Congo (Brazzaville)');
  });
});

describe('regionOfLabel', () => {
  it.each([
    ['North America:', 'north-america'],
    ['Asia-Pacific Region', 'asia-pacific'],
    ['Europe (Revenue, USD Bn)', 'europe'],
    ['GCC Countries', 'gcc'],
    ['MEA', 'middle-east-africa'],
  ])('%s names a region or group', (label, code) => {
    expect(regionOfLabel(label)?.code).toBe(code);
  });
  it.each(['Germany', 'By Region', 'Key Players', 'North America Market Analysis and Trends', null])('%s does not', (label) => {
    expect(regionOfLabel(label)).toBeNull();
  });
});

describe('isNameLike / isFiller', () => {
  it.each(['Bosnia and Herzegovina', "Côte d'Ivoire", 'Untied States', 'U.A.E.', 'Korea, Republic of'])('%s reads as a name', (n) => {
    expect(isNameLike(n)).toBe(true);
  });
  it.each(['Germany leads the region', 'Top 5 countries', 'the rest', 'A B C D E F G'])('%s does not', (n) => {
    expect(isNameLike(n)).toBe(false);
  });
  it.each(['Others', 'Rest of the World', 'RoW', 'Other Countries', 'Rest of Scandinavia'])('%s is a remainder entry', (n) => {
    expect(isFiller(n)).toBe(true);
  });
  it.each(['Oman', 'Otherland', 'Restoration Islands'])('%s is not', (n) => {
    expect(isFiller(n)).toBe(false);
  });
});

describe('inline groups', () => {
  it('splits head and tail with block offsets', () => {
    const text = 'Europe:  Germany and France';
    const parts = splitHead(text)!;
    expect(parts.head.text).toBe('Europe');
    expect(text.slice(parts.tail.from, parts.tail.to)).toBe('Germany and France');
  });
  it('has no head when there is no colon or the head is long', () => {
    expect(splitHead('Germany, France')).toBeNull();
    expect(splitHead('x'.repeat(200) + ': Germany')).toBeNull();
  });
  it('splits on commas, "and" and "&"', () => {
    expect(names('Europe: Germany, U.K., Spain, and Rest of Europe')).toEqual(['Germany', 'U.K.', 'Spain', 'Rest of Europe']);
    expect(names('North America: United States and Canada')).toEqual(['United States', 'Canada']);
    expect(names('Europe: Germany & France')).toEqual(['Germany', 'France']);
  });
  it('keeps names that contain "and" or "&"', () => {
    expect(names('Regions: Middle East & Africa, Asia Pacific')).toEqual(['Middle East & Africa', 'Asia Pacific']);
    expect(names('Caribbean: Trinidad and Tobago, Jamaica')).toEqual(['Trinidad and Tobago', 'Jamaica']);
    expect(names('Europe: Bosnia and Herzegovina and Serbia')).toEqual(['Bosnia and Herzegovina', 'Serbia']);
  });
  it('rejoins an inverted name but not two countries, nor a broken name', () => {
    expect(names('Asia: Japan, Korea, Republic of')).toEqual(['Japan', 'Korea, Republic of']);
    expect(names('Asia: Japan, Taiwan, China, India')).toEqual(['Japan', 'Taiwan', 'China', 'India']);
    expect(names('Oceania: Australia, New, Zealand')).toEqual(['Australia', 'New', 'Zealand']);
  });
  it('does not cut inside parentheses and drops the note', () => {
    expect(names('Europe: U.K. (England, Scotland), France')).toEqual(['U.K.', 'France']);
  });
});
