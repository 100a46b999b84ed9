// The evaluation corpus holds the floor: recall may not fall, false alarms may not rise, below the
// figures committed in floor.json. The matching itself is tested on small cases first.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveRules } from '../../src/engine/config.js';
import { loadRules } from '../../src/engine/loader.js';
import type { CorpusDoc } from '../../src/eval/corpus.js';
import { loadCorpus } from '../../src/eval/corpus.js';
import { evaluate, judgeDocument } from '../../src/eval/evaluate.js';
import { DEFAULT_CORPUS_DIR } from '../../src/eval/paths.js';
import { runRule } from '../helpers/harness.js';

const doc = (text: string, labels: CorpusDoc['labels'], clean = false): CorpusDoc => ({ name: 'd.txt', bytes: new TextEncoder().encode(text), clean, labels });
const label = (category: string, evidence: string) => ({ category, evidence, note: '', origin: 'key' as const });
const categories = { 'region-split': ['geography/split-name'], 'region-duplicate': ['geography/duplicate'] };

const PAGE = ['Widget Market Report 2025-2030', '', 'Middle East & Africa', '* Turkey', '* Saudi', '* Arabia', '* Egypt', ''].join('\n');

describe('eval: when a finding counts for a label', () => {
  it('counts a finding of the category’s rule whose span overlaps the evidence', async () => {
    const findings = await runRule('geography/split-name', PAGE);
    expect(findings.length).toBeGreaterThan(0);
    const r = judgeDocument(doc(PAGE, [label('region-split', '* Saudi')]), findings, categories);
    expect(r.found).toEqual([true]);
    expect(r.unlabelled).toEqual([]);
  });

  it('does not count a finding of another category’s rule, and lists it as unlabelled', async () => {
    const findings = await runRule('geography/split-name', PAGE);
    const r = judgeDocument(doc(PAGE, [label('region-duplicate', '* Saudi')]), findings, categories);
    expect(r.found).toEqual([false]);
    expect(r.unlabelled.map((f) => f.ruleId)).toEqual(findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId));
  });

  it('does not count a finding elsewhere in the document', async () => {
    const findings = await runRule('geography/split-name', PAGE);
    const r = judgeDocument(doc(PAGE, [label('region-split', '* Egypt')]), findings, categories);
    expect(r.found).toEqual([false]);
  });

  it('counts every loud finding on a clean control, and none as unlabelled', async () => {
    const findings = await runRule('geography/split-name', PAGE);
    const r = judgeDocument(doc(PAGE, [], true), findings, categories);
    expect(r.loud.length).toBe(findings.length);
    expect(r.unlabelled).toEqual([]);
  });
});

describe('eval: the labelled corpus', () => {
  it('loads: every label’s evidence occurs verbatim and its category is mapped', () => {
    const corpus = loadCorpus(DEFAULT_CORPUS_DIR);
    expect(corpus.docs.length).toBeGreaterThanOrEqual(48);
    expect(corpus.docs.filter((d) => d.clean).length).toBeGreaterThanOrEqual(12);
  });

  it('holds the floor in floor.json', async () => {
    const floor = JSON.parse(readFileSync(path.join(path.dirname(DEFAULT_CORPUS_DIR), 'floor.json'), 'utf8'));
    const result = evaluate(loadCorpus(DEFAULT_CORPUS_DIR), resolveRules(await loadRules(), { rules: {} }));
    expect(result.failed).toEqual([]);
    expect(result.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(result.cleanAlarms).toBeLessThanOrEqual(floor.cleanAlarms);
    expect(result.unlabelled).toBeLessThanOrEqual(floor.unlabelled);
  }, 120_000);
});
