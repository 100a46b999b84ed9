// The rule engine: crash isolation, config resolution, message data, fingerprints, score, coverage.
import { z } from 'zod';
import { ConfigError, parseConfig, resolveRules } from '../../src/engine/config.js';
import { defineCorpusRule, defineRule, output } from '../../src/engine/rule.js';
import { fingerprintOf } from '../../src/engine/fingerprint.js';
import { ENGINE_RULE, materialise, runRules } from '../../src/engine/run.js';
import { scoreFindings } from '../../src/engine/score.js';
import { auditBytes } from '../../src/pipeline/audit-source.js';
import type { Evidence } from '../../src/schema/position.js';
import { contextOf, ruleById } from '../helpers/harness.js';

const examples = { flagged: [], clean: [] };
const exploding = defineRule({
  id: 'test/explodes',
  severity: 'error',
  description: 'Always throws.',
  rationale: 'Stands for a rule with a bug.',
  messages: { never: 'never' },
  options: z.object({}),
  examples,
  check() {
    throw new Error('boom at index 3');
  },
});
const marker = defineRule({
  id: 'test/marker',
  severity: 'warning',
  description: 'Flags the word Widget.',
  rationale: 'A rule that works, to show the others go on.',
  messages: { found: 'Found {word} ({count}).' },
  options: z.object({ word: z.string().default('Widget') }),
  examples,
  check(ctx, o) {
    const b = ctx.doc.blocks.find((x) => x.text.includes(o.word));
    if (!b) return output([], 1);
    const at = b.text.indexOf(o.word);
    return output([{ messageId: 'found', data: { word: o.word, count: 1 }, primary: ctx.spans.of(b.index, at, at + o.word.length) }], 1);
  },
});

describe('rule engine', () => {
  it('records a rule that throws as an engine finding and runs the others', () => {
    const ctx = contextOf('Widget Market\n\nThe Widget market.\n');
    const rules = resolveRules([exploding, marker], { rules: {} });
    const { findings, coverage } = runRules(ctx, rules);
    expect(findings.map((f) => f.ruleId).sort()).toEqual([ENGINE_RULE, 'test/marker']);
    const crash = findings.find((f) => f.ruleId === ENGINE_RULE)!;
    expect(crash.message).toContain('test/explodes');
    expect(crash.message).toContain('boom at index 3');
    expect(crash.data).toMatchObject({ rule: 'test/explodes' });
    expect(coverage).toEqual([
      { ruleId: 'test/explodes', checked: 0 },
      { ruleId: 'test/marker', checked: 1 },
    ]);
  });

  it('does not score a crashed rule against the source, nor count it among the source’s problems', () => {
    const bytes = new TextEncoder().encode('Widget Market\n\nThe Widget market.\n');
    const { result } = auditBytes(bytes, { path: 'w.txt', name: 'w.txt' }, resolveRules([exploding, marker], { rules: {} }));
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual([ENGINE_RULE, 'test/marker']);
    expect(result.counts).toEqual({ error: 0, warning: 1, info: 0 });
    expect(result.score!.value).toBe(100 - 4);
    expect(result.score!.deductions.map((d) => d.ruleId)).toEqual(['test/marker']);
  });

  it('reports a cross-source rule that cannot fingerprint a source, instead of dropping the source silently', () => {
    const brittle = defineCorpusRule({
      id: 'test/brittle',
      severity: 'warning',
      description: 'Cannot fingerprint.',
      rationale: 'Stands for a corpus rule with a bug.',
      messages: { never: 'never' },
      options: z.object({}),
      examples,
      fingerprint() {
        throw new Error('no fingerprint today');
      },
      check: () => ({ findings: [], checked: 0 }),
    });
    const bytes = new TextEncoder().encode('Widget Market\n\nThe Widget market.\n');
    const { result } = auditBytes(bytes, { path: 'w.txt', name: 'w.txt' }, resolveRules([brittle], { rules: {} }));
    const [f] = result.findings;
    expect(f).toMatchObject({ ruleId: ENGINE_RULE, messageId: 'fingerprint-threw', data: { rule: 'test/brittle', error: 'no fingerprint today' } });
    expect(f.message).toMatch(/left out of that rule’s cross-source comparison|left out of that rule's cross-source comparison/);
    expect(result.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(result.score!.value).toBe(100);
  });

  it('refuses a misspelled option, naming the rule, the key and the options it has', () => {
    expect(() => resolveRules([marker], parseConfig({ rules: { 'test/marker': ['error', { wrod: 'Market' }] } }), 'my.json')).toThrow(
      'my.json: "rules.test/marker" options: unknown option "wrod" (test/marker has word)',
    );
    expect(() => resolveRules([exploding], parseConfig({ rules: { 'test/explodes': { options: { x: 1 } } } }))).toThrow(/test\/explodes has no options/);
  });

  it('applies config: off, severity, options — and names the key of a bad setting', () => {
    expect(resolveRules([marker], parseConfig({ rules: { 'test/marker': 'off' } }))).toEqual([]);
    const [r] = resolveRules([marker], parseConfig({ rules: { 'test/marker': ['error', { word: 'Market' }] } }));
    expect(r.severity).toBe('error');
    expect(r.options).toEqual({ word: 'Market' });
    expect(() => resolveRules([marker], parseConfig({ rules: { 'test/marker': ['error', { word: 7 }] } }), 'my.json')).toThrow(
      /my\.json.*"rules\.test\/marker" options.*"word"/,
    );
    expect(() => resolveRules([marker], parseConfig({ rules: { 'test/nope': 'off' } }))).toThrow(ConfigError);
    expect(() => parseConfig({ rulez: {} })).toThrow(/rulez/);
    expect(() => parseConfig({ failOn: 'sometimes' })).toThrow(/"failOn"/);
  });

  it('refuses unknown message ids and missing message data', () => {
    expect(() => materialise(marker, 'warning', { messageId: 'nope', data: {}, primary: null })).toThrow(/unknown messageId/);
    expect(() => materialise(marker, 'warning', { messageId: 'found', data: { word: 'x' }, primary: null })).toThrow(/no "count"/);
    // Inherited properties are not message data.
    expect(() => materialise({ id: 't/x', messages: { m: '{constructor}' } }, 'info', { messageId: 'm', data: {}, primary: null })).toThrow();
  });

  it('fingerprints survive edits elsewhere in the file', () => {
    const rules = resolveRules([marker], { rules: {} });
    const a = runRules(contextOf('Title\n\nThe Widget market.\n'), rules).findings[0];
    const b = runRules(contextOf('Title\n\nA new first paragraph.\n\nAnother one.\n\nThe Widget market.\n'), rules).findings[0];
    expect(b.primary!.start.line).not.toBe(a.primary!.start.line);
    expect(b.fingerprint).toBe(a.fingerprint);
  });

  it('keeps fingerprints stable across releases, so saved baselines still match', () => {
    // Values computed by the first implementation (one hash update per part); whitespace and case
    // of a quote do not count, the rule, message id, key and every evidence slot do.
    const ev = (quote: string) => ({ quote }) as Evidence;
    expect(fingerprintOf('numbers/cagr-conflict', 'conflict', [ev('a CAGR of  14.3%\n'), null, ev('over 30% ½ 𝔸')], 'k')).toBe('60b52ffd5a1fd0cb6513fe1f');
    expect(fingerprintOf('numbers/cagr-conflict', 'conflict', [ev('A cagr of 14.3%'), null, ev('OVER 30% ½ 𝔸')], 'k')).toBe('60b52ffd5a1fd0cb6513fe1f');
    expect(fingerprintOf('numbers/cagr-conflict', 'conflict', [ev('a CAGR of 14.3%'), ev('over 30% ½ 𝔸')], 'k')).not.toBe('60b52ffd5a1fd0cb6513fe1f');
    expect(fingerprintOf('engine/rule-error', 'rule-threw', [], 'x/y')).toBe('ce528bc05add4bd034370bee');
  });

  it('scores by severity with a cap per rule, ignores accepted findings, and explains itself', () => {
    const f = (ruleId: string, severity: 'error' | 'warning' | 'info', accepted = false) => ({
      ruleId,
      family: 'x',
      messageId: 'm',
      data: {},
      severity,
      message: '',
      primary: null,
      related: [],
      fingerprint: '',
      accepted,
    });
    const score = scoreFindings([f('a/one', 'error'), f('a/one', 'error'), f('a/one', 'error'), f('b/two', 'warning'), f('c/three', 'error', true)]);
    expect(score.value).toBe(100 - 30 - 4);
    expect(score.grade).toBe('C');
    expect(score.deductions).toEqual([
      { ruleId: 'a/one', severity: 'error', count: 3, points: 30 },
      { ruleId: 'b/two', severity: 'warning', count: 1, points: 4 },
    ]);
    expect(score.explanation).toContain('= 66');
  });

  it('says when nothing in a document could be checked', async () => {
    const rule = await ruleById('numbers/cagr-conflict');
    const rules = resolveRules([rule], { rules: {} });
    const plain = auditBytes(new TextEncoder().encode('Notes\n\nNothing numeric here at all.\n'), { path: 'p', name: 'p' }, rules).result;
    expect(plain.coverage).toMatchObject({ checked: 0, checkable: false });
    const rich = auditBytes(
      new TextEncoder().encode(
        'Widget Market\n\nThe widget market will grow at a CAGR of 5% from 2025 to 2032.\n\nThe widget market will grow at a CAGR of 9% from 2025 to 2032.\n',
      ),
      { path: 'r', name: 'r' },
      rules,
    ).result;
    expect(rich.coverage!.checkable).toBe(true);
    expect(rich.coverage!.claims.growth).toBe(2);
  });
});
