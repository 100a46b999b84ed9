import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { exampleFindings } from '../../src/docs/examples.js';
import { INDEX_END, INDEX_START, orphanPages, rulePageFile, ruleIndex, staleDocs, withIndex } from '../../src/docs/generate.js';
import { cell, fenced, inlineCode } from '../../src/docs/markdown.js';
import { optionDocs } from '../../src/docs/options.js';
import { GENERATED_MARK } from '../../src/docs/page.js';
import { loadRules, RULES_DIR, ruleFiles } from '../../src/engine/loader.js';
import { defineRule, output, type Rule, type RuleOutput } from '../../src/engine/rule.js';

const rules = await loadRules();
const byId = (id: string) => rules.find((r) => r.id === id)!;

/** A rule with no options or examples, declared for one test. */
const bareRule = (id: string, check: () => RuleOutput<'m'>) =>
  defineRule({
    id,
    severity: 'info',
    description: 'A rule declared for a test.',
    rationale: 'Only for this test.',
    messages: { m: 'm' },
    options: z.object({}),
    examples: { flagged: [], clean: [] },
    check,
  });

describe('the committed rule pages', () => {
  it('are what `npm run docs` writes now', () => {
    const stale = staleDocs(rules, RULES_DIR).map(
      (f) => `${path.join('rules', path.relative(RULES_DIR, f))} is out of date: run \`npm run docs\` and commit the pages`,
    );
    expect(stale).toEqual([]);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s documents every option in its schema', (_id, rule: Rule) => {
    const undocumented = optionDocs(rule.options)
      .filter((o) => !o.description || o.description.length < 10)
      .map((o) => `${rule.id}: option "${o.name}" needs a .describe() saying what it does`);
    expect(undocumented).toEqual([]);
  });
});

describe('a rule page', () => {
  const page = rulePageFile(byId('numbers/cagr-arithmetic'), RULES_DIR);

  it('sits beside the rule and carries its declaration', () => {
    expect(page.file).toBe(path.join(RULES_DIR, 'numbers', 'cagr-arithmetic.md'));
    expect(page.content.startsWith(GENERATED_MARK)).toBe(true);
    expect(page.content).toContain('# numbers/cagr-arithmetic');
    expect(page.content).toContain('Default severity: **error**');
    expect(page.content).toContain('[cagr-arithmetic.ts](cagr-arithmetic.ts)');
    expect(page.content).toContain('| `inconsistent` | Stated growth rate {stated}');
  });

  it('lists the options with their defaults and meaning, read from the schema', () => {
    expect(page.content).toMatch(/\| `materialGap` \| number ≥ 0 \| `2` \| Points beyond the implied interval/);
    expect(page.content).toContain('{ "rules": { "numbers/cagr-arithmetic": ["error", { "approxTolerance": 0.1 }] } }');
  });

  it('shows each example with the findings the engine reports for it', () => {
    expect(page.content).toMatch(/### Flagged: doubling in five years is not over 24% a year\n\n```text\nWidget Market 2025 - 2032\n/);
    expect(page.content).toMatch(/\| 5:110 \| error \| `inconsistent` \| Stated growth rate over 24% \(to 2029\) does not follow from/);
    expect(page.content).toMatch(/### Clean: sizes of a different market\n\n```text\n[^`]+```\n\nNo findings\./);
  });

  it('names the document of a cross-source finding', () => {
    const rule = byId('corpus/recycled-figures');
    const [found] = exampleFindings(rule, rule.examples.flagged[0]);
    expect(found).toMatchObject({ messageId: 'recycled-shares', severity: 'warning' });
    expect(found.at).toMatch(/^pumps\.html \d+:\d+$/);
  });

  it('escapes text that Markdown would read as markup', () => {
    expect(cell('a | b\n*c* <br> [x]')).toBe('a \\| b \\*c\\* &lt;br&gt; \\[x\\]');
    expect(fenced('one ``` two', 'text')).toBe('````text\none ``` two\n````');
    expect(inlineCode('a`b')).toBe('`` a`b ``');
  });

  it('refuses to document an example the rule crashes on', () => {
    const crashing = bareRule('text/crashing', () => {
      throw new Error('boom');
    });
    expect(() => exampleFindings(crashing, { name: 'any', input: 'Text.\n' })).toThrow(/text\/crashing, example "any": .*boom/);
  });
});

describe('option documentation from a zod schema', () => {
  it('reads type, bounds, default and description', () => {
    const schema = z.object({
      count: z.number().int().min(1).default(20).describe('How many.'),
      ratio: z.number().min(0).max(1).default(0.5).describe('Which share.'),
      positive: z.number().positive().default(1),
      on: z.boolean().default(false).describe('Whether.'),
      mode: z.enum(['fast', 'exact']).default('exact'),
      words: z.array(z.string()).default([]),
    });
    expect(optionDocs(schema)).toEqual([
      { name: 'count', type: 'integer ≥ 1', default: '20', description: 'How many.' },
      { name: 'ratio', type: 'number 0–1', default: '0.5', description: 'Which share.' },
      { name: 'positive', type: 'number > 0', default: '1', description: null },
      { name: 'on', type: 'true or false', default: 'false', description: 'Whether.' },
      { name: 'mode', type: 'one of `"fast"`, `"exact"`', default: '"exact"', description: null },
      { name: 'words', type: 'list of text', default: '[]', description: null },
    ]);
  });
});

describe('the rule index in rules/README.md', () => {
  it('lists every rule by family with its severity, description and page', () => {
    const index = ruleIndex(rules);
    for (const r of rules) expect(index).toContain(`| [${r.id}](${r.id}.md) | ${r.severity} |`);
    expect(index.indexOf('### geography')).toBeLessThan(index.indexOf('[geography/duplicate]'));
  });

  it('replaces only the text between its markers, and needs them', () => {
    const readme = `# Rules\n\nBefore.\n\n${INDEX_START}\nold table\n${INDEX_END}\n\nAfter.\n`;
    const updated = withIndex(readme, 'new table', 'README.md');
    expect(updated).toBe(`# Rules\n\nBefore.\n\n${INDEX_START}\n\nnew table\n\n${INDEX_END}\n\nAfter.\n`);
    expect(withIndex(updated, 'new table', 'README.md')).toBe(updated);
    expect(() => withIndex('# Rules\n', 'table', 'rules/README.md')).toThrow(/rules\/README\.md: the rule index must sit between/);
  });
});

describe('pages in the rules folder', () => {
  it('are never taken for rules by the loader', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'credence-pages-'));
    mkdirSync(path.join(dir, 'text'));
    const ext = path.extname(ruleFiles()[0].file);
    writeFileSync(path.join(dir, 'text', `kept${ext}`), '');
    writeFileSync(path.join(dir, 'text', 'kept.md'), '# page\n');
    writeFileSync(path.join(dir, 'README.md'), '# index\n');
    expect(ruleFiles(dir).map((f) => f.id)).toEqual(['text/kept']);
  });

  it('left by a removed rule are found, hand-written ones are not', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'credence-orphans-'));
    mkdirSync(path.join(dir, 'text'));
    writeFileSync(path.join(dir, 'text', 'gone.md'), `${GENERATED_MARK} from gone.ts -->\n# text/gone\n`);
    writeFileSync(path.join(dir, 'text', 'notes.md'), '# Notes written by hand\n');
    const kept = bareRule('text/kept', () => output([], 0));
    writeFileSync(path.join(dir, 'text', 'kept.md'), `${GENERATED_MARK} from kept.ts -->\n`);
    expect(orphanPages([kept], dir)).toEqual([path.join(dir, 'text', 'gone.md')]);
  });
});
