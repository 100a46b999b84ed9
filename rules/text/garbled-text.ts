import { z } from 'zod';
import type { AuditContext } from '../../src/engine/context.js';
import { defineRule, output } from '../../src/engine/rule.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import { findDanglingGrowth, findGluedSentences } from '../../src/text/broken-sentences.js';
import { findGarbledFigures, type GarbledKind } from '../../src/text/garbled-figures.js';
import { inReadingOrder, proseSentenceFindings } from '../../src/text/findings.js';

// A broken generator can garble every paragraph: the engine lists the first findings (config
// maxFindingsPerRule) and counts the rest.
const options = z.object({});

/** Prose blocks: headings and table cells are fragments by nature and are not read as sentences. */
const isProse = (ctx: AuditContext, block: number) => {
  const kind = ctx.doc.blocks[block].kind;
  return kind === 'paragraph' || kind === 'listItem';
};

function figureFindings(ctx: AuditContext): FindingDraft<GarbledKind>[] {
  const out: FindingDraft<GarbledKind>[] = [];
  for (const b of ctx.doc.blocks) {
    for (const g of findGarbledFigures(b.text)) {
      const primary = ctx.spans.of(b.index, g.from, g.to, g.kind);
      const decimals = g.kind === 'raw-float' ? (/\.(\d+)/.exec(g.text)?.[1].length ?? 0) : 0;
      out.push({ messageId: g.kind, data: { text: g.text, decimals }, primary, related: [] });
    }
  }
  return out;
}

function sentenceFindings(ctx: AuditContext): FindingDraft<'glued-sentence' | 'dangling-growth'>[] {
  const out: FindingDraft<'glued-sentence' | 'dangling-growth'>[] = [];
  for (const b of ctx.doc.blocks) {
    if (!isProse(ctx, b.index)) continue;
    for (const g of findGluedSentences(b.text)) {
      out.push({ messageId: 'glued-sentence', data: { text: g.text }, primary: ctx.spans.of(b.index, g.from, g.to, 'glued'), related: [] });
    }
  }
  const dangling = proseSentenceFindings(ctx, 'dangling-growth', 'growth from', (s) => {
    const d = findDanglingGrowth(s.text, ctx.doc.blocks[s.block].text);
    return d && { from: d.from, to: d.to, data: { text: s.text.slice(d.from, d.to), year: d.year } };
  });
  return [...out, ...dangling];
}

export default defineRule({
  id: 'text/garbled-text',
  severity: 'warning',
  description:
    'Numbers and sentences a generator garbled: amounts with two decimal points, rates printed with machine precision, template keys printed for their text, sentences glued in lower case, growth from a start with nothing to grow to.',
  rationale:
    'Mass-produced report pages are filled from templates and computed values. When that goes wrong the page prints what no writer would: “USD 12.40.17 trillion” (two decimal points: the figure cannot be read), “a CAGR of 6.84213395770124%” (a raw floating-point value, never rounded or checked), “trends.2, and trends.3” (the keys of list items that were never filled), “… drove the rollout. signalling wider adoption” (two fragments glued, the second in lower case) and “expected to grow from $12.4 billion in 2026, at a CAGR above 6%” (a start with no end amount or later year, often the end point printed as the start). Each marks a figure or sentence the publisher did not read and cannot be relied on as stated. Dates and section numbers with two dots, small shares with many decimals, abbreviations before a lower-case word and complete “from … to …” statements are left alone.',
  messages: {
    'malformed-number': '“{text}” is not a number: it has two decimal points.',
    'raw-float': '“{text}” is printed with {decimals} decimals: a raw computed value, not a reported figure.',
    'template-key': '“{text}” is a template key printed in place of its text.',
    'glued-sentence': '“{text}”: a sentence runs on after its full stop in lower case, two fragments glued together.',
    'dangling-growth': '“{text}” gives a starting amount but nothing to grow to: the sentence names no later amount or year.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'a malformed amount, a raw float, unfilled keys, a glued sentence and a growth with no end',
        input: [
          '<h2>Outlook</h2>',
          '<p>The market is projected to reach USD 12.40.17 trillion by 2031, a CAGR of 6.84213395770124%.</p>',
          '<p>Three factors push growth: rising fibre rollouts, trends.2, and trends.3.</p>',
          '<p>Utilities and telecoms drove the rollout. signalling wider technology adoption across firms.</p>',
          '<p>Beyond that, the drugs market is expected to grow from $12.4 billion in 2026, at a CAGR above 6%.</p>',
        ].join('\n'),
        expect: [
          { messageId: 'malformed-number', quotes: ['USD 12.40.17 trillion'] },
          { messageId: 'raw-float', quotes: ['6.84213395770124%'], data: { decimals: 14 } },
          { messageId: 'template-key', quotes: ['trends.2'] },
          { messageId: 'template-key', quotes: ['trends.3'] },
          { messageId: 'glued-sentence', quotes: ['rollout. signalling'] },
          { messageId: 'dangling-growth', quotes: ['grow from $12.4 billion in 2026'], data: { year: 2026 } },
        ],
      },
    ],
    clean: [
      {
        name: 'dates, section numbers, small precise shares, abbreviations and complete growth statements',
        input: [
          '<h2>3.2.1 Market Overview</h2>',
          '<p>Updated 15.03.2024 for version 2.1.3. A share of 0.000042% went to others; prices rose 7.1% (approx. twice the rate seen in Fig.2).</p>',
          '<p>Sales should grow from $28.4 billion in 2022 to $30 billion in 2023, and from $30 billion in 2023 at 5% a year through 2030.</p>',
          '<p>Vendors include Acme Inc. and others, e.g. smaller labs, etc. and the market grew.</p>',
        ].join('\n'),
      },
    ],
  },
  check(ctx) {
    return output(inReadingOrder([...figureFindings(ctx), ...sentenceFindings(ctx)]), ctx.doc.blocks.length);
  },
});
