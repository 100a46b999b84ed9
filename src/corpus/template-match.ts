import type { CopyKey } from './copies.js';
import { hasDifferentPair, type Member } from './members.js';
import { clusterSignatures } from './minhash.js';
import type { TemplateFingerprint } from './template.js';
import { UnionFind } from './union-find.js';

export interface TemplateMatchOptions {
  /** A shared run of lists with at least this many entries links two sources by itself. */
  minListEntries: number;
  /** Words of identical or near-identical text two sources must share to be linked. */
  minSharedWords: number;
  /** Estimated Jaccard similarity of word shingles above which two paragraphs are "near-identical". */
  similarity: number;
  /** A passage held by more sources than this is not counted pair by pair (common boilerplate). */
  maxPairwise: number;
}

/** What matching keeps of a fingerprint: hashes and sizes, no evidence. */
export interface TemplateLean {
  publisher: string | null;
  market: string | null;
  passages: Array<{ kind: 'list' | 'text'; hash: string; size: number }>;
  paragraphs: Array<{ sig: string; size: number }>;
  copy: CopyKey | null;
}

export function leanTemplate(fp: TemplateFingerprint): TemplateLean {
  return {
    publisher: fp.publisher,
    market: fp.market,
    passages: fp.passages.map(({ kind, hash, size }) => ({ kind, hash, size })),
    paragraphs: fp.paragraphs.map(({ sig, size }) => ({ sig, size })),
    copy: fp.copy ?? null,
  };
}

export type SharedKind = 'list' | 'text' | 'paragraph';

/** Where a source has a shared passage: its index among the fingerprint's passages or paragraphs. */
export interface Holder {
  member: number;
  paragraph: boolean;
  index: number;
}

/** One passage (or cluster of near-identical paragraphs) and the sources that have it. */
export interface Shared {
  kind: SharedKind;
  size: number;
  holders: Holder[];
}

export interface TemplateGroup {
  members: number[];
  /** Passages held by two or more members, largest first. */
  shared: Shared[];
}

const weight = (s: Pick<Shared, 'kind' | 'size'>) => (s.kind === 'list' ? s.size * 4 : s.size);

/** Every passage held by two or more sources, keyed by hash (lists, lines) or by near-duplicate cluster (paragraphs). */
function sharedPassages(members: ReadonlyArray<Member<TemplateLean>>, similarity: number): Shared[] {
  const byKey = new Map<string, Shared>();
  const add = (key: string, kind: SharedKind, size: number, holder: Holder) => {
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { kind, size, holders: [] }));
    if (s.holders[s.holders.length - 1]?.member === holder.member) return;
    s.size = Math.min(s.size, size);
    s.holders.push(holder);
  };
  members.forEach((m, member) => {
    m.fp.passages.forEach((p, index) => add(`${p.kind}:${p.hash}`, p.kind, p.size, { member, paragraph: false, index }));
  });
  const paragraphs = members.flatMap((m, member) => m.fp.paragraphs.map((p, index) => ({ member, index, p })));
  const clusters = clusterSignatures(
    paragraphs.map((x) => x.p.sig),
    similarity,
  );
  paragraphs.forEach((x, j) => add(`paragraph:${clusters[j]}`, 'paragraph', x.p.size, { member: x.member, paragraph: true, index: x.index }));
  return [...byKey.values()].filter((s) => s.holders.length > 1);
}

/**
 * Group sources that share boilerplate: a long enough list run, or enough words of identical or
 * near-identical text, links two sources; linked sources form groups (connected components). A
 * group is kept only if some of its members come from different publishers or cover different
 * markets: two copies of one report are not a template.
 */
export function findTemplateGroups(members: ReadonlyArray<Member<TemplateLean>>, options: TemplateMatchOptions): TemplateGroup[] {
  const shared = sharedPassages(members, options.similarity);
  const uf = new UnionFind(members.length);
  const pairWords = new Map<number, number>();
  for (const s of shared) {
    const alone = s.kind === 'list' ? s.size >= options.minListEntries : s.size >= options.minSharedWords;
    const holders = s.holders.map((h) => h.member);
    if (alone) {
      for (let k = 1; k < holders.length; k++) uf.union(holders[0], holders[k]);
    } else if (s.kind !== 'list' && holders.length <= options.maxPairwise) {
      for (let a = 0; a < holders.length; a++) {
        for (let b = a + 1; b < holders.length; b++) {
          const key = holders[a] * members.length + holders[b];
          const w = (pairWords.get(key) ?? 0) + s.size;
          pairWords.set(key, w);
          if (w >= options.minSharedWords) uf.union(holders[a], holders[b]);
        }
      }
    }
  }

  const groups: TemplateGroup[] = [];
  for (const group of uf.groups()) {
    if (!hasDifferentPair(group.map((i) => members[i]))) continue;
    const inGroup = new Set(group);
    const mine = shared
      .map((s) => ({ ...s, holders: s.holders.filter((h) => inGroup.has(h.member)) }))
      .filter((s) => s.holders.length > 1)
      .sort((a, b) => weight(b) - weight(a) || a.holders[0].member - b.holders[0].member);
    groups.push({ members: group, shared: mine });
  }
  return groups;
}
