import type { CopyKey } from './copies.js';
import type { Figure, FiguresFingerprint } from './figures.js';
import { distinct, type Member } from './members.js';
import { UnionFind } from './union-find.js';

export interface FiguresMatchOptions {
  /** Named figures (segment and value) two breakdowns must share. */
  minShared: number;
  /** Values two breakdowns must share when the segments are named differently. */
  minSharedValues: number;
}

/** What matching keeps of a fingerprint: segments and values, no evidence. */
export interface FiguresLean {
  publisher: string | null;
  market: string | null;
  breakdowns: Array<{ dimension: string; figures: Array<Pick<Figure, 'key' | 'label' | 'value'>> }>;
  copy: CopyKey | null;
}

export function leanFigures(fp: FiguresFingerprint): FiguresLean {
  return {
    publisher: fp.publisher,
    market: fp.market,
    breakdowns: fp.breakdowns.map((b) => ({ dimension: b.dimension, figures: b.figures.map(({ key, label, value }) => ({ key, label, value })) })),
    copy: fp.copy ?? null,
  };
}

/** Where a member states a figure: breakdown and figure index in its fingerprint. */
export interface FigureHolder {
  member: number;
  breakdown: number;
  index: number;
}

export interface FiguresGroup {
  members: number[];
  dimension: string;
  /** Figures ("segment=value") found in two or more members, in the order first seen. */
  figures: Array<{ key: string; label: string; value: number; holders: FigureHolder[] }>;
}

/** The k-subsets of a sorted list (k ≤ 3 here, lists ≤ 12 long). */
function combinations<T>(items: readonly T[], k: number): T[][] {
  const out: T[][] = [];
  const pick = (start: number, acc: T[]) => {
    if (acc.length === k) {
      out.push([...acc]);
      return;
    }
    for (let i = start; i < items.length; i++) pick(i + 1, [...acc, items[i]]);
  };
  pick(0, []);
  return out;
}

type SharedFigure = FiguresGroup['figures'][number];

function collect<K>(map: Map<K, SharedFigure>, key: K, figure: Pick<Figure, 'key' | 'label' | 'value'>, holder: FigureHolder): void {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = { key: figure.key, label: figure.label, value: figure.value, holders: [] }));
  if (!entry.holders.some((h) => h.member === holder.member)) entry.holders.push(holder);
}

const figureKey = (f: Pick<Figure, 'key' | 'value'>) => `${f.key}=${f.value}`;

/**
 * Group sources that give the same set of figures for a breakdown although they cover different
 * markets: the same `minShared` named figures (e.g. North America 42%, Europe 31%), or the same
 * `minSharedValues` values under other names. Every combination of that many figures is a key, so
 * sources are linked in one pass however many there are, never pair by pair.
 */
export function findRecycledFigures(members: ReadonlyArray<Member<FiguresLean>>, options: FiguresMatchOptions): FiguresGroup[] {
  const byCombo = new Map<string, Set<number>>();
  const note = (key: string, member: number) => {
    const set = byCombo.get(key) ?? new Set<number>();
    set.add(member);
    byCombo.set(key, set);
  };
  members.forEach((m, i) => {
    for (const b of m.fp.breakdowns) {
      const named = [...new Set(b.figures.map(figureKey))].sort();
      for (const combo of combinations(named, options.minShared)) note(`${b.dimension}|n|${combo.join('|')}`, i);
      const values = [...new Set(b.figures.map((f) => f.value))].sort((x, y) => x - y);
      if (values.length >= options.minSharedValues)
        for (const combo of combinations(values, options.minSharedValues)) note(`${b.dimension}|v|${combo.join('|')}`, i);
    }
  });

  // Link only sources on different (known) markets: the same figures twice for one market are
  // consistent, not recycled.
  const ufByDimension = new Map<string, UnionFind>();
  for (const [key, set] of byCombo) {
    const holders = [...set].filter((h) => members[h].fp.market !== null);
    if (holders.length < 2 || distinct(holders.map((h) => members[h].fp.market)).length < 2) continue;
    const dimension = key.slice(0, key.indexOf('|'));
    let uf = ufByDimension.get(dimension);
    if (!uf) ufByDimension.set(dimension, (uf = new UnionFind(members.length)));
    for (const h of holders.slice(1)) uf.union(holders[0], h);
  }

  const groups: FiguresGroup[] = [];
  for (const [dimension, uf] of [...ufByDimension.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    for (const group of uf.groups()) {
      const named = new Map<string, SharedFigure>();
      const byValue = new Map<number, SharedFigure>();
      for (const m of group) {
        members[m].fp.breakdowns.forEach((b, breakdown) => {
          if (b.dimension !== dimension) return;
          b.figures.forEach((f, index) => {
            collect(named, figureKey(f), f, { member: m, breakdown, index });
            collect(byValue, f.value, f, { member: m, breakdown, index });
          });
        });
      }
      // Named figures when the group shares enough of them, else the values they share under other names.
      let figures = [...named.values()].filter((f) => f.holders.length > 1);
      if (figures.length < options.minShared) figures = [...byValue.values()].filter((f) => f.holders.length > 1);
      if (figures.length === 0) continue;
      groups.push({ members: group, dimension, figures });
    }
  }
  return groups;
}
