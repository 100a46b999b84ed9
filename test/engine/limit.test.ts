// The engine's bounds on output: findings per rule and source (config maxFindingsPerRule, counted
// past the limit), related evidence per finding, and the identity of a finding that stands for a group.
import { z } from 'zod';
import { ConfigError, DEFAULT_MAX_FINDINGS_PER_RULE, parseConfig, resolveRules } from '../../src/engine/config.js';
import { defineRule, output } from '../../src/engine/rule.js';
import { MAX_RELATED_EVIDENCE, materialise, runRules } from '../../src/engine/run.js';
import { auditBytes } from '../../src/pipeline/audit-source.js';
import { sourceText, summaryText } from '../../src/report/text.js';
import { sarifNotifications } from '../../src/report/sarif.js';
import { summarise } from '../../src/run/summary.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import type { Evidence } from '../../src/schema/position.js';
import { contextOf } from '../helpers/harness.js';

const examples = { flagged: [], clean: [] };

/** One finding per "Widget" in the text; every third is an error, the rest warnings. */
const perWord = defineRule({
  id: 'test/per-word',
  severity: 'warning',
  description: 'Flags every Widget.',
  rationale: 'A rule with as many findings as the document has words.',
  messages: { found: 'Widget number {n}.' },
  options: z.object({}),
  examples,
  check(ctx) {
    const findings: FindingDraft<'found'>[] = [];
    for (const b of ctx.doc.blocks) {
      for (let at = b.text.indexOf('Widget'); at >= 0; at = b.text.indexOf('Widget', at + 1)) {
        const n = findings.length + 1;
        findings.push({ messageId: 'found', data: { n }, primary: ctx.spans.of(b.index, at, at + 6), severity: n % 3 === 0 ? 'error' : undefined });
      }
    }
    return output(findings, findings.length);
  },
});

const widgets = (n: number) => `Gadget Report\n\n${Array.from({ length: n }, (_, i) => `Widget ${i + 1} is here.`).join('\n\n')}\n`;
const bytes = (n: number) => new TextEncoder().encode(widgets(n));

describe('findings per rule and source', () => {
  it('lists at most the default number, the gravest first, and counts the rest by severity', () => {
    const { findings, omitted } = runRules(contextOf(widgets(200)), resolveRules([perWord], { rules: {} }));
    expect(findings).toHaveLength(DEFAULT_MAX_FINDINGS_PER_RULE);
    // 66 errors (every third of 200) come before any warning.
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    expect(omitted).toEqual([{ ruleId: 'test/per-word', limit: 50, count: 150, counts: { error: 16, warning: 134, info: 0 } }]);
    // Within a severity the rule's own order is kept (here, document order).
    expect(findings.map((f) => f.data.n)).toEqual(Array.from({ length: 50 }, (_, i) => 3 * (i + 1)));
  });

  it('lists everything up to the limit, and omits nothing', () => {
    const { findings, omitted } = runRules(contextOf(widgets(50)), resolveRules([perWord], { rules: {} }));
    expect(findings).toHaveLength(50);
    expect(omitted).toEqual([]);
  });

  it('takes the limit from the config, globally or per rule; 0 lifts it', () => {
    const run = (config: unknown) => runRules(contextOf(widgets(120)), resolveRules([perWord], parseConfig(config)));
    expect(run({ maxFindingsPerRule: 10 }).findings).toHaveLength(10);
    expect(run({ maxFindingsPerRule: 10, rules: { 'test/per-word': { maxFindings: 4 } } }).findings).toHaveLength(4);
    expect(run({ rules: { 'test/per-word': { severity: 'info', maxFindings: 0 } } }).findings).toHaveLength(120);
    expect(run({ maxFindingsPerRule: 0 }).omitted).toEqual([]);
  });

  it('validates the limit like the rest of the config, and points a rule option of that name to it', () => {
    expect(() => parseConfig({ maxFindingsPerRule: -1 }, 'my.json')).toThrow(/my\.json: "maxFindingsPerRule"/);
    expect(() => parseConfig({ maxFindingsPerRule: 2.5 })).toThrow(ConfigError);
    expect(() => parseConfig({ rules: { 'test/per-word': { maxFindings: 'ten' } } })).toThrow(/"rules\.test\/per-word"/);
    expect(() => resolveRules([perWord], parseConfig({ rules: { 'test/per-word': ['warning', { maxFindings: 5 }] } }))).toThrow(
      /unknown option "maxFindings".*set beside its options/,
    );
  });

  it('counts what it left out in the source’s counts, score, summary and reports', () => {
    const { result } = auditBytes(bytes(80), { path: 'w.txt', name: 'w.txt' }, resolveRules([perWord], { rules: {} }));
    expect(result.findings).toHaveLength(50);
    expect(result.omitted).toEqual([{ ruleId: 'test/per-word', limit: 50, count: 30, counts: { error: 0, warning: 30, info: 0 } }]);
    // 26 errors and 54 warnings in all, listed or not.
    expect(result.counts).toEqual({ error: 26, warning: 54, info: 0 });
    expect(result.score!.deductions.map((d) => [d.severity, d.count]).sort()).toEqual([
      ['error', 26],
      ['warning', 54],
    ]);
    const summary = summarise([result]);
    expect(summary.byRule['test/per-word']).toBe(80);
    expect(summary.omitted).toBe(30);
    expect(summary.counts).toEqual({ error: 26, warning: 54, info: 0 });
    expect(sourceText(result, false)).toContain("and 30 more (30 warnings) past this rule's limit of 50 findings per source");
    expect(summaryText(summary, { interrupted: false, accepted: 0 }, false)).toContain('30 of them counted but not listed');
    expect(sarifNotifications([result])).toEqual([
      expect.objectContaining({
        level: 'note',
        associatedRule: { id: 'test/per-word' },
        message: { text: expect.stringContaining('w.txt: test/per-word: and 30 more') },
      }),
    ]);
  });

  it('writes no omitted entry when every rule is within its limit', () => {
    const { result } = auditBytes(bytes(3), { path: 'w.txt', name: 'w.txt' }, resolveRules([perWord], { rules: {} }));
    expect(result.omitted).toBeUndefined();
    expect(result.counts).toEqual({ error: 1, warning: 2, info: 0 });
  });
});

describe('a finding’s related evidence and group identity', () => {
  const rule = { id: 't/group', messages: { m: '{n} items.' } };
  const at = (i: number, quote = `item ${i}`): Evidence => ({
    quote,
    start: { line: i + 1, column: 1, offset: i * 10 },
    end: { line: i + 1, column: 7, offset: i * 10 + 6 },
    block: i,
    from: 0,
    to: 6,
  });
  const members = (n: number, first = 0) => Array.from({ length: n }, (_, i) => at(first + i));

  it('lists at most MAX_RELATED_EVIDENCE related spans and counts the rest', () => {
    const [primary, ...related] = members(MAX_RELATED_EVIDENCE + 26);
    const f = materialise(rule, 'error', { messageId: 'm', data: { n: 126 }, primary, related });
    expect(f.related).toHaveLength(MAX_RELATED_EVIDENCE);
    expect(f.relatedOmitted).toBe(25);
    const small = materialise(rule, 'error', { messageId: 'm', data: { n: 3 }, primary, related: related.slice(0, 2) });
    expect(small.relatedOmitted).toBeUndefined();
  });

  it('gives a group the fingerprint of its key, whatever its members; other findings keep the evidence in theirs', () => {
    const group = (list: Evidence[], key = 'europe') =>
      materialise(rule, 'error', { messageId: 'm', data: { n: list.length }, primary: list[0], related: list.slice(1), key, group: true }).fingerprint;
    expect(group(members(3))).toBe(group(members(4)));
    expect(group(members(3))).toBe(group(members(2, 5)));
    expect(group(members(3), 'asia')).not.toBe(group(members(3)));
    const plain = (list: Evidence[]) =>
      materialise(rule, 'error', { messageId: 'm', data: { n: 1 }, primary: list[0], related: list.slice(1), key: 'europe' }).fingerprint;
    expect(plain(members(3))).not.toBe(plain(members(4)));
  });

  it('refuses a group without a key to name it', () => {
    expect(() => materialise(rule, 'error', { messageId: 'm', data: { n: 1 }, primary: at(0), group: true })).toThrow(/needs a key/);
  });
});
