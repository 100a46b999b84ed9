import type { PublisherSummary } from '../schema/result.js';
import { median } from './consensus.js';
import type { Publisher } from './publisher.js';

/** What the publishers' table reads of one source. */
export interface PublishedSource {
  source: string;
  publisher: Publisher | null;
  /** Null for a source that could not be audited. */
  score: number | null;
  errors: number;
  /** The family of each of its findings. */
  families: readonly string[];
}

/**
 * The run's sources by publisher (sources whose publisher is unknown together, last): their median
 * score, findings by family, share with errors, and how often template reuse names them. Publishers
 * with the most sources first.
 */
export function summarisePublishers(sources: readonly PublishedSource[], templateFindings: ReadonlyArray<{ sources: readonly string[] }>): PublisherSummary[] {
  const byId = new Map<string | null, { names: Map<string, number>; members: PublishedSource[] }>();
  for (const s of sources) {
    const id = s.publisher?.id ?? null;
    let entry = byId.get(id);
    if (!entry) byId.set(id, (entry = { names: new Map(), members: [] }));
    entry.members.push(s);
    const name = s.publisher?.name;
    if (name) entry.names.set(name, (entry.names.get(name) ?? 0) + 1);
  }
  // Each template finding, counted once for every publisher whose sources it names.
  const idOf = new Map(sources.map((s) => [s.source, s.publisher?.id ?? null]));
  const reused = new Set<string>();
  const findingsOf = new Map<string | null, number>();
  for (const f of templateFindings) {
    const ids = new Set<string | null>();
    for (const src of f.sources) {
      if (!idOf.has(src)) continue;
      reused.add(src);
      ids.add(idOf.get(src)!);
    }
    for (const id of ids) findingsOf.set(id, (findingsOf.get(id) ?? 0) + 1);
  }

  const out: PublisherSummary[] = [];
  for (const [id, { names, members }] of byId) {
    const audited = members.filter((m) => m.score !== null);
    const families: Record<string, number> = {};
    for (const m of members) for (const f of m.families) families[f] = (families[f] ?? 0) + 1;
    let name = id === null ? 'unknown publisher' : id;
    let most = 0;
    for (const [n, c] of names) if (c > most) [name, most] = [n, c];
    out.push({
      id,
      name,
      sources: members.map((m) => m.source),
      medianScore: audited.length ? median(audited.map((m) => m.score!)) : null,
      findingsByFamily: Object.fromEntries(Object.entries(families).sort((a, b) => (a[0] < b[0] ? -1 : 1))),
      errorShare: audited.length ? audited.filter((m) => m.errors > 0).length / audited.length : 0,
      templateReuse: { findings: findingsOf.get(id) ?? 0, sources: members.filter((m) => reused.has(m.source)).length },
    });
  }
  return out.sort((a, b) => Number(a.id === null) - Number(b.id === null) || b.sources.length - a.sources.length || (a.name < b.name ? -1 : 1));
}
