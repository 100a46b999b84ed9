// Sentence boundaries with offsets into their block, the same whether or not the block was seen before.
import { setBlockCaching } from '../../src/cache/block-cache.js';
import { splitAll, splitSentences } from '../../src/parse/sentences.js';

const texts = (block: { index: number; text: string }) => splitSentences(block).map((s) => s.text);

describe('splitSentences', () => {
  afterEach(() => setBlockCaching(true));

  it('ends a sentence at . ! or ? before white space, not after an abbreviation or before a lower-case word', () => {
    const text = 'The U.S. market grew 5% vs. 2023, led by Acme Inc. in Ohio. Sales rose! did they? Yes (mostly). Next';
    expect(texts({ index: 0, text })).toEqual([
      'The U.S. market grew 5% vs. 2023, led by Acme Inc. in Ohio.',
      'Sales rose! did they?',
      'Yes (mostly).',
      'Next',
    ]);
  });

  it('gives offsets into the block, without the white space around a sentence', () => {
    const text = '  First one.   Second one.  ';
    const found = splitSentences({ index: 4, text });
    expect(found.map((s) => [s.block, s.from, s.to, text.slice(s.from, s.to)])).toEqual([
      [4, 2, 12, 'First one.'],
      [4, 15, 26, 'Second one.'],
    ]);
  });

  it('cuts a run with no punctuation into pieces of at most 4,000 characters', () => {
    const text = 'word '.repeat(1700).trim();
    const lengths = splitSentences({ index: 0, text }).map((s) => s.text.length);
    expect(lengths.every((n) => n <= 4000)).toBe(true);
    expect(lengths.reduce((a, b) => a + b, 0) + 1).toBeGreaterThanOrEqual(text.length - 1);
  });

  it('gives a repeated block its own index and the same sentences as the first time, cached or not', () => {
    const text = 'Europe held 30%. Asia held 25%.';
    const blocks = [
      { index: 0, text },
      { index: 1, text: 'Between.' },
      { index: 2, text },
    ];
    const cached = splitAll(blocks);
    setBlockCaching(false);
    const uncached = splitAll(blocks);
    expect(cached).toEqual(uncached);
    expect(cached.map((s) => [s.block, s.from, s.text])).toEqual([
      [0, 0, 'Europe held 30%.'],
      [0, 17, 'Asia held 25%.'],
      [1, 0, 'Between.'],
      [2, 0, 'Europe held 30%.'],
      [2, 17, 'Asia held 25%.'],
    ]);
  });
});
