import { createHash } from 'node:crypto';
import { mulberry32, pick, type Rng } from '../../src/bench/prng.js';
import { clip, clipJoined } from '../../src/corpus/evidence.js';
import { fnv1a, mix32, passageHash } from '../../src/corpus/hash.js';
import { signature, textSignature } from '../../src/corpus/minhash.js';
import { marketWords, templateWords } from '../../src/corpus/normalise.js';
import { templateText } from '../../src/corpus/template-text.js';

// The fingerprint's fast paths must give exactly what their plain definitions give: fingerprints
// from older runs and other shards are compared with new ones. Each is checked against the
// definition on a few thousand generated strings built to hit the edge cases.

/** Pieces that exercise the tokeniser: case, numbers with separators, punctuation, non-ASCII. */
const PIECES = [
  'Widget',
  'widget',
  'WIDGET',
  'market',
  'Market',
  'a',
  'A',
  'g',
  '5',
  '5g',
  'G5',
  '12',
  '1.5',
  '1,234.56',
  '3.',
  ',7',
  '1..2',
  '1,,2',
  '2030',
  ' ',
  ' ',
  ' ',
  '  ',
  '\t',
  '\n',
  '.',
  ',',
  '-',
  '/',
  '(',
  ')',
  ':',
  '%',
  '$',
  '|',
  '#',
  '’',
  '“',
  '”',
  '–',
  '—',
  '\u00a0',
  '\u2009',
  '€',
  '®',
  '•',
  '…',
  'café',
  'İstanbul',
  'straße',
  'ΣΟΦΟΣ',
  '\u212a',
  '½',
  '²',
  'Ⅻ',
  'Ⓐ',
  '\u0301',
  '😀',
  '𝐀',
  '\ud800',
];

function generated(rng: Rng, asciiOnly: boolean): string {
  // eslint-disable-next-line no-control-regex -- all of ASCII
  const pieces = asciiOnly ? PIECES.filter((p) => /^[\x00-\x7f]*$/.test(p)) : PIECES;
  return Array.from({ length: Math.floor(rng() * 40) }, () => pick(rng, pieces)).join(rng() < 0.5 ? ' ' : '');
}

const MARKETS = [null, 'Widget', 'widget market', '5G', 'a', '1.5T MRI', 'Café Equipment', 'market market', 'g 5'];

describe('templateText is templateWords joined', () => {
  const rng = mulberry32(7);
  const cases = Array.from({ length: 4000 }, (_, i) => ({
    text: generated(rng, i % 2 === 0),
    market: marketWords(pick(rng, MARKETS)),
    max: pick(rng, [5, 40, 600, 1500, 4000]),
  }));

  it('on generated text, with and without a market name, cut at any length', () => {
    for (const { text, market, max } of cases) {
      const words = templateWords(text.slice(0, max), market);
      expect({ text, max, got: templateText(text, market, max) }).toEqual({ text, max, got: { text: words.join(' '), words: words.length } });
    }
  });

  it('reads numbers, case, the market name and non-ASCII letters as the definition does', () => {
    const widget = marketWords('Widget Market');
    expect(templateText('The WIDGET market grew 12.5% to 1,234 units in 2030.', widget).text).toBe('the mkt grew # to # units in #');
    expect(templateText('5G networks: 5g, G5 and 3.x', marketWords('5G')).text).toBe('mkt networks mkt g5 and # x');
    // A near miss of the market name is left alone.
    expect(templateText('The widget markets', widget).text).toBe('the widget markets');
    // Non-ASCII letters are letters; typographic quotes and dashes separate words.
    expect(templateText('Café—équipement’s share', null).text).toBe('café équipement s share');
    expect(templateText('\u212aelvin', null).text).toBe('kelvin');
  });

  it('stops at 4,000 characters whatever the limit asked for', () => {
    const long = 'word '.repeat(1000) + 'tail';
    expect(templateText(long, null, 10_000).words).toBe(800);
  });
});

// The signature as first written: MinHash over fnv1a-combined 4-gram hashes, mix32 per seed.
function referenceSignature(words: readonly string[]): string {
  const rotl = (x: number, r: number) => ((x << r) | (x >>> (32 - r))) >>> 0;
  const h = words.map(fnv1a);
  const hashes =
    h.length < 4
      ? [mix32(h.reduce((a, x, i) => a ^ rotl(x, i * 7), 0))]
      : h.slice(3).map((_, i) => mix32(h[i] ^ rotl(h[i + 1], 7) ^ rotl(h[i + 2], 14) ^ rotl(h[i + 3], 21)));
  let out = '';
  for (let i = 0; i < 32; i++) {
    const seed = mix32(0x9e3779b9 * (i + 1));
    let min = 0xffffffff;
    for (const x of hashes) min = Math.min(min, mix32(x ^ seed));
    out += (min >>> 16).toString(16).padStart(4, '0');
  }
  return out;
}

describe('MinHash signatures', () => {
  const rng = mulberry32(11);
  const vocabulary = ['the', 'market', 'mkt', '#', 'growth', 'of', 'a', 'café', 'region', 'and', 'demand', 'x'];
  const lists = Array.from({ length: 300 }, () => Array.from({ length: Math.floor(rng() * 300) }, () => pick(rng, vocabulary)));

  it('match the definition for 0 to 300 words, from words or from their joined text', () => {
    for (const words of [...lists, [], ['one'], ['a', 'b', 'c']]) {
      const expected = referenceSignature(words);
      expect(signature(words)).toBe(expected);
      expect(textSignature(words.join(' '))).toBe(expected);
    }
    // Empty words between two spaces count, as split(' ') gives them.
    expect(textSignature('a  b   c d')).toBe(referenceSignature(['a', '', 'b', '', '', 'c', 'd']));
  });

  it('differ when a word changes', () => {
    const words = lists.find((w) => w.length > 50)!;
    const changed = [...words];
    changed[20] = 'different';
    expect(textSignature(changed.join(' '))).not.toBe(textSignature(words.join(' ')));
  });
});

// clip as first written: collapse white space in the first max*4 characters, trim, cut.
function referenceClip(text: string, max: number): string {
  const t = text
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim();
  return t.length <= max ? t : t.slice(0, max - 1).trimEnd() + '…';
}

describe('quotes', () => {
  const rng = mulberry32(13);
  const parts = ['word', 'x', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\ufeff', '.', 'é', '😀'];
  const texts = Array.from({ length: 3000 }, () => Array.from({ length: Math.floor(rng() * 120) }, () => pick(rng, parts)).join(''));

  it('clip matches the definition at any length and white space', () => {
    for (const text of texts)
      for (const max of [1, 2, 5, 20, 80]) expect({ text, max, q: clip(text, max) }).toEqual({ text, max, q: referenceClip(text, max) });
  });

  it('clipJoined is clip of the whole join', () => {
    for (let i = 0; i + 5 < texts.length; i += 5) {
      const some = texts.slice(i, i + 1 + (i % 5));
      expect(clipJoined(some.length, (k) => some[k], ', ', 20)).toBe(referenceClip(some.join(', '), 20));
    }
  });

  it('clip cuts a long quote with an ellipsis, and leaves a short one whole', () => {
    expect(clip('The quick brown fox jumps over the lazy dog', 10)).toBe('The quick…');
    expect(clip('  short \n text ', 80)).toBe('short text');
  });
});

describe('passage hashes', () => {
  it('are the first 48 bits of SHA-1, as before', () => {
    for (const text of ['', 'the mkt market is segmented into # types', 'café | x']) {
      expect(passageHash(text)).toBe(createHash('sha1').update(text).digest('hex').slice(0, 12));
    }
    expect(passageHash('a b')).not.toBe(passageHash('a  b'));
  });
});
