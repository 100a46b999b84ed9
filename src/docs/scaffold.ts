import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A refusal the user can act on (bad name, name taken): printed without a stack trace. */
export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

// kebab-case, as every rule and family is named; a leading "_" would hide the file from the loader.
const KEBAB = /^[a-z][a-z0-9]{0,39}(?:-[a-z0-9]{1,40}){0,6}$/;
/** Folders of rules/ that hold no rules, and the engine's own id prefix. */
const RESERVED_FAMILIES = new Set(['data', 'engine']);

export interface NewRule {
  id: string;
  family: string;
  name: string;
}

/** "family/name" checked: two kebab-case parts, not a reserved family. */
export function parseRuleId(arg: string | undefined): NewRule {
  const usage = 'usage: npm run new-rule -- <family>/<name>, e.g. numbers/part-whole';
  if (!arg) throw new ScaffoldError(usage);
  const parts = arg.split('/');
  if (parts.length !== 2 || !parts.every((p) => KEBAB.test(p))) {
    throw new ScaffoldError(`"${arg}" is not a rule id: give a family and a name in kebab-case (a-z, 0-9, single hyphens), ${usage.slice(7)}`);
  }
  const [family, name] = parts;
  if (RESERVED_FAMILIES.has(family)) throw new ScaffoldError(`"${family}" is not a rule family: rules/${family} is reserved`);
  return { id: arg, family, name };
}

/** Where a new rule's files go, relative to the project root. */
export function scaffoldPaths(rule: NewRule): { rule: string; test: string; page: string } {
  return {
    rule: path.join('rules', rule.family, `${rule.name}.ts`),
    test: path.join('test', 'rules', `${rule.family}.${rule.name}.test.ts`),
    page: path.join('rules', rule.family, `${rule.name}.md`),
  };
}

/**
 * A rule that compiles, passes its own examples and shows every part of the contract (a described
 * option, message data, a primary and a related span, coverage), to be rewritten into the real one.
 */
export function ruleTemplate(id: string): string {
  return `import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import type { FindingDraft } from '../../src/schema/finding.js';

// Written by \`npm run new-rule\`: it reports a configurable phrase so that its examples, its test and
// its page work from the start. Replace the check, messages, options and examples with the real ones,
// then run \`npm run docs\` to rewrite the page.
export default defineRule({
  id: '${id}',
  severity: 'warning',
  description: 'TODO: one line saying what the rule reports (for now: a given phrase).',
  rationale: 'TODO: why a reader should care, which public source or standard says so, and what the rule deliberately leaves alone.',
  messages: {
    found: '“{text}” appears in this sentence.',
  },
  options: z.object({
    phrase: z.string().min(1).default('lorem ipsum').describe('The phrase to report, as written (case matters).'),
  }),
  examples: {
    flagged: [
      {
        name: 'the phrase in a sentence',
        input: 'Widget Market\\n\\nThe widget market is lorem ipsum by any measure.\\n',
        expect: [{ messageId: 'found', quotes: ['lorem ipsum'], data: { text: 'lorem ipsum' } }],
      },
    ],
    clean: [
      {
        name: 'the phrase written otherwise',
        input: 'Widget Market\\n\\nLorem Ipsum Analytics expects the widget market to grow 7% in 2025.\\n',
      },
    ],
  },
  check(ctx, options) {
    // The ids in a draft's type are checked against \`messages\`: a misspelled id fails tsc.
    const findings: FindingDraft<'found'>[] = [];
    const sentences = ctx.sentences();
    for (const s of sentences) {
      // A sentence's text is its block's text from s.from on, so offsets in one are offsets in the other.
      const at = s.text.indexOf(options.phrase);
      if (at < 0) continue;
      const from = s.from + at;
      findings.push({
        messageId: 'found',
        data: { text: options.phrase },
        primary: ctx.spans.of(s.block, from, from + options.phrase.length, 'phrase'),
        related: [ctx.spans.of(s.block, s.from, s.to, 'sentence')],
      });
    }
    // Coverage: every sentence was read, so every sentence was checked.
    return output(findings, sentences.length);
  },
});
`;
}

/** The new rule's behaviour test, beyond its examples (which test/rules/examples.test.ts runs). */
export function testTemplate(id: string): string {
  return `import { quotes, runRule } from '../helpers/harness.js';

// ${id}: what its examples do not show (near misses, options, limits). Its examples run in examples.test.ts.
describe('${id}', () => {
  it('reports the phrase with its sentence as related evidence', async () => {
    const findings = await runRule('${id}', 'Widget Market\\n\\nSales were lorem ipsum in 2024. Nothing else was.\\n');
    expect(findings.map((f) => f.messageId)).toEqual(['found']);
    expect(quotes(findings[0])).toEqual(['lorem ipsum', 'Sales were lorem ipsum in 2024.']);
  });

  it('takes the phrase from its options', async () => {
    const findings = await runRule('${id}', 'Widget Market\\n\\nSales were TBD in 2024.\\n', { phrase: 'TBD' });
    expect(findings.map((f) => f.data.text)).toEqual(['TBD']);
  });

  it('leaves the phrase alone when it is written otherwise', async () => {
    expect(await runRule('${id}', 'Widget Market\\n\\nSales were Lorem Ipsum in 2024.\\n')).toEqual([]);
  });
});
`;
}

/**
 * Write a new rule and its test under a project root, refusing an id that is taken (a rule, page
 * or test file of that name already there). Returns the files written, relative to the root; the
 * page is the docs generator's to write, from the rule once it is built.
 */
export function writeScaffold(arg: string | undefined, root: string): { rule: NewRule; files: string[] } {
  const rule = parseRuleId(arg);
  const paths = scaffoldPaths(rule);
  const taken = [paths.rule, paths.rule.replace(/\.ts$/, '.js'), paths.page, paths.test].filter((f) => existsSync(path.join(root, f)));
  if (taken.length) throw new ScaffoldError(`${rule.id} exists already (${taken.join(', ')}): choose another name`);
  mkdirSync(path.join(root, 'rules', rule.family), { recursive: true });
  mkdirSync(path.join(root, 'test', 'rules'), { recursive: true });
  writeFileSync(path.join(root, paths.rule), ruleTemplate(rule.id), { flag: 'wx' });
  writeFileSync(path.join(root, paths.test), testTemplate(rule.id), { flag: 'wx' });
  return { rule, files: [paths.rule, paths.test] };
}
