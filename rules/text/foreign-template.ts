import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { DOMAINS } from '../../src/lexicon/domains.js';
import { countOf, groupEvidence, listMembers } from '../../src/engine/group.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import { inferReportDomains } from '../../src/segments/report-domain.js';
import { foreignMarketIn, foreignTopicIn, namesFieldTopic, ownMarketWords } from '../../src/text/foreign-template.js';
import { inReadingOrder, proseSentenceFindings } from '../../src/text/findings.js';

const options = z.object({
  minScore: z
    .number()
    .min(1)
    .default(6)
    .describe('Weighted domain evidence a field needs before the report counts as being about it (as segments/off-domain).'),
  activeShare: z.number().min(0).max(1).default(0.25).describe("A field counts when it has at least this share of the best field's score."),
});

const nameOf = (id: string) => DOMAINS.get(id)?.name ?? id;

export default defineRule({
  id: 'text/foreign-template',
  severity: 'warning',
  description:
    'Lines taken from another field’s report template: a heading or coverage line naming a topic only another field has, or a ranking sentence about an unrelated market.',
  rationale:
    'Report mills fill one template per field and reuse sentences across reports. When the wrong template or paragraph is used, a lubricants report promises “Reimbursement Landscape” and “Procedure Volumes” (topics of medical reports) and a pet-food page says Asia-Pacific is “the fastest-growing region of the global vaccine industry”. Such lines show the text was assembled, not written, and the ranking sentence states a figure about a different market as if it were this one. The report’s field is inferred from its vocabulary (the domain lexicon, with the candidate lines set aside); a topic counts as foreign only when the report’s vocabulary shows no trace of the topic’s field or of any field that field serves (a hospital-linen report that names patients may well discuss reimbursement), and a market only when the page names it once, shares no word with the markets it is about, and its vocabulary belongs to a specific field the report is not about (parent markets such as pharmaceuticals are context). A page whose field cannot be told is not judged. The lines of one field’s template are one finding.',
  messages: {
    topic: '{lines} of a {field} report’s template in this report about {reportField}: {listing}.',
    market: 'A ranking claim about “the {market} market” ({field}), a market this {reportField} report is not about: a sentence lifted from another report.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'medical template lines in a surfactants report',
        input: [
          '<h1>Surfactants Market Outlook 2030</h1>',
          '<p>The surfactants market grows with demand for detergents, personal care and agricultural chemicals; anionic surfactants lead, and specialty chemicals makers expand capacity for non-ionic surfactants and solvents.</p>',
          '<h2>Points Covered in the Surfactants Report</h2>',
          '<ul><li>Market Size</li><li>Market Procedure Volumes</li><li>Reimbursement Landscape Review</li></ul>',
        ].join('\n'),
        expect: [
          {
            messageId: 'topic',
            quotes: ['Market Procedure Volumes', 'Reimbursement Landscape Review', 'Procedure Volumes', 'Reimbursement'],
            data: { count: 2, field: 'healthcare', reportField: 'chemicals' },
          },
        ],
      },
      {
        name: 'a sentence from a vaccine report in a surfactants report',
        input: [
          '<h1>Surfactants Market Outlook 2030</h1>',
          '<p>The surfactants market grows with demand for detergents, personal care and agricultural chemicals; anionic surfactants lead, and specialty chemicals makers expand capacity for non-ionic surfactants and solvents.</p>',
          '<p>Producers of surfactants and other chemicals in Asia add resins and catalysts capacity every year. Europe is the fastest-growing region of the worldwide vaccine market.</p>',
        ].join('\n'),
        expect: [
          { messageId: 'market', quotes: ['fastest-growing region of the worldwide vaccine market'], data: { market: 'vaccine', field: 'infectious disease' } },
        ],
      },
    ],
    clean: [
      {
        name: 'the same lines in a medical-device report, and a parent market, in a dental report',
        input: [
          '<h1>Dental Implants Market Outlook 2030</h1>',
          '<p>The dental implants market grows as dentists and orthodontic clinics treat more patients; dental implant makers and dentistry chains expand in Europe.</p>',
          '<p>North America is the largest region of the global healthcare market, and dental clinics there lead spending.</p>',
          '<ul><li>Procedure Volumes</li><li>Reimbursement Landscape Review</li></ul>',
        ].join('\n'),
      },
    ],
  },
  check(ctx, opts) {
    // Lines that name a field's topic are set aside when the report's fields are read, so a line cannot vouch for itself.
    const lines = ctx.doc.blocks.filter((b) => (b.kind === 'heading' || b.kind === 'listItem') && namesFieldTopic(b.text));
    const report = inferReportDomains(ctx, new Set(lines.map((b) => b.index)), opts);
    const fields = report.active;
    if (fields.size === 0) return output([], 0);
    const reportField = (report.primary[0] ?? DOMAINS.get([...fields][0])!).name;
    // The lines of one foreign field's template are one finding: one wrong template, many lines.
    const byField = new Map<string, Array<{ block: (typeof lines)[number]; from: number; to: number }>>();
    for (const b of lines) {
      const t = foreignTopicIn(b.text, report);
      if (t) (byField.get(t.field) ?? byField.set(t.field, []).get(t.field)!).push({ block: b, from: t.from, to: t.to });
    }
    const findings: FindingDraft<'topic' | 'market'>[] = [...byField].map(([field, hits]) => {
      const { primary, related } = groupEvidence(hits.map((h) => ctx.spans.of(h.block.index, 0, h.block.text.length, 'template line')));
      return {
        messageId: 'topic',
        data: {
          lines: countOf(hits.length, 'line'),
          count: hits.length,
          field: nameOf(field),
          reportField,
          listing: listMembers(hits.map((h) => `“${h.block.text.trim()}” (“${h.block.text.slice(h.from, h.to)}”)`)),
        },
        primary,
        related: [...related, ...hits.map((h) => ctx.spans.of(h.block.index, h.from, h.to, 'topic'))],
        key: field,
        group: true,
      };
    });
    const own = ownMarketWords(
      ctx.doc.blocks.map((b) => b.text),
      ctx.doc.metadata.market,
    );
    const markets = proseSentenceFindings(ctx, 'market', 'ranking', (s) => {
      const m = foreignMarketIn(s.text, own, fields);
      return m && { from: m.from, to: m.to, data: { market: m.market, field: nameOf(m.field), reportField } };
    });
    findings.push(...markets);
    return output(inReadingOrder(findings), ctx.doc.blocks.length);
  },
});
