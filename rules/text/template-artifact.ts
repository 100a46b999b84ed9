import { z } from 'zod';
import type { AuditContext } from '../../src/engine/context.js';
import { defineRule, output } from '../../src/engine/rule.js';
import { findCallToAction } from '../../src/text/call-to-action.js';
import { isChartCaption, runInCaption, statesFigures } from '../../src/parse/captions.js';
import { findMarkdown, type MarkdownConstruct } from '../../src/text/markdown.js';
import { findRunOnList } from '../../src/text/run-on-list.js';
import { pageLayout, type TextRange } from '../../src/text/page-chrome.js';
import { inReadingOrder, proseSentenceFindings } from '../../src/text/findings.js';
import { findDoubledWords } from '../../src/text/doubled-words.js';
import { findMarkupResidue, type ResidueKind } from '../../src/text/markup-residue.js';
import { imageNear, isNumberedCaption } from '../../src/text/orphan-captions.js';
import type { FindingDraft, MessageData } from '../../src/schema/finding.js';
import type { Evidence } from '../../src/schema/position.js';

const options = z.object({
  maxEvidence: z.number().int().min(1).default(20).describe('Occurrences attached as evidence to one grouped finding (Markdown, calls to action).'),
});

type Options = z.infer<typeof options>;

/** Markdown in HTML: one finding per construct, since one unrendered conversion caused them all. */
function markdownFindings(ctx: AuditContext, opts: Options): FindingDraft<'markdown'>[] {
  if (ctx.doc.format !== 'html') return [];
  const byConstruct = new Map<MarkdownConstruct, Evidence[]>();
  for (const b of ctx.doc.blocks) {
    for (const m of findMarkdown(b.text)) {
      const list = byConstruct.get(m.construct) ?? [];
      byConstruct.set(m.construct, list);
      list.push(ctx.spans.of(b.index, m.from, m.to, 'markdown'));
    }
  }
  return [...byConstruct].map(([construct, places]) => ({
    messageId: 'markdown',
    data: { construct, count: places.length, example: places[0].quote },
    primary: places[0],
    related: places.slice(1, opts.maxEvidence),
  }));
}

/**
 * Calls to action woven into the prose: one finding per distinct call, with every place it recurs.
 * A call on a line of its own, in the header or the footer is the publisher's chrome (button bars,
 * "Request a sample: …" lines), which credibility/promo-density weighs; here only a call that
 * shares its paragraph with real text, as a sentence pasted into the report. A call that is a
 * working link ("Purchase this Report: https://…") is a sales link, which promo-density counts.
 */
function callFindings(ctx: AuditContext, opts: Options): FindingDraft<'call-to-action'>[] {
  const linked = new Set(ctx.doc.links.map((l) => l.block));
  const calls: Array<TextRange & { key: string }> = [];
  for (const s of ctx.sentences()) {
    if (linked.has(s.block)) continue;
    const call = findCallToAction(s.text);
    if (call) calls.push({ block: s.block, from: s.from + call.from, to: s.from + call.to, key: call.key });
  }
  if (calls.length === 0) return [];
  const layout = pageLayout(ctx.doc, calls);
  const byKey = new Map<string, Evidence[]>();
  for (const c of calls) {
    if (!layout.isContent(c.block)) continue;
    const list = byKey.get(c.key) ?? [];
    byKey.set(c.key, list);
    list.push(ctx.spans.of(c.block, c.from, c.to, 'call-to-action'));
  }
  return [...byKey.values()].map((places) => ({
    messageId: 'call-to-action',
    data: { text: places[0].quote, count: places.length },
    primary: places[0],
    related: places.slice(1, opts.maxEvidence),
  }));
}

/**
 * A table next to a caption, a paragraph under it giving its figures, a list of values under it or,
 * in HTML, image markup beside it is the content it describes.
 */
function contentNear(ctx: AuditContext, index: number): boolean {
  const { blocks } = ctx.doc;
  if ([index - 1, index + 1, index + 2].some((i) => blocks[i]?.kind === 'tableCell')) return true;
  if (ctx.doc.format === 'html' && imageNear(ctx.text, blocks, index)) return true;
  const next = blocks[index + 1];
  if (next?.kind === 'listItem') return true;
  return next !== undefined && next.kind === 'paragraph' && !isNumberedCaption(blocks[index].text) && statesFigures(blocks[index].text, next.text);
}

function captionFindings(ctx: AuditContext): FindingDraft<'chart-caption'>[] {
  const out: FindingDraft<'chart-caption'>[] = [];
  for (const b of ctx.doc.blocks) {
    if (b.kind === 'listItem' || b.kind === 'tableCell') continue;
    const whole = (isChartCaption(b.text) || isNumberedCaption(b.text)) && !contentNear(ctx, b.index);
    const range = whole ? { from: 0, to: b.text.length } : b.kind === 'paragraph' ? runInCaption(b.text) : null;
    if (!range) continue;
    const caption = ctx.spans.of(b.index, range.from, range.to, 'caption');
    out.push({ messageId: 'chart-caption', data: { caption: caption.quote.trim(), runIn: range.from > 0 }, primary: caption, related: [] });
  }
  return out;
}

/** Occurrences grouped under one finding per key: one cause (a template, a scraper) made them all. */
function grouped<M extends string>(
  ctx: AuditContext,
  opts: Options,
  messageId: M,
  hits: Array<{ key: string; block: number; from: number; to: number; data: MessageData }>,
): FindingDraft<M>[] {
  const byKey = new Map<string, { data: MessageData; places: Evidence[] }>();
  for (const h of hits) {
    const group = byKey.get(h.key) ?? { data: h.data, places: [] };
    byKey.set(h.key, group);
    group.places.push(ctx.spans.of(h.block, h.from, h.to, messageId));
  }
  return [...byKey.values()].map(({ data, places }) => ({
    messageId,
    data: { ...data, text: places[0].quote, count: places.length },
    primary: places[0],
    related: places.slice(1, opts.maxEvidence),
  }));
}

/** A template or function word printed twice ("Surfactants Market Market Size"). */
function doubledFindings(ctx: AuditContext, opts: Options): FindingDraft<'doubled-word'>[] {
  const hits = ctx.doc.blocks.flatMap((b) =>
    findDoubledWords(b.text).map((d) => ({ key: d.text.toLowerCase(), block: b.index, from: d.from, to: d.to, data: {} })),
  );
  return grouped(ctx, opts, 'doubled-word', hits);
}

const RESIDUE_NAMES: Record<ResidueKind, string> = {
  'image-address': 'the address of an image',
  'footnote-link': 'a footnote marker glued to its raw link',
  'escaped-markup': 'HTML escaped twice, shown as text',
};

/** Image addresses, glued footnote links and escaped markup in the visible text: one finding per kind. */
function residueFindings(ctx: AuditContext, opts: Options): FindingDraft<'markup-residue'>[] {
  const html = ctx.doc.format === 'html';
  const hits = ctx.doc.blocks.flatMap((b) =>
    findMarkupResidue(b.text, html).map((r) => ({ key: r.kind, block: b.index, from: r.from, to: r.to, data: { kind: RESIDUE_NAMES[r.kind] } })),
  );
  return grouped(ctx, opts, 'markup-residue', hits);
}

function runOnFindings(ctx: AuditContext): FindingDraft<'run-on-list'>[] {
  return proseSentenceFindings(ctx, 'run-on-list', 'lead-in', (s) => {
    const found = findRunOnList(s.text);
    return found && { from: 0, to: found.leadEnd, data: { leadIn: s.text.slice(0, found.leadEnd), names: found.names } };
  });
}

export default defineRule({
  id: 'text/template-artifact',
  severity: 'warning',
  description:
    'Leftovers of page generation inside the content: Markdown in HTML, calls to action woven into the prose, captions of missing charts, sentences that run into a list, doubled template words, image addresses and footnote links in the text.',
  rationale:
    'Scraped and mass-produced reports carry the marks of how they were made: Markdown that was never rendered (a text generator’s output pasted into HTML), “Request a Free Sample” pasted into a paragraph of the report, captions whose chart was dropped (“Figure 1: …”, “… Market Size (USD Billion)” with no image, table or figures beside it), template sentences whose verb was lost before a list of company names, a name joined to its own suffix (“Market Market Size”), and the scraped remains of image addresses, glued footnote links and twice-escaped HTML. Each shows the text was not edited, and the captions and broken sentences hide what the source actually showed or said. Markdown in a plain-text document is ordinary text and is not reported; a heading followed by its paragraph is not a caption; a call to action on a line of its own or in the header or footer is the publisher’s chrome, weighed by credibility/promo-density.',
  messages: {
    markdown: 'Markdown {construct} syntax appears {count} time(s) in an HTML document (e.g. “{example}”): it was never rendered.',
    'call-to-action': 'Sales call to action woven into the text: “{text}” ({count} time(s)).',
    'chart-caption': '“{caption}” is the caption of a chart or table that is not in the document.',
    'run-on-list': 'Sentence fragment “{leadIn}” runs into a list of {names} names with no verb.',
    'doubled-word': '“{text}”: a word printed twice, as when a template joins a name to its own suffix ({count} time(s)).',
    'markup-residue': 'Markup left in the visible text, {kind}: “{text}” ({count} time(s)).',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'Markdown bold in HTML',
        input: '<p>**Acme Biologics** leads the segment.</p><p>**Zenith Therapeutics**, a subsidiary of Orion Health, follows.</p>',
        expect: [{ messageId: 'markdown', quotes: ['**Acme Biologics**', '**Zenith Therapeutics**'], data: { construct: 'bold', count: 2 } }],
      },
      {
        name: 'calls to action woven into paragraphs of the report',
        input: [
          'Regional Analysis',
          '',
          'Sales grew in 2024, helped by new reimbursement rules. For a detailed breakdown, Request a Free Sample. Hospitals in Germany and France bought most of the new systems.',
          '',
          'Competitive Landscape',
          '',
          'Five vendors hold most of the market and compete on service contracts. Explore 120+ data tables: Get immediate access to the full study.',
          '',
          'Prices fell in 2023 as new entrants from Asia discounted heavily. For a detailed breakdown, Request a Free Sample.',
        ].join('\n'),
        expect: [
          { messageId: 'call-to-action', quotes: ['For a detailed breakdown, Request a Free Sample'], data: { count: 2 } },
          { messageId: 'call-to-action', quotes: ['Get immediate access to the full study'] },
        ],
      },
      {
        name: 'a chart caption with no chart and a list with no verb',
        input: [
          'Wearable Insulin Pump Shipments 2019 To 2024',
          '',
          'Adoption Rose Across Every Region.',
          '',
          'Pump use grew as insurers widened coverage.',
          '',
          'A few of the leading vendors in the Acme Devices Inc., Borealis Medical Ltd., Cygnus Health Corp., and Delta Pumps AG.',
        ].join('\n'),
        expect: [
          { messageId: 'chart-caption', quotes: ['Wearable Insulin Pump Shipments 2019 To 2024'] },
          { messageId: 'run-on-list', quotes: ['A few of the leading vendors in the'], data: { names: 4 } },
        ],
      },
      {
        name: 'a numbered caption with no figure, a doubled word and scraped link residue',
        input: [
          '<h2>Cost drivers</h2>',
          '<p>Chronic disease raises demand for imaging in every region we cover.</p>',
          '<p><strong>Figure 2: Energy use per household (kWh), 2019</strong></p>',
          '<p>Source: Secondary Research</p>',
          '<p>The Heat Pump Market Market Size is driven by building rules in Europe.[2]https://example.gov/rules</p>',
        ].join('\n'),
        expect: [
          { messageId: 'chart-caption', quotes: ['Figure 2: Energy use per household (kWh), 2019'] },
          { messageId: 'doubled-word', quotes: ['Market Market'] },
          { messageId: 'markup-residue', quotes: ['[2]https://example.gov/rules'], data: { kind: 'a footnote marker glued to its raw link' } },
        ],
      },
    ],
    clean: [
      {
        name: 'Markdown in plain text, headings with their content, a complete list sentence',
        input: [
          'Global Dental Implants Market Size and Forecast 2024 to 2031',
          '',
          'Dental Implant Approvals 2021 Vs 2022',
          '',
          'Approvals rose from 14 in 2021 to 19 in 2022.',
          '',
          'Sales reach USD 4 Bn in 2024 and keep rising. **Note**: values are estimates.',
          '',
          'Leading vendors include Acme Devices Inc., Borealis Medical Ltd., Cygnus Health Corp., and Delta Pumps AG.',
          '',
          'Clinics that request a sample of the data receive it by email; many labs purchase reagents in bulk.',
        ].join('\n'),
      },
      {
        name: 'a caption beside its image, a reference list, grammatical repeats',
        input: [
          '<h2>Market size</h2>',
          '<figure><img src="/charts/heat-pump-market-size.png" alt="chart"><figcaption>Heat Pump Market Size 2023 to 2032 (USD Billion)</figcaption></figure>',
          '<p>Installers say that that rule helped; the firm had had a weak 2022, and on-board controls (see chart.png) improved.</p>',
          '<p>[1] https://example.gov/heat-pumps</p>',
        ].join('\n'),
      },
      {
        name: 'a publisher’s button bar, a call on its own line and a footer call',
        input: [
          'Dental Implants Market Report',
          '',
          'Request Free Sample | Buy Now | Speak to Analyst',
          '',
          'The dental implants market grew in 2024 as clinics in Europe and Asia replaced bridges with implants for older patients.',
          '',
          'For a detailed breakdown, Request a Free Sample',
          '',
          'Titanium implants still outsell zirconia ones, but ceramic systems gain share in cosmetic dentistry every year.',
          '',
          'Request a free sample PDF: https://example.com/dental-implants/sample',
        ].join('\n'),
      },
    ],
  },
  check(ctx, opts) {
    const findings = [
      ...markdownFindings(ctx, opts),
      ...callFindings(ctx, opts),
      ...captionFindings(ctx),
      ...runOnFindings(ctx),
      ...doubledFindings(ctx, opts),
      ...residueFindings(ctx, opts),
    ];
    return output(inReadingOrder(findings), ctx.doc.blocks.length);
  },
});
