import type { ResolvedRule } from '../../src/engine/config.js';
import { resolveRules } from '../../src/engine/config.js';
import { loadRules } from '../../src/engine/loader.js';
import type { CorpusRule } from '../../src/engine/rule.js';
import { runCorpusRules, type CorpusFinding, type FingerprintRecord } from '../../src/engine/run-corpus.js';
import { contextOf } from '../helpers/harness.js';

export async function corpusRules(options: Record<string, Record<string, unknown>> = {}): Promise<ResolvedRule[]> {
  const rules = (await loadRules()).filter((r) => r.scope === 'corpus');
  const config = { rules: Object.fromEntries(Object.entries(options).map(([id, o]) => [id, ['on', o] as ['on', Record<string, unknown>]])) };
  return resolveRules(rules, config);
}

/** Fingerprint documents as a run's workers would, and run the cross-source rules over them. */
export function fingerprintAll(rules: ResolvedRule[], docs: Array<{ name: string; text: string | Uint8Array }>): FingerprintRecord[] {
  return docs.map((d) => {
    const ctx = contextOf(d.text, d.name);
    const fingerprints: Record<string, unknown> = {};
    for (const { rule, options } of rules) fingerprints[rule.id] = (rule as CorpusRule).fingerprint(ctx, options);
    // Through JSON, as they travel from workers and shards.
    const kept = JSON.parse(JSON.stringify(fingerprints)) as Record<string, unknown>;
    return { source: `/abs/${d.name}`, name: d.name, fingerprint: (ruleId: string) => kept[ruleId] };
  });
}

/** The size of a source's fingerprints, every rule's together, as JSON. */
export function fingerprintSize(rules: ResolvedRule[], record: FingerprintRecord): number {
  return JSON.stringify(Object.fromEntries(rules.map(({ rule }) => [rule.id, record.fingerprint(rule.id)]))).length;
}

export function findingsOf(rules: ResolvedRule[], docs: Array<{ name: string; text: string | Uint8Array }>, only?: string): CorpusFinding[] {
  const selected = only ? rules.filter((r) => r.rule.id === only) : rules;
  return runCorpusRules(selected, fingerprintAll(selected, docs)).findings;
}
