import type { ConsensusOptions } from '../corpus/consensus.js';
import { CONSENSUS_RULE, COPIES_RULE, TEMPLATE_RULE } from '../corpus/ids.js';
import { ConsensusFingerprintSchema, leanConsensus } from '../corpus/market-figures.js';
import { marketViews } from '../corpus/market-view.js';
import { summarisePublishers } from '../corpus/publishers.js';
import { IdentityFingerprintSchema } from '../corpus/source-identity.js';
import type { ResolvedRule } from '../engine/config.js';
import type { CorpusFinding, FingerprintRecord } from '../engine/run-corpus.js';
import type { MarketView, PublisherSummary, SourceResult } from '../schema/result.js';

export interface CorpusViews {
  publishers: PublisherSummary[];
  markets: MarketView[];
}

/**
 * The run's publishers and markets, for audit.json and the index page: read from the fingerprints
 * corpus/copies (publisher) and corpus/consensus (market figures) left, beside the digests (scores,
 * findings) and the cross-source findings. A view whose rule is off is empty.
 */
export function corpusViews(
  records: readonly FingerprintRecord[],
  digests: readonly SourceResult[],
  findings: readonly CorpusFinding[],
  resolved: readonly ResolvedRule[],
): CorpusViews {
  const enabled = new Map(resolved.map((r) => [r.rule.id, r.options]));
  const recordOf = new Map(records.map((r) => [r.source, r]));
  // Cross-source findings are filed under their first source.
  const filed = new Map<string, string[]>();
  for (const f of findings) {
    if (!f.sources.length) continue;
    const list = filed.get(f.sources[0]);
    if (list) list.push(f.family);
    else filed.set(f.sources[0], [f.family]);
  }

  const publishers = enabled.has(COPIES_RULE)
    ? summarisePublishers(
        digests.map((d) => {
          const record = recordOf.get(d.source);
          const identity = record ? IdentityFingerprintSchema.safeParse(record.fingerprint(COPIES_RULE)) : null;
          return {
            source: d.source,
            publisher: identity?.success ? identity.data.publisher : null,
            score: d.status === 'ok' ? (d.score?.value ?? null) : null,
            errors: d.counts.error,
            families: [...d.findings.map((f) => f.family), ...(filed.get(d.source) ?? [])],
          };
        }),
        findings.filter((f) => f.ruleId === TEMPLATE_RULE),
      )
    : [];

  const consensusOptions = enabled.get(CONSENSUS_RULE) as ConsensusOptions | undefined;
  let markets: MarketView[] = [];
  if (consensusOptions) {
    const members = [];
    for (const r of records) {
      const fp = ConsensusFingerprintSchema.safeParse(r.fingerprint(CONSENSUS_RULE));
      if (fp.success) members.push({ source: r.source, name: r.name, ...leanConsensus(fp.data) });
    }
    // In name order, as the rule compares them, so the view and the findings agree.
    members.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.source < b.source ? -1 : 1));
    markets = marketViews(
      members,
      consensusOptions,
      findings.filter((f) => f.ruleId === CONSENSUS_RULE),
    );
  }
  return { publishers, markets };
}
