import { DigestInterner, digestOf } from '../../src/batch/digest.js';
import { resolveRules } from '../../src/engine/config.js';
import { loadRules } from '../../src/engine/loader.js';
import { auditBytes } from '../../src/pipeline/audit-source.js';
import type { SourceResult } from '../../src/schema/result.js';

const DOC = [
  'Widget Market Report 2024',
  'The widget market was valued at USD 4.1 billion in 2024 and is expected to grow at a CAGR of 6.2% from 2025 to 2032.',
  'Elsewhere the same market is said to grow at a CAGR of 11.5% over 2025-2032.',
  'North America held a 41% share, Europe 33% and Asia Pacific 17%.',
].join('\n\n');

async function resultOf(text: string, name: string): Promise<SourceResult> {
  const rules = resolveRules(await loadRules(), { rules: {} });
  return auditBytes(new TextEncoder().encode(text), { path: name, name }, rules).result;
}

describe('the coordinator’s digests', () => {
  it('keep what the index and the summary read, and nothing of the document', async () => {
    const result = await resultOf(DOC, 'widget.txt');
    expect(result.findings.length).toBeGreaterThan(1);
    const digest = digestOf(result);
    expect(digest.findings.map((f) => [f.ruleId, f.messageId, f.severity, f.fingerprint])).toEqual(
      result.findings.map((f) => [f.ruleId, f.messageId, f.severity, f.fingerprint]),
    );
    expect(digest.findings.filter((f) => f.message !== '')).toHaveLength(1);
    expect(digest.findings.every((f) => f.primary === null && f.related.length === 0)).toBe(true);
    expect(digest).toMatchObject({ claims: null, metadata: null, coverage: null, fingerprints: {}, counts: result.counts, score: result.score });
  });

  it('are unchanged by interning, which shares the empty parts between sources', async () => {
    const interner = new DigestInterner();
    const part = { file: 'parts-1-1.jsonl', offset: 0, length: 10 };
    // As the coordinator receives them: structured clones, every string its own copy.
    const first = structuredClone({ digest: digestOf(await resultOf(DOC, 'a.txt')), part, fingerprints: null });
    const second = structuredClone({
      digest: digestOf(await resultOf(DOC.replace('41%', '44%'), 'b.txt')),
      part: { ...part, offset: 10 },
      fingerprints: { 'corpus/x': { ...part, offset: 20 }, 'corpus/y': { ...part, offset: 30 } },
    });
    const before = structuredClone([first, second]);
    const kept = [interner.entry(first), interner.entry(second)];
    expect(kept).toEqual(before);
    const a = kept[0].digest.findings[0];
    const b = kept[1].digest.findings[0];
    expect(a.data).toBe(b.data);
    expect(a.related).toBe(b.related);
    expect(Object.isFrozen(a.related)).toBe(true);
  });
});
