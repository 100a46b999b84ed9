import { z } from 'zod';
import { scanDocument } from '../../src/lexicon/document-scan.js';
import { findPromotion, type PromoOccurrence } from '../../src/credibility/promo.js';
import { defineRule, output } from '../../src/engine/rule.js';

const options = z.object({
  maxPerThousandWords: z
    .number()
    .positive()
    .default(1)
    .describe('Calls to action (phrases + tracked links) per 1,000 words above which the source reads as a sales page.'),
  minOccurrences: z
    .number()
    .int()
    .min(1)
    .default(3)
    .describe('Below this many occurrences nothing is reported, however short the text (one footer link is not a pattern).'),
  maxEvidence: z.number().int().min(1).default(12).describe('Evidence spans listed in the finding (all are counted).'),
});

const round1 = (n: number) => Math.round(n * 10) / 10;

/** "“Buy now” ×2, “Request a free sample”, 3 tracking links" — the most frequent first. */
function summarise(found: PromoOccurrence[]): string {
  const byQuote = new Map<string, number>();
  let links = 0;
  for (const f of found) {
    if (f.kind === 'tracking link') links++;
    else byQuote.set(f.quote, (byQuote.get(f.quote) ?? 0) + 1);
  }
  const parts = [...byQuote]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([q, n]) => (n > 1 ? `“${q}” ×${n}` : `“${q}”`));
  if (byQuote.size > 4) parts.push('…');
  if (links > 0) parts.push(`${links} tracking link${links === 1 ? '' : 's'}`);
  return parts.join(', ');
}

export default defineRule({
  id: 'credibility/promo-density',
  severity: 'warning',
  description: 'Flags sources dense with sales calls to action and campaign-tracking links (a storefront, not a report).',
  rationale:
    'A page that asks the reader to buy, request a sample or enquire every few paragraphs, with campaign-tracked links, is a lead-generation page for a report, not the report itself: its figures are teasers written to sell and are rarely sourced. The density (per 1,000 words) separates that from an article that mentions a sample once.',
  messages: {
    dense: '{count} sales calls to action and tracking links in {words} words ({ratio} per 1,000 words; the threshold is {threshold}): {summary}.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'teaser page with repeated buy / sample prompts and tracked links',
        input: [
          '<h1>Widget Sensor Market Size and Forecast 2025 - 2032</h1>',
          '<p>The widget sensor market is expected to grow steadily as factories automate inspection lines.</p>',
          '<p>Request a free sample of this study: <a href="https://example.com/sample/1?utm_source=feed&utm_medium=2">https://example.com/sample/1</a></p>',
          '<p>Demand is led by automotive plants, with electronics close behind.</p>',
          '<p>Buy now and save: <a href="https://example.com/buy/1?utm_campaign=77">https://example.com/buy/1</a></p>',
          '<p>Questions? Speak to our analyst before buying this report.</p>',
        ].join('\n'),
        expect: [{ messageId: 'dense', quotes: ['Request a free sample', 'Buy now', 'Speak to our analyst', 'before buying this report'], data: { count: 6 } }],
      },
    ],
    clean: [
      {
        name: 'a long article with a single "request a sample" line',
        input: [
          'Widget sensors in industrial inspection',
          '',
          ...Array.from(
            { length: 12 },
            (_, i) =>
              `Section ${i + 1} discusses how inspection lines use optical and capacitive widget sensors, how plants calibrate them, what failure modes engineers see in the field, and how maintenance schedules change once sensors report their own drift. Operators compare vendors on accuracy, price and service, and the trade press reviews new models every quarter.`,
          ),
          '',
          'Readers who want the full dataset can request a sample from the publisher.',
        ].join('\n'),
      },
    ],
  },
  check(ctx, opts) {
    const found = findPromotion(ctx);
    // Counted in the document's one dictionary pass (as countWords counts them).
    const { words } = scanDocument(ctx.doc);
    const ratio = (found.length * 1000) / Math.max(words, 1);
    if (found.length < opts.minOccurrences || ratio <= opts.maxPerThousandWords) return output([], 1);
    const [first, ...rest] = found;
    return output(
      [
        {
          messageId: 'dense',
          data: {
            count: found.length,
            words,
            ratio: round1(ratio),
            threshold: opts.maxPerThousandWords,
            phrases: found.filter((f) => f.kind !== 'tracking link').length,
            links: found.filter((f) => f.kind === 'tracking link').length,
            summary: summarise(found),
          },
          primary: first.evidence(),
          related: rest.slice(0, opts.maxEvidence - 1).map((f) => f.evidence()),
        },
      ],
      1,
    );
  },
});
