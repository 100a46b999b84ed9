import { z } from 'zod';
import type { SourceView } from '../claims/source-view.js';
import { marketKey } from './market-key.js';
import { bandKeys, similarity, textSignature } from './minhash.js';
import { marketWords } from './normalise.js';
import { normalisedBlock } from './template-text.js';
import { UnionFind } from './union-find.js';

/**
 * Copies of one page: a press release syndicated to mirror sites, or the same page fetched under
 * several addresses. Each source keeps a compact key — its market, a MinHash signature of its
 * running text and its figures — and copies are found by bucketing keys (LSH bands of the
 * signature, and the exact set of figures), never by comparing every pair.
 */
export const CopyKeySchema = z.object({
  market: z.string().nullable(),
  /** MinHash of the word 4-grams of the page's running text (numbers and the market's name masked). */
  sig: z.string().length(128),
  /** How many shingles the signature covers: with two signatures' similarity it gives their overlap. */
  shingles: z.number().int().min(0),
  /** The page's figures as short keys ("size 2024 5.1e9", "cagr 2024-2030 14.2", "share region:eu 31"), sorted. */
  figures: z.array(z.string()).max(24),
});
export type CopyKey = z.infer<typeof CopyKeySchema>;

/** Running text: blocks of at least this many characters (menus, labels and captions are shorter). */
const MIN_BLOCK_CHARS = 40;
/** Text read per page: enough to tell copies apart, and a bound on hostile pages. */
const MAX_TEXT_CHARS = 60_000;
const MAX_FIGURES = 24;

/** A figure as a key that copies share whatever their wording: 3 significant digits. */
const sig3 = (n: number) => Number(n.toPrecision(3)).toExponential();

function figureKeys(ctx: SourceView): string[] {
  const out = new Set<string>();
  for (const s of ctx.claims.sizes) if (s.subject.kind === 'market' && s.year !== null) out.add(`size ${s.year} ${s.currency} ${sig3(s.value.value)}`);
  for (const g of ctx.claims.growth) if (g.subject.kind === 'market') out.add(`cagr ${g.period.from ?? ''}-${g.period.to ?? ''} ${g.rate.value}`);
  for (const s of ctx.claims.shares) if (s.role === 'segment') out.add(`share ${s.segmentKey} ${s.share.value}`);
  return [...out].sort().slice(0, MAX_FIGURES);
}

// Keys are computed once per document, however many cross-source rules carry one.
const keys = new WeakMap<object, CopyKey>();

export function copyKey(ctx: SourceView): CopyKey {
  const known = keys.get(ctx.doc);
  if (known) return known;
  const market = marketWords(ctx.doc.metadata.market);
  const scope = market === null ? '' : market.join(' ');
  const parts: string[] = [];
  let chars = 0;
  let words = 0;
  for (const b of ctx.doc.blocks) {
    if (b.kind === 'heading' || b.text.length < MIN_BLOCK_CHARS) continue;
    const normal = normalisedBlock(b.text, market, scope);
    if (normal.words === 0) continue;
    parts.push(normal.text);
    words += normal.words;
    chars += normal.text.length + 1;
    if (chars >= MAX_TEXT_CHARS) break;
  }
  const key: CopyKey = {
    market: marketKey(ctx.doc.metadata.market, ctx.doc.metadata.title),
    sig: textSignature(parts.join(' ')),
    shingles: Math.max(0, words - 3),
    figures: figureKeys(ctx),
  };
  keys.set(ctx.doc, key);
  return key;
}

export interface CopyOptions {
  /** Share of the shorter page's text found in the other for "the same text". */
  sameText: number;
  /** Share of the shorter page's text for "the same figures and most of the same sentences". */
  sameFiguresText: number;
  /** Figures two pages must both give for the figures to count as "the same". */
  minFigures: number;
}

export const COPY_DEFAULTS: CopyOptions = { sameText: 0.7, sameFiguresText: 0.5, minFigures: 3 };

/** Pages shorter than this (in shingles) carry too little text to call copies by it. */
const MIN_SHINGLES = 20;
/** A page more than this many times longer than another is not a copy of it with a wrapper. */
const MAX_LENGTH_RATIO = 3;

/** The share of the shorter text's shingles found in the longer one, from the Jaccard estimate: |A∩B| = J(|A|+|B|)/(1+J). */
export function containment(a: Pick<CopyKey, 'sig' | 'shingles'>, b: Pick<CopyKey, 'sig' | 'shingles'>): number {
  const j = similarity(a.sig, b.sig);
  const smaller = Math.min(a.shingles, b.shingles);
  if (smaller === 0) return 0;
  return Math.min(1, (j * (a.shingles + b.shingles)) / ((1 + j) * smaller));
}

function sharedFigures(a: readonly string[], b: readonly string[]): { shared: number; jaccard: number } {
  const set = new Set(a);
  const shared = b.filter((f) => set.has(f)).length;
  const union = a.length + b.length - shared;
  return { shared, jaccard: union === 0 ? 0 : shared / union };
}

/**
 * Two pages are copies when they are on the same market (or one names none) and have the same
 * text (nearly all of the shorter one's shingles in the other, their figures not at odds), or the
 * same figures and most of the same text.
 */
export function areCopies(a: CopyKey, b: CopyKey, options: CopyOptions = COPY_DEFAULTS): boolean {
  if (a.market !== null && b.market !== null && a.market !== b.market) return false;
  const [short, long] = a.shingles <= b.shingles ? [a, b] : [b, a];
  if (short.shingles < MIN_SHINGLES || long.shingles > MAX_LENGTH_RATIO * short.shingles) return false;
  const c = containment(a, b);
  const both = Math.min(a.figures.length, b.figures.length);
  const figures = sharedFigures(a.figures, b.figures);
  // Text is compared with its numbers masked: pages that both give figures must share some of them.
  const figuresAgree = both === 0 || figures.shared >= Math.max(1, both / 2);
  if (c >= options.sameText && figuresAgree) return true;
  return both >= options.minFigures && figures.jaccard >= 0.8 && c >= options.sameFiguresText;
}

/**
 * Copies with a wrapper each, or one inside a page twice its length, share half their shingles or
 * less: bands of two slots put such pairs in a common bucket (at a Jaccard similarity of 0.5, 99 times
 * in 100), where the paragraphs' bands of four would miss half of them.
 */
const COPY_BANDS = 16;

/** Candidates compared per bucket: the latest few members of it (copies arrive together in a bucket, so a few suffice). */
const PER_BUCKET = 12;

/**
 * Groups of copies among `keys` (indices, each group sorted, groups of two or more in order of
 * their first member). Near-linear: each key is compared only with a few earlier keys that share
 * one of its buckets (a band of its signature, or its exact set of figures). A group never spans
 * two known markets, so a page that quotes two releases does not join them.
 */
export function groupCopies(keys: ReadonlyArray<CopyKey | null>, options: CopyOptions = COPY_DEFAULTS): number[][] {
  const uf = new UnionFind(keys.length);
  const marketOf = new Map<number, string | null>();
  const buckets = new Map<string, number[]>();
  keys.forEach((key, i) => {
    if (!key || key.shingles < MIN_SHINGLES) return;
    marketOf.set(i, key.market);
    const mine = bandKeys(key.sig, COPY_BANDS);
    if (key.figures.length >= options.minFigures) mine.push(`figures:${key.figures.join('|')}`);
    const seen = new Set<number>();
    for (const k of mine) {
      const bucket = buckets.get(k);
      if (!bucket) {
        buckets.set(k, [i]);
        continue;
      }
      for (let n = bucket.length - 1; n >= 0 && n >= bucket.length - PER_BUCKET; n--) {
        const j = bucket[n];
        if (seen.has(j)) continue;
        seen.add(j);
        const [ri, rj] = [uf.find(i), uf.find(j)];
        if (ri === rj) continue;
        const [mi, mj] = [marketOf.get(ri) ?? null, marketOf.get(rj) ?? null];
        if (mi !== null && mj !== null && mi !== mj) continue;
        if (!areCopies(key, keys[j]!, options)) continue;
        uf.union(ri, rj);
        marketOf.set(uf.find(i), mi ?? mj);
      }
      bucket.push(i);
    }
  });
  return uf.groups();
}

/**
 * One member of each group of copies, so that copies count once where independence matters:
 * the members (in their order) with every copy but the first of its group left out.
 */
export function oneOfEachCopy<M>(members: readonly M[], keyOf: (m: M) => CopyKey | null | undefined): M[] {
  const groups = groupCopies(members.map((m) => keyOf(m) ?? null));
  const dropped = new Set(groups.flatMap((g) => g.slice(1)));
  return members.filter((_, i) => !dropped.has(i));
}
