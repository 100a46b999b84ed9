import type { BaselineIndex } from '../baseline/index.js';
import type { FingerprintRefs, PartRef } from '../batch/parts.js';
import type { Shard } from '../batch/shard.js';
import type { ResolvedRule } from '../engine/config.js';
import type { Config } from '../schema/config.js';
import type { RuleMeta, SourceResult } from '../schema/result.js';

export type OutputFormat = 'html' | 'json' | 'text' | 'sarif';

export type TextSink = (chunk: string, part: 'source' | 'corpus' | 'summary') => void;

/** A finished source as the coordinator holds it: the digest, and where its full result and fingerprints are spooled. */
export interface SourceEntry {
  digest: SourceResult;
  part: PartRef;
  fingerprints: FingerprintRefs | null;
}

/** Everything the final step needs, from an audit or from merging shards. */
export interface RunState {
  startedAt: string;
  version: string;
  metas: RuleMeta[];
  resolved: ResolvedRule[];
  config: Config;
  partsDir: string;
  /** In output order. */
  entries: SourceEntry[];
  interrupted: boolean;
  /** Set on a shard's run: the cross-source rules wait for the merge. */
  shard?: Shard;
  baseline?: BaselineIndex;
  notes: string[];
}

export interface Outputs {
  out: string | null;
  formats: ReadonlySet<OutputFormat>;
  /** Receives the terminal report as it is produced: each source's block, the cross-source block, the summary line. */
  text?: TextSink;
  colour?: boolean;
  /** Return every full result (library use); otherwise sources are digests. */
  collect?: boolean;
  writeBaseline?: string;
  pruneBaseline?: boolean;
}
