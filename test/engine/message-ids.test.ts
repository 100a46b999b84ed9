// A rule's message ids are checked by the compiler: each `@ts-expect-error` below marks a misspelled
// or unchecked id that `tsc --noEmit` (run by `npm test`) must reject. If the check ever stops
// working, the directive is unused and tsc fails. The engine's runtime check stays behind it.
import { z } from 'zod';
import { defineCorpusRule, defineRule, output, type CorpusFindingDraft } from '../../src/engine/rule.js';
import { materialise } from '../../src/engine/run.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import { contextOf } from '../helpers/harness.js';

const declared = {
  severity: 'warning' as const,
  description: 'A rule declared for the message-id type test.',
  rationale: 'Only for this test: its message ids are "found" and "twice".',
  messages: { found: 'Found {word}.', twice: 'Found {word} twice.' },
  options: z.object({}),
  examples: { flagged: [], clean: [] },
};

const typed = defineRule({
  ...declared,
  id: 'test/typed',
  check(ctx) {
    const findings: FindingDraft<'found' | 'twice'>[] = [];
    findings.push({ messageId: 'found', data: { word: 'widget' }, primary: ctx.spans.block(0, 'title') });
    // @ts-expect-error: a local array of drafts accepts only the ids it is declared with
    findings.push({ messageId: 'fonud', data: { word: 'widget' }, primary: null });
    return output(findings, 1);
  },
});

const inlineTypo = defineRule({
  ...declared,
  id: 'test/inline-typo',
  // @ts-expect-error: "fonud" is not among the rule's messages
  check() {
    return output([{ messageId: 'fonud', data: { word: 'widget' }, primary: null }], 1);
  },
});

defineRule({
  ...declared,
  id: 'test/unchecked-ids',
  // @ts-expect-error: drafts whose id may be any string are not accepted, so `messages` alone decides the ids
  check() {
    const findings: FindingDraft[] = [];
    return output(findings, 0);
  },
});

defineRule({
  ...declared,
  id: 'test/example-typo',
  examples: {
    // @ts-expect-error: an example may expect only a declared message id
    flagged: [{ name: 'a misspelled expectation', input: 'Widget Market\n', expect: [{ messageId: 'twcie' }] }],
    clean: [],
  },
  check: () => output([], 0),
});

defineCorpusRule({
  ...declared,
  id: 'test/corpus-typo',
  fingerprint: () => null,
  // @ts-expect-error: cross-source rules' drafts are checked the same way
  check(sources) {
    const findings: CorpusFindingDraft<'tiwce'>[] = [];
    return { findings, checked: sources.length };
  },
});

describe('message ids', () => {
  const ctx = contextOf('Widget Market\n\nThe widget market.\n');

  it('lets a declared id through to the finding', () => {
    const [draft] = typed.check(ctx, {}).findings;
    expect(materialise(typed, 'warning', draft).message).toBe('Found widget.');
  });

  it('still rejects at run time an id the compiler was told to let pass', () => {
    const [draft] = inlineTypo.check(ctx, {}).findings;
    expect(() => materialise(inlineTypo, 'warning', draft)).toThrow('test/inline-typo: unknown messageId "fonud"');
  });
});
