// The three HTML examples share a region template (with the same mistakes) and the same regional
// shares; the two plain-text ones share neither with them nor with each other.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SEEDS } from '../helpers/harness.js';
import { corpusRules, findingsOf } from './helpers.js';

const docs = readdirSync(SEEDS)
  .sort()
  .map((f) => ({ name: f, text: new Uint8Array(readFileSync(path.join(SEEDS, f))) }));
const prefixOf = (source: string) => path.basename(source).slice(0, 3);

describe('cross-source rules on the examples', () => {
  it('link 000, 002 and 004 by template and by recycled figures, and never 001 or 003', async () => {
    const rules = await corpusRules();
    const findings = findingsOf(rules, docs);
    expect(findings.map((f) => [f.ruleId, f.sources.map(prefixOf)]).sort()).toEqual([
      ['corpus/recycled-figures', ['000', '002', '004']],
      ['corpus/template-reuse', ['000', '002', '004']],
    ]);
    const template = findings.find((f) => f.ruleId === 'corpus/template-reuse')!;
    // The shared passage is named: the region list, quoted in each source with its location.
    expect(template.data.largest).toMatch(/^a \d+-entry list$/);
    expect(template.primary!.quote).toContain('North America');
    expect(template.related.map((e) => e.role)).toEqual([expect.stringContaining('002_'), expect.stringContaining('004_')]);
    for (const e of [template.primary!, ...template.related]) expect(e.start.line).toBeGreaterThan(1);
    expect(template.message).toMatch(/from 2 publishers .* on 3 markets/);
    const figures = findings.find((f) => f.ruleId === 'corpus/recycled-figures')!;
    expect(figures.message).toContain('North America 45%');
    expect(figures.message).toContain('Europe 30%');
    expect(figures.related).toHaveLength(2);
  });

  it('gives the same findings whatever order the sources come in (shards merge in any order)', async () => {
    const rules = await corpusRules();
    const forward = findingsOf(rules, docs).map((f) => [f.fingerprint, f.sources]);
    const backward = findingsOf(rules, [...docs].reverse()).map((f) => [f.fingerprint, f.sources]);
    expect(backward).toEqual(forward);
  });

  it('reports each cross-source rule’s coverage: how many sources it could compare', async () => {
    const rules = await corpusRules();
    const { runCorpusRules } = await import('../../src/engine/run-corpus.js');
    const { fingerprintAll } = await import('./helpers.js');
    const { coverage } = runCorpusRules(rules, fingerprintAll(rules, docs));
    expect(coverage.map((c) => c.ruleId).sort()).toEqual(['corpus/consensus', 'corpus/copies', 'corpus/recycled-figures', 'corpus/template-reuse']);
    const checked = Object.fromEntries(coverage.map((c) => [c.ruleId, c.checked]));
    expect(checked['corpus/template-reuse']).toBeGreaterThanOrEqual(3);
    expect(checked['corpus/recycled-figures']).toBeGreaterThanOrEqual(3);
  });

  it('keeps fingerprints compact', async () => {
    const rules = await corpusRules();
    const { fingerprintAll, fingerprintSize } = await import('./helpers.js');
    for (const r of fingerprintAll(rules, docs)) expect(fingerprintSize(rules, r)).toBeLessThan(24_000);
  });
});
