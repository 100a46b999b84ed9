import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import type { Evidence } from '../../src/schema/position.js';
import { findPlaceholders, type PlaceholderKind } from '../../src/text/placeholders.js';

// A template that was never filled can hold hundreds: the engine lists the first of them (config
// maxFindingsPerRule) and counts the rest.
const options = z.object({});

export default defineRule({
  id: 'text/placeholder',
  severity: 'error',
  description: 'Unfilled template values: “XX%”, “USD XX million”, “USD million” with no figure, “[Current Year]”, “{{…}}”, “Lorem ipsum”.',
  rationale:
    'Report mills generate pages from templates and publish them before every field is filled; a placeholder where a figure should be means the surrounding claim has no value at all, and that the page was not reviewed. Each placeholder is an error an editor must fill or delete, so each is reported where it stands, with its sentence. Unit declarations (“Revenue (USD Million)”, “in USD million”) and words that merely contain X (“XX chromosome”, “Xbox”) are not placeholders.',
  messages: {
    'unfilled-value': '“{text}” is an unfilled template value: the figure was never inserted.',
    'missing-value': '“{text}” gives a currency and unit but no figure: the value was never inserted.',
    'template-field': '“{text}” is an unfilled template field.',
    'filler-text': '“{text}” is placeholder filler text.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'XX figures and a year field',
        input: '<p>Sales stood at USD XX million in [Current Year] and should rise by XX% a year until 20XX.</p>',
        expect: [
          { messageId: 'unfilled-value', quotes: ['USD XX million'] },
          { messageId: 'template-field', quotes: ['[Current Year]'] },
          { messageId: 'unfilled-value', quotes: ['XX%'] },
          { messageId: 'unfilled-value', quotes: ['20XX'] },
        ],
      },
      {
        name: 'a unit without a figure, mustache syntax and filler',
        input: 'Outlook\n\nSales of {{product_name}} could reach $ billion by 2030. Lorem ipsum dolor sit amet. Its share is N/A%.\n',
        expect: [
          { messageId: 'template-field', quotes: ['{{product_name}}'] },
          { messageId: 'missing-value', quotes: ['$ billion'] },
          { messageId: 'filler-text', quotes: ['Lorem ipsum dolor sit amet'] },
          { messageId: 'unfilled-value', quotes: ['N/A%'] },
        ],
      },
    ],
    clean: [
      {
        name: 'real figures, unit declarations and words with X',
        input:
          '<p>Sales stood at USD 5 million in 2024 (Value, USD Mn, 2019 - 2030). Sizes are given in USD million and in terms of USD billion. Females carry an XX chromosome; the Xbox and X-ray segments grew 7% [1].</p>',
      },
    ],
  },
  check(ctx) {
    const findings: FindingDraft<PlaceholderKind>[] = [];
    const sentences = ctx.sentences();
    let s = 0;
    for (const b of ctx.doc.blocks) {
      for (const p of findPlaceholders(b.text)) {
        while (s < sentences.length && (sentences[s].block < b.index || (sentences[s].block === b.index && sentences[s].to <= p.from))) s++;
        const sentence = sentences[s];
        const related: Evidence[] =
          sentence && sentence.block === b.index && sentence.from <= p.from ? [ctx.spans.of(b.index, sentence.from, sentence.to, 'sentence')] : [];
        findings.push({ messageId: p.kind, data: { text: p.text }, primary: ctx.spans.of(b.index, p.from, p.to, 'placeholder'), related });
      }
    }
    return output(findings, ctx.doc.blocks.length);
  },
});
