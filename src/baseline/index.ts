import { identity } from './key.js';
import type { Acceptance } from './apply.js';
import type { Baseline, BaselineEntry } from '../schema/baseline.js';

/** A loaded baseline, looked up by source. */
export class BaselineIndex {
  private readonly bySource = new Map<string, BaselineEntry[]>();

  constructor(
    readonly file: string,
    readonly baseline: Baseline,
  ) {
    for (const e of baseline.findings) {
      const list = this.bySource.get(e.source) ?? [];
      list.push(e);
      this.bySource.set(e.source, list);
    }
  }

  /** The entries for one source, trimmed to what matching needs (sent to workers with each task). */
  forSource(source: string): Acceptance[] {
    return (this.bySource.get(source) ?? []).map(({ ruleId, messageId, fingerprint, count }) => ({ ruleId, messageId, fingerprint, count }));
  }

  /**
   * Entries that no longer match: for each source that was audited, what is left of each entry's
   * count after the accepted findings are taken off. Sources not audited in this run (another
   * shard, a subset) are not judged.
   */
  stale(
    audited: Iterable<{ source: string; findings: ReadonlyArray<{ ruleId: string; messageId: string; fingerprint: string; accepted?: boolean }> }>,
    judged: (e: BaselineEntry) => boolean = () => true,
  ): BaselineEntry[] {
    const out: BaselineEntry[] = [];
    for (const { source, findings } of audited) {
      const entries = this.bySource.get(source);
      if (!entries) continue;
      const used = new Map<string, number>();
      for (const f of findings) if (f.accepted) used.set(identity(f), (used.get(identity(f)) ?? 0) + 1);
      for (const e of entries) {
        if (!judged(e)) continue;
        const have = used.get(identity(e)) ?? 0;
        const take = Math.min(have, e.count);
        used.set(identity(e), have - take);
        if (take < e.count) out.push({ ...e, count: e.count - take });
      }
    }
    return out;
  }

  /** The baseline without its stale entries (what --prune-baseline writes). */
  pruned(stale: BaselineEntry[]): BaselineEntry[] {
    const drop = new Map<string, number>();
    const key = (e: BaselineEntry) => `${e.source}\0${identity(e)}`;
    for (const s of stale) drop.set(key(s), (drop.get(key(s)) ?? 0) + s.count);
    const out: BaselineEntry[] = [];
    for (const e of this.baseline.findings) {
      const d = Math.min(drop.get(key(e)) ?? 0, e.count);
      drop.set(key(e), (drop.get(key(e)) ?? 0) - d);
      if (e.count - d > 0) out.push({ ...e, count: e.count - d });
    }
    return out;
  }

  /** Sources the baseline mentions (to keep their entries when a partial run rewrites it). */
  sources(): string[] {
    return [...this.bySource.keys()];
  }

  entriesOf(source: string): BaselineEntry[] {
    return this.bySource.get(source) ?? [];
  }
}
