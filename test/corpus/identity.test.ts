import { areCopies, groupCopies, type CopyKey } from '../../src/corpus/copies.js';
import { textSignature } from '../../src/corpus/minhash.js';
import { boilerplateName, publisherId, sourcePublisher } from '../../src/corpus/publisher.js';
import { canonicalCopy } from '../../src/corpus/source-identity.js';
import { contextOf } from '../helpers/harness.js';

const html = (head: string, body: string) =>
  `<html><head><title>Valve Market</title>${head}</head><body><h1>Valve Market</h1><p>Valves are sold worldwide.</p>${body}</body></html>`;
const publisher = (text: string) => sourcePublisher(contextOf(text, 'page.html'));

describe('the publisher of a source', () => {
  it('is the site its canonical link names, before anything its links say', () => {
    const p = publisher(
      html('<link rel="canonical" href="https://www.alpha.example/valves">', '<a href="https://beta.example/a">a</a> <a href="https://beta.example/b">b</a>'),
    );
    expect(p).toMatchObject({ host: 'alpha.example', id: 'alpha', via: 'canonical', canonical: 'https://www.alpha.example/valves' });
  });

  it('reads og:url and og:site_name when there is no canonical link', () => {
    const p = publisher(html('<meta property="og:url" content="https://news.gamma.example/r/1"><meta property="og:site_name" content="Gamma Wire">', ''));
    expect(p).toMatchObject({ host: 'news.gamma.example', id: 'gamma', name: 'Gamma Wire (news.gamma.example)' });
  });

  it('else follows its tracking links (unwrapping redirects) over links it merely has most of', () => {
    const share = '<a href="https://share.example/1">s</a> <a href="https://share.example/2">s</a> <a href="https://share.example/3">s</a>';
    expect(publisher(html('', `${share} <a href="https://delta.example/buy?utm_source=wire">Buy</a>`))).toMatchObject({
      host: 'delta.example',
      via: 'tracking',
    });
    const redirect = '<a href="https://click.example/r?url=https%3A%2F%2Fepsilon.example%2Fsample&amp;utm_campaign=x">Sample</a>';
    expect(publisher(html('', `${share} ${redirect}`))).toMatchObject({ host: 'epsilon.example', via: 'tracking' });
  });

  it('else the site it links most, unless a linked site bears the name its boilerplate gives', () => {
    const share = '<a href="https://share.example/1">s</a> <a href="https://share.example/2">s</a>';
    expect(publisher(html('', `${share} <a href="https://zeta.example/">z</a>`))).toMatchObject({ host: 'share.example', via: 'links' });
    const own = `${share} <a href="https://zeta-research.example/">z</a><p>© 2024 Zeta Research. All rights reserved.</p>`;
    expect(publisher(html('', own))).toMatchObject({ host: 'zeta-research.example', name: 'Zeta Research (zeta-research.example)' });
  });

  it('else the name its boilerplate gives, else unknown', () => {
    const text = 'Valve Market Report\n\nValves are sold worldwide.\n\n© 2024 Eta Analytics Pvt Ltd. All Rights Reserved.\n';
    expect(publisher(text)).toMatchObject({ host: null, name: 'Eta Analytics Pvt Ltd', id: 'etaanalytics', via: 'boilerplate' });
    expect(publisher('Valve Market Report\n\nValves are sold worldwide.\n')).toEqual({ id: null, name: null, host: null, via: null, canonical: null });
  });

  it('reads "About X" headings, not "About us" or "About the author"', () => {
    const blocks = (texts: string[]) => texts.map((text, index) => ({ text, index }) as never);
    expect(boilerplateName(blocks(['About us', 'About the author', 'About The Theta Group:']))).toBe('The Theta Group');
    expect(boilerplateName(blocks(['About Us', 'Copyright © 2021-2024 Iota Insights. All rights reserved.']))).toBe('Iota Insights');
    expect(boilerplateName(blocks(['About this report, download a sample', '© All rights reserved', '© 2025']))).toBeNull();
    expect(boilerplateName(blocks(['© 2025 wire-a.example. All rights reserved.']))).toBe('wire-a.example');
    expect(boilerplateName(blocks(['Copyright 2024 by Kappa Data Inc. All Rights Reserved']))).toBe('Kappa Data Inc');
  });

  it('compares publishers by registered name', () => {
    expect(publisherId('reports.alpha.co.uk', null)).toBe('alpha');
    expect(publisherId('alpha.com', 'Other Name')).toBe('alpha');
    expect(publisherId(null, 'P&S Intelligence Ltd')).toBe('psintelligence');
  });

  it('reads hostile boilerplate in linear time', () => {
    const hostile = `© ${'Aa '.repeat(50_000)}`;
    expect(boilerplateName([{ text: hostile, index: 0 } as never])).not.toBeNull();
  });
});

/** A made-up page's words: a seeded stream, so pages differ and runs agree. */
function words(seed: number, n: number): string[] {
  let x = seed * 2654435761;
  return Array.from({ length: n }, () => {
    x = (Math.imul(x ^ (x >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    return `w${x % 5000}`;
  });
}

function key(text: string[], market: string | null, figures: string[] = []): CopyKey {
  return { market, sig: textSignature(text.join(' ')), shingles: text.length - 3, figures };
}

describe('copies', () => {
  const mirrored = (wrapper: number, figures: (p: number) => string[]) => {
    const keys: CopyKey[] = [];
    for (let copy = 0; copy < 20; copy++) {
      for (let p = 0; p < 100; p++) {
        const text = [...words(10_000 + copy * 131 + p, wrapper), ...words(p, 300), ...words(20_000 + copy * 977 + p, wrapper)];
        keys.push(key(text, `market ${p % 30}`, figures(p)));
      }
    }
    return groupCopies(keys);
  };
  const expectEveryRelease = (groups: number[][]) => {
    expect(groups).toHaveLength(100);
    for (const g of groups) {
      expect(g).toHaveLength(20);
      expect(new Set(g.map((i) => i % 100)).size).toBe(1);
    }
  };

  it('are grouped by bucket: 2,000 pages, 100 releases of 20 copies each in their own wrappers', () => {
    expectEveryRelease(mirrored(15, () => []));
  });

  it('are grouped by their figures when the wrappers are heavy (a fifth of each page its own)', () => {
    expectEveryRelease(mirrored(40, (p) => [`size 2024 ${p + 1}e+8`, `size 2030 ${p + 2}e+8`, `cagr 2024-2030 ${p % 20}`]));
  });

  it('never join pages on two known markets, even through a page that holds both', () => {
    const one = words(1, 200);
    const two = words(2, 200);
    // A digest quoting both releases, on no market of its own, contains each.
    const digest = key([...one, ...two], null);
    expect(areCopies(key(one, 'a'), digest)).toBe(true);
    expect(groupCopies([key(one, 'a'), digest, key(two, 'b')])).toEqual([[0, 1]]);
    expect(groupCopies([key(one, 'a'), key(one, null), key(one, 'b')])).toEqual([[0, 1]]);
  });

  it('need the same figures when the text is only partly the same', () => {
    const body = words(3, 200);
    const half = [...body.slice(0, 130), ...words(4, 70)];
    const figures = ['cagr 2024-2030 12.5', 'size 2024 4.12e+8', 'size 2030 8.4e+8'];
    expect(areCopies(key(body, 'm', figures), key(half, 'm', figures))).toBe(true);
    expect(areCopies(key(body, 'm'), key(half, 'm'))).toBe(false);
    expect(areCopies(key(body, 'm', figures), key(half, 'm', ['size 2024 5e+8', ...figures.slice(0, 2)]))).toBe(false);
  });

  it('name the original: the address most copies declare canonical, else the earliest, else the first', () => {
    expect(
      canonicalCopy([
        { canonical: 'https://a.example/1', published: null },
        { canonical: 'https://o.example/r', published: null },
        { canonical: 'https://o.example/r', published: null },
      ]),
    ).toMatchObject({ index: 1 });
    expect(
      canonicalCopy([
        { canonical: null, published: '2024-05-02' },
        { canonical: null, published: '2024-05-01' },
      ]),
    ).toEqual({ index: 1, why: 'published first, on 2024-05-01' });
    expect(
      canonicalCopy([
        { canonical: null, published: null },
        { canonical: null, published: null },
      ]).index,
    ).toBe(0);
  });
});
