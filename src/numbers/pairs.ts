import { z } from 'zod';

/**
 * Up to this many different figures for one subject (and year), every pair is compared; beyond it
 * each is compared with the first stated. A page that repeats its figures with variations then gets
 * one finding per variant instead of one per pair: a 5 MB page of recombined paragraphs had 97,797
 * pairs of market sizes, and its report ran to hundreds of megabytes.
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
