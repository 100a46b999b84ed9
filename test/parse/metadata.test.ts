// Report metadata read from the text: the market a report is about when no title names it.
import { mulberry32, pick } from '../../src/bench/prng.js';
import { wordsBefore } from '../../src/parse/metadata.js';
import { contextOf } from '../helpers/harness.js';

describe('wordsBefore', () => {
  // The pattern the backward reader implements, applied to the text it may read.
  const RUN = /(?<![\w-])(?:[A-Za-z][\w-]*\s+){1,7}$/;

  it('reads the same words as the pattern it replaces, on random text', () => {
    const rng = mulberry32(11);
    const alphabet = ['a', 'B', 'z', '3', '_', '-', ' ', ' ', '\t', '\n', '(', ',', '.', 'é', '\u00a0'];
    for (let round = 0; round < 5000; round++) {
      const text = Array.from({ length: 1 + Math.floor(rng() * 40) }, () => pick(rng, alphabet)).join('') + ' ';
      const reach = 1 + Math.floor(rng() * 45);
      const m = RUN.exec(text.slice(Math.max(0, text.length - reach)));
      const expected = m ? m[0].trim().split(/\s+/) : [];
      expect({ text, reach, words: wordsBefore(text, text.length, reach, 7) }).toEqual({ text, reach, words: expected });
    }
  });

  it('stops at seven words, at punctuation and at a word that does not start with a letter', () => {
    const text = 'one two three four five six seven eight market';
    expect(wordsBefore(text, text.indexOf('market'), 160, 7)).toEqual(['two', 'three', 'four', 'five', 'six', 'seven', 'eight']);
    const before = (t: string) => wordsBefore(t, t.indexOf('market'), 160, 7);
    expect(before('Sales (smart glass market')).toEqual(['smart', 'glass']);
    expect(before('the 3D-printed glass market')).toEqual(['glass']);
  });
});

describe('the market of a report without a title naming it', () => {
  it('is the phrase before "market" that recurs most', () => {
    const ctx = contextOf('Overview\n\nThe smart glass market is growing.\n\nThe smart glass market grew 5% in 2024.\n\nThe used car market is small.\n');
    expect(ctx.doc.metadata.market).toBe('smart glass');
  });

  it('counts the written forms of one name together', () => {
    const ctx = contextOf('Overview\n\nThe global smart glass market is growing.\n\nThe Smart Glass market grew 5%.\n\nThe used car market is small.\n');
    expect(ctx.doc.metadata.market).toBe('smart glass');
  });

  it('is unknown when no phrase recurs', () => {
    const ctx = contextOf('Overview\n\nThe smart glass market is growing.\n\nThe used car market is small.\n');
    expect(ctx.doc.metadata.market).toBeNull();
  });
});
