// Place names in running text: the word scanner and the longest-match look-up built on it.
import { mulberry32, pick } from '../../src/bench/prng.js';
import { findPlaces, placeWords } from '../../src/lexicon/gazetteer.js';

// The word pattern the scanner implements, written as a regular expression to check it against.
const WORD = /[A-Za-z\u00C0-\u024F](?:[A-Za-z\u00C0-\u024F'’.]|-(?=[A-Z\u00C0-\u00DE]))*|&/g;

describe('placeWords', () => {
  it('splits text into the same words as the word pattern, on random text of the characters that matter', () => {
    const rng = mulberry32(7);
    const alphabet = ['a', 'Z', 'é', 'É', 'Ā', '×', 'ɏ', "'", '’', '.', '-', '&', ' ', ',', '1', 'ß', '\u0250', '\u00bf', 'Ж'];
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: 1 + Math.floor(rng() * 30) }, () => pick(rng, alphabet)).join('');
      const { starts, ends } = placeWords(text);
      const expected = [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
      expect({ text, words: starts.map((s, i) => [s, ends[i]]) }).toEqual({ text, words: expected });
    }
  });

  it('keeps a hyphen only before a capital', () => {
    const text = 'Asia-Pacific and U.S.-based and Japan-based';
    const { starts, ends } = placeWords(text);
    expect(starts.map((s, i) => text.slice(s, ends[i]))).toEqual(['Asia-Pacific', 'and', 'U.S.', 'based', 'and', 'Japan', 'based']);
  });
});

describe('findPlaces', () => {
  it('finds the longest names, possessives and capitalised short codes, but not lower-case words', () => {
    const found = findPlaces("North America's share rose, while the UK and Asia-Pacific grew; turkey sales in Turkey fell.");
    expect(found.map((f) => [f.text, f.place.kind])).toEqual([
      ['North America', 'region'],
      ['UK', 'country'],
      ['Asia-Pacific', 'region'],
      ['Turkey', 'country'],
    ]);
  });

  it('ends a name at a comma', () => {
    expect(findPlaces('Sales in South Africa, Korea and Saudi Arabia').map((f) => f.text)).toEqual(['South Africa', 'Korea', 'Saudi Arabia']);
  });
});
