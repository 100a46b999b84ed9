import type { z } from 'zod';
import type { CorpusSource } from '../schema/corpus.js';

/**
 * A source taking part in a cross-source rule: the lean part of its fingerprint that matching
 * needs, and a way back to the whole fingerprint (evidence) for the few sources a finding cites.
 */
export interface Member<L, F = unknown> {
  source: string;
  name: string;
  fp: L;
  full(): F | null;
}

/**
 * Validate each source's fingerprint (it may come from another machine's shard, or an older
 * version); a source whose fingerprint does not fit is left out of the comparison. Only `lean(fp)`
 * is kept. Sorted by name so findings are the same whatever order shards are merged in.
 */
export function membersOf<S extends z.ZodType, L>(sources: readonly CorpusSource[], schema: S, lean: (fp: z.infer<S>) => L): Array<Member<L, z.infer<S>>> {
  const out: Array<Member<L, z.infer<S>>> = [];
  for (const s of sources) {
    const parsed = schema.safeParse(s.fingerprint);
    if (!parsed.success) continue;
    out.push({
      source: s.source,
      name: s.name,
      fp: lean(parsed.data),
      full: () => {
        const again = schema.safeParse(s.fingerprint);
        return again.success ? again.data : null;
      },
    });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.source < b.source ? -1 : 1));
}

/** Some two members differ: two or more distinct known publishers, or markets (linear, not pairwise). */
export function hasDifferentPair<F extends { publisher: string | null; market: string | null }>(members: ReadonlyArray<Pick<Member<F>, 'fp'>>): boolean {
  return distinct(members.map((m) => m.fp.publisher)).length > 1 || distinct(members.map((m) => m.fp.market)).length > 1;
}

/** "a, b, c and 4 more" */
export function listNames(names: readonly string[], max = 8): string {
  if (names.length <= max) return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** Distinct non-null values, in first-seen order. */
export function distinct(values: ReadonlyArray<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}
