// Every rule's documented examples run as tests (remark-lint's idea), and every rule's declaration
// is checked as ESLint's RuleTester checks rules: messages, options schema, examples present.
import { loadRules, ruleFiles } from '../../src/engine/loader.js';
import { placeholders } from '../../src/engine/message.js';
import type { Rule, RuleExample } from '../../src/engine/rule.js';
import { contextOf, quotes, runRule } from '../helpers/harness.js';

const rules = await loadRules();

describe('rule declarations', () => {
  it('finds one rule per file under rules/<family>/<name>', () => {
    expect(rules.map((r) => r.id)).toEqual(ruleFiles().map((f) => f.id));
    expect(rules.length).toBeGreaterThan(0);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s is fully declared', (_id, rule: Rule) => {
    expect(['error', 'warning', 'info']).toContain(rule.severity);
    expect(rule.description.length).toBeGreaterThan(10);
    expect(rule.description).not.toContain('\n');
    expect(rule.rationale.length).toBeGreaterThan(20);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    expect(rule.options.safeParse({}).success).toBe(true);
    expect(rule.examples.flagged.length).toBeGreaterThan(0);
    expect(rule.examples.clean.length).toBeGreaterThan(0);
    for (const ex of rule.examples.flagged) {
      expect(ex.expect?.length).toBeGreaterThan(0);
      for (const e of ex.expect ?? []) expect(Object.keys(rule.messages)).toContain(e.messageId);
    }
  });

  // A message no example produces is a message nobody has seen rendered, and a condition no test
  // holds the rule to: every id must be expected by at least one flagged example.
  it.each(rules.map((r) => [r.id, r] as const))('%s shows every message id in a flagged example', (_id, rule: Rule) => {
    const shown = new Set(rule.examples.flagged.flatMap((ex) => (ex.expect ?? []).map((e) => e.messageId)));
    expect(Object.keys(rule.messages).filter((id) => !shown.has(id))).toEqual([]);
  });
});

const sourceRules = rules.filter((r) => r.scope === 'source');
const flagged = sourceRules.flatMap((r) => r.examples.flagged.map((ex) => [r.id, ex.name, ex, r] as const));
const clean = sourceRules.flatMap((r) => r.examples.clean.map((ex) => [r.id, ex.name, ex] as const));

describe('rule examples', () => {
  it.each(flagged)('%s flags: %s', async (id, _name, ex: RuleExample, rule: Rule) => {
    const findings = await runRule(id, contextOf(ex.input), ex.options ?? {});
    expect(findings.map((f) => f.messageId)).toEqual(ex.expect!.map((e) => e.messageId));
    findings.forEach((f, i) => {
      const want = ex.expect![i];
      for (const q of want.quotes ?? []) expect(quotes(f).some((have) => have.includes(q))).toBe(true);
      if (want.data) expect(f.data).toMatchObject(want.data);
      // Every placeholder of the template is filled and every evidence span has a location.
      for (const p of placeholders(rule.messages[f.messageId])) expect(f.data).toHaveProperty(p);
      for (const e of [f.primary, ...f.related]) if (e) expect(e.start.line).toBeGreaterThan(0);
    });
  });

  it.each(clean)('%s leaves alone: %s', async (id, _name, ex: RuleExample) => {
    const findings = await runRule(id, contextOf(ex.input), ex.options ?? {});
    expect(findings.map((f) => `${f.messageId}: ${f.message}`)).toEqual([]);
  });
});
