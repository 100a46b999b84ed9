import { z } from 'zod';
import { scanDocument } from '../../src/lexicon/document-scan.js';
import { findPromotion, type PromoOccurrence } from '../../src/credibility/promo.js';
import { defineRule, output } from '../../src/engine/rule.js';
import type { AuditContext } from '../../src/engine/context.js';
import type { Evidence } from '../../src/schema/position.js';
import { bodyPlaces, pageLayout, type BodyPlace } from '../../src/text/page-chrome.js';

const options = z.object({
  maxPerThousandWords: z
    .number()
    .positive()
    .default(1)
    .describe('Calls to action (phrases + tracked links) per 1,000 words above which the page is noted, at info, as a sales page.'),
  minOccurrences: z
    .number()
    .int()
    .min(1)
    .default(3)
    .describe('Below this many occurrences nothing is reported, however short the text (one footer link is not a pattern).'),
  // The labelled corpus's publisher pages break their body at most twice (a button bar under the
  // introduction, one line before the company profile); teaser and affiliate pages do it after
  // nearly every section (5 and more), and carry 6 and more tracked links where publishers carry 3.
  minBodyPlaces: z
    .number()
    .int()
    .min(2)
    .default(4)
    .describe('Separate places in the body (between its first and last paragraph of text) where the page stops to sell, from which it is a warning.'),
  minBodyLinks: z.number().int().min(2).default(6).describe('Tracked promotional links in the body from which the page is a link farm, a warning.'),
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

/** Evidence: each body place once (its heading when it has one), then the other occurrences, in reading order. */
function evidenceOf(ctx: Pick<AuditContext, 'doc' | 'spans'>, places: BodyPlace[], found: PromoOccurrence[], max: number): Evidence[] {
  const out: Evidence[] = [];
  const shown = new Set<PromoOccurrence>();
  for (const p of places) {
    if (p.label !== null) out.push(ctx.spans.of(p.label, 0, ctx.doc.blocks[p.label].text.length, 'promotional block'));
    else {
      const first = found.find((f) => f.block === p.blocks[0]);
      if (first) {
        out.push(first.evidence());
        shown.add(first);
      }
    }
  }
  for (const f of found) if (!shown.has(f)) out.push(f.evidence());
  return out.slice(0, max);
}

/** A buyer's guide whose body holds a list of shop links (for the examples), each address ending in `query`. */
const buyersGuide = (query: string) =>
  [
    '<h1>Choosing a widget sensor for an inspection line</h1>',
    '<p>Widget sensors check parts on moving lines; buyers compare accuracy, response time, housing and the cost of calibration over the life of the sensor.</p>',
    '<h2>Sensors we looked at</h2>',
    '<ul>',
    ...['ws-100', 'ws-220', 'cp-8', 'cp-12', 'vx-3', 'vx-5'].map(
      (model) => `<li><a href="https://shop.example/${model}${query}">Model ${model.toUpperCase()} sensor</a></li>`,
    ),
    '</ul>',
    '<p>Optical models suit clean surfaces, while capacitive models cope better with dust and oil mist on older production lines.</p>',
    '<p>Calibration intervals vary from one month to a year, depending on the vendor and on the temperature of the plant.</p>',
  ].join('\n');

export default defineRule({
  id: 'credibility/promo-density',
  severity: 'warning',
  description:
    'Flags pages that break their text again and again to sell, or carry a farm of tracked sales links; a publisher’s ordinary header and footer calls to action are only noted.',
  rationale:
    'A page that stops every few paragraphs to ask the reader to buy, request a sample or enquire, with campaign-tracked links, is a lead-generation page for a report, not the report itself: its figures are teasers written to sell and are rarely sourced. But nearly every publisher page carries a “Request Sample | Buy Now” bar in its header, a contact block and a “Buy this report” line in its footer, and those say nothing about the text. So the page’s structure decides, not its phrases: calls in the header (before the first paragraph of text), in the footer (after the last) or on short lines of their own are chrome, and only count towards an info note when they are dense (per 1,000 words). It is a warning when the body is interrupted in several separate places (a place is a run of call-to-action lines, or a paragraph a call is woven into) or holds a farm of tracked links. On the labelled corpus, publisher pages break their body at most twice and carry at most 3 tracked links; teaser and affiliate pages break it 5 times and more, with 7 and more tracked links.',
  messages: {
    interleaved:
      'The text is interrupted to sell in {places} separate places ({count} calls to action and tracking links in {words} words, {bodyLinks} tracked links in the body): {summary}.',
    'link-farm': '{bodyLinks} campaign-tracked sales links in the body of the text ({count} calls to action and tracking links in {words} words): {summary}.',
    dense:
      '{count} sales calls to action and tracking links in {words} words ({ratio} per 1,000 words; the threshold is {threshold}), standing in the page’s header, footer or button lines and breaking the text in {places} place(s): {summary}.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'a teaser page that stops after every paragraph to sell',
        input: [
          '<h1>Widget Sensor Market Size and Forecast 2025 - 2032</h1>',
          '<p>The widget sensor market is expected to grow steadily as factories automate their inspection lines and replace manual checks.</p>',
          '<p>Request a free sample of this study: <a href="https://example.com/sample/1?utm_source=feed&utm_medium=2">https://example.com/sample/1</a></p>',
          '<p>Demand is led by automotive plants, with electronics makers close behind and food processors adopting the sensors fastest.</p>',
          '<p>Buy now and save: <a href="https://example.com/buy/1?utm_campaign=77">https://example.com/buy/1</a></p>',
          '<p>Optical sensors hold the larger share because they inspect surfaces without contact and at line speed.</p>',
          '<p>Questions? Speak to our analyst before buying this report.</p>',
          '<p>Asia Pacific leads the regional ranking on the strength of its electronics and automotive supply chains.</p>',
          '<p>Get a free sample: <a href="https://example.com/sample/1?utm_source=feed&utm_medium=3">https://example.com/sample/1</a></p>',
          '<p>Vendors compete on accuracy, price and the service contracts that come with the hardware.</p>',
        ].join('\n'),
        expect: [
          {
            messageId: 'interleaved',
            quotes: ['Request a free sample', 'Buy now', 'Speak to our analyst', 'Get a free sample'],
            data: { places: 4, count: 8, bodyLinks: 3 },
          },
        ],
      },
      {
        name: 'a list of campaign-tracked shop links in the body, in one place',
        input: buyersGuide('?utm_source=blog&utm_medium=list'),
        expect: [{ messageId: 'link-farm', quotes: ['Sensors we looked at', 'Model WS-100 sensor', 'Model VX-5 sensor'], data: { bodyLinks: 6, places: 1 } }],
      },
      {
        name: 'a short page whose calls to action all stand in its header bar and footer (noted, not warned)',
        input: [
          '<p><a href="https://example.com/sample">Request Sample</a> | <a href="https://example.com/buy">Buy Now</a> | <a href="https://example.com/cart">Add to Cart</a></p>',
          '<h1>Widget Sensor Market Size and Forecast 2025 - 2032</h1>',
          '<p>The widget sensor market is expected to grow steadily as factories automate their inspection lines and replace manual checks.</p>',
          '<p>Demand is led by automotive plants, with electronics makers close behind and food processors adopting the sensors fastest.</p>',
          '<p>Optical sensors hold the larger share because they inspect surfaces without contact and at line speed.</p>',
          '<p><a href="https://example.com/buy">Buy this report</a></p>',
        ].join('\n'),
        expect: [{ messageId: 'dense', quotes: ['Request Sample', 'Buy this report'], data: { count: 4, places: 0 } }],
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
      { name: 'the same list of shop links without campaign tracking', input: buyersGuide('') },
    ],
  },
  check(ctx, opts) {
    const found = findPromotion(ctx);
    if (found.length < opts.minOccurrences) return output([], 1);
    // Counted in the document's one dictionary pass (as countWords counts them).
    const { words } = scanDocument(ctx.doc);
    const ratio = (found.length * 1000) / Math.max(words, 1);
    const inBlocks = found.filter((f) => f.block >= 0);
    const layout = pageLayout(ctx.doc, inBlocks);
    const places = bodyPlaces(ctx.doc, layout, new Set(inBlocks.map((f) => f.block)));
    const bodyLinks = inBlocks.filter((f) => f.kind === 'tracking link' && layout.placement(f.block) === 'body').length;
    const messageId =
      places.length >= opts.minBodyPlaces ? 'interleaved' : bodyLinks >= opts.minBodyLinks ? 'link-farm' : ratio > opts.maxPerThousandWords ? 'dense' : null;
    if (!messageId) return output([], 1);
    const [primary, ...related] = evidenceOf(ctx, places, found, opts.maxEvidence);
    return output(
      [
        {
          messageId,
          severity: messageId === 'dense' ? 'info' : undefined,
          data: {
            count: found.length,
            words,
            ratio: round1(ratio),
            threshold: opts.maxPerThousandWords,
            places: places.length,
            woven: places.filter((p) => p.woven).length,
            phrases: found.filter((f) => f.kind !== 'tracking link').length,
            links: found.filter((f) => f.kind === 'tracking link').length,
            bodyLinks,
            summary: summarise(found),
          },
          primary,
          related,
        },
      ],
      1,
    );
  },
});
