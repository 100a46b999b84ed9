import { z } from 'zod';

/**
 * Up to this many different figures for one subject (and year), every pair is compared; beyond it
 * each is compared with the first stated, so the comparisons grow with the figures, not their pairs
 * (a 5 MB page of recombined paragraphs had 97,797 pairs of market sizes). Whatever their number,
 * the figures that contradict each other are one finding.
 */
export const maxAllPairsOption = z
  .number()
  .int()
  .min(2)
  .default(8)
  .describe('Up to this many different figures for one subject and year, every pair is compared; beyond it each is compared with the first stated.');

/** The pairs [i, j] (i < j) of n figures in document order to compare, as maxAllPairsOption says. */
export function* pairsToCompare(n: number, maxAllPairs: number): Generator<[number, number]> {
  const firsts = n > maxAllPairs ? 1 : n;
  for (let i = 0; i < firsts; i++) for (let j = i + 1; j < n; j++) yield [i, j];
}

/** The note a finding carries when its figure was compared with the first stated only. */
export function anchoredNote(n: number, maxAllPairs: number, what: string): string | null {
  return n > maxAllPairs ? `${n} different ${what}, each compared with the first stated` : null;
}

/** The figures of one subject (and year) that contradict each other, as one finding reports them. */
export interface Contradiction {
  /** Indices of the figures that contradict at least one other, in document order. */
  members: number[];
  /** The pair farthest apart, and how far: what the message quotes. */
  widest: { a: number; b: number; distance: number };
}

/**
 * The figures among n (in document order) that contradict another, compared as maxAllPairsOption
 * says; `distance` gives how far apart two figures are, or null when they agree. Null when none do.
 */
export function contradictionOf(n: number, maxAllPairs: number, distance: (i: number, j: number) => number | null): Contradiction | null {
  const involved = new Set<number>();
  let widest: Contradiction['widest'] | null = null;
  for (const [i, j] of pairsToCompare(n, maxAllPairs)) {
    const d = distance(i, j);
    if (d === null) continue;
    involved.add(i).add(j);
    if (!widest || d > widest.distance) widest = { a: i, b: j, distance: d };
  }
  return widest ? { members: [...involved].sort((x, y) => x - y), widest } : null;
}
