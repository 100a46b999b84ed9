import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { countOf, groupEvidence, listMembers } from '../../src/engine/group.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import type { Evidence } from '../../src/schema/position.js';
import type { Breakdown, SegmentItem } from '../../src/segments/breakdowns.js';
import { itemText } from '../../src/segments/canonical.js';
import { DOMAINS, domainTermsIn } from '../../src/lexicon/domains.js';
import { readItem, type ItemReading } from '../../src/segments/item-domain.js';
import { inferReportDomains, type ReportDomains } from '../../src/segments/report-domain.js';

const MAX_OCCURRENCES = 10;

const options = z.object({
  minScore: z
    .number()
    .min(1)
    .default(6)
    .describe('Weighted evidence (title ×5, heading ×2, body ×1) a domain needs before the report counts as being about it.'),
  activeShare: z
    .number()
    .min(0)
    .max(1)
    .default(0.25)
    .describe("A specific domain is one of the report's when it has this share of the leading domain's score."),
});

function fits(reading: ItemReading, report: ReportDomains): boolean {
  const allowed = reading.kind === 'setting' ? report.settings : report.related;
  const belongs = (d: string) => report.active.has(d) || allowed.has(d);
  return reading.domains.some(belongs) || (reading.modifiers ?? []).some((d) => report.active.has(d) || report.related.has(d));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface Occurrence {
  item: SegmentItem;
  breakdown: Breakdown;
}

interface Flagged {
  reading: ItemReading;
  occurrences: Occurrence[];
}

/** The message (kind) of a flagged item: a product of another industry, else the reading's kind. */
const messageOf = (reading: ItemReading) => (reading.modifiers ? 'product' : reading.kind);

/** An item as its group's message names it: “Fertility Clinics” (women's health and fertility: fertility), listed 2 times. */
function describeItem({ reading, occurrences }: Flagged): string {
  const field = reading.domains.map((d) => DOMAINS.get(d)!.name).join(' / ');
  const terms = [...new Set(reading.terms.map((t) => t.text))].join(', ');
  const times = occurrences.length > 1 ? `, listed ${occurrences.length} times` : '';
  return `“${occurrences[0].item.text}” (${messageOf(reading) === 'industry' ? field : `${field}: ${terms}`}${times})`;
}

/** The opening of a made-up dental report, for the examples. */
const alignersIntro = [
  'Orthodontic Aligners Market Report',
  '',
  'Clear aligners straighten teeth: orthodontists and dentists prescribe them for malocclusion, and dental labs print the trays.',
  '',
];

export default defineRule({
  id: 'segments/off-domain',
  severity: 'warning',
  description:
    'A segment item or a growth driver belongs to a domain unrelated to the report’s own (a fertility clinic in a cancer cell-therapy report, cyber insurance in a cold-chain report, neurological disease driving a dental product).',
  rationale:
    'Report mills assemble segmentations from templates of other reports; an end user or application from another specialty or industry shows the breakdown was not researched for this market, so the shares attached to it are not evidence. The report’s domain is inferred from its title, headings and vocabulary with a cited domain lexicon; an item is flagged only when it clearly names another domain — a specialty care setting, an industry or one of its products (“Cyber Insurance”, unless its other words name the report’s field, as in “Crop Insurance”), or a disease, also with a clinical action after it (“Kidney Disease Treatment”) — that the report’s domains are not related to. A bulleted growth driver is flagged when it cites a disease of such a domain and names none of the report’s own fields. General settings (hospitals, clinics, research institutes) and remainders are never flagged. The items of one kind in the breakdowns of one dimension are one finding, as are the drivers of one list.',
  messages: {
    setting: '{dimension} segments that are care settings of fields which do not deliver the report’s subject, {reportDomain} ({number}): {listing}.',
    industry: '{dimension} segments that are industries unrelated to the report’s subject, {reportDomain} ({number}): {listing}.',
    condition: '{dimension} segments that are conditions unrelated to the report’s subject, {reportDomain} ({number}): {listing}.',
    product: '{dimension} segments that are products of industries unrelated to the report’s subject, {reportDomain} ({number}): {listing}.',
    driver: 'Growth drivers citing a condition unrelated to the report’s subject, {reportDomain} ({number}): {listing}.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'a fertility clinic among the end users of a CAR-NK therapy report',
        input: [
          'CAR-NK Therapy Market Outlook',
          '',
          'CAR-NK products are an immune cell therapy tested in leukemia, lymphoma and myeloma; most trials run in oncology centres and transplant units.',
          '',
          'By End User:',
          '  • Hospitals',
          '  • Fertility Clinics',
          '  • Transplant Centres',
          '  • Others',
        ].join('\n'),
        expect: [{ messageId: 'setting', quotes: ['Fertility Clinics'], data: { count: 1 } }],
      },
      {
        name: 'an industry from another sector among the applications of a cancer-drug report',
        input: [
          'Oncology Antibody-Drug Conjugates Market',
          '',
          'Antibody-drug conjugates deliver chemotherapy to tumor cells. Pharmaceutical companies test them in cancer of the bladder, breast and cervix.',
          '',
          'By Application:',
          '  • Bladder Cancer',
          '  • Cervical Cancer',
          '  • Animal Feed',
        ].join('\n'),
        expect: [{ messageId: 'industry', quotes: ['Animal Feed'], data: { listing: '“Animal Feed” (animal feed)' } }],
      },
      {
        name: 'a disease of another specialty among the applications of a dental product',
        input: [...alignersIntro, 'By Application:', '  • Malocclusion', '  • Crowded Teeth', "  • Alzheimer's Disease"].join('\n'),
        expect: [{ messageId: 'condition', quotes: ["Alzheimer's Disease"], data: { reportDomain: 'dentistry', count: 1 } }],
      },
      {
        name: 'a product of another industry among the applications of an irrigation report',
        input: [
          'Greenhouse Irrigation Systems Market Report',
          '',
          'Greenhouse growers water vegetables, flowers and seedlings through drip lines, misting nozzles and fertigation units; agricultural cooperatives buy most systems.',
          '',
          'By Application:',
          '  • Vegetable Greenhouses',
          '  • Flower Nurseries',
          '  • Consumer Banking',
        ].join('\n'),
        expect: [
          { messageId: 'product', quotes: ['Consumer Banking'], data: { listing: '“Consumer Banking” (banking, financial services and insurance: banking)' } },
        ],
      },
      {
        name: 'a growth driver that cites a disease of another specialty',
        input: [
          ...alignersIntro,
          'Market drivers:',
          '  • More adults seeking straighter teeth',
          "  • Rising prevalence of Alzheimer's disease",
          '  • Cheaper intraoral scanners',
        ].join('\n'),
        expect: [
          {
            messageId: 'driver',
            quotes: ["Alzheimer's disease", "Rising prevalence of Alzheimer's disease"],
            data: { listing: "“Rising prevalence of Alzheimer's disease” (Alzheimer's disease: neurology)" },
          },
        ],
      },
    ],
    clean: [
      {
        name: 'cancer types and general settings in a cell-immunotherapy report',
        input: [
          'Dendritic Cell Vaccine Market',
          '',
          'A dendritic cell vaccine is an immune cell therapy; with T cell therapy it is studied in prostate cancer and glioblastoma.',
          '',
          'By Application:',
          '  • Prostate Cancer',
          '  • Glioblastoma',
          '  • Renal Cell Carcinoma',
          '  • Other',
          '',
          'By End User:',
          '  • Hospitals',
          '  • Academic Medical Centers',
          '  • Research Institutes',
        ].join('\n'),
      },
      {
        name: 'diseases a stem-cell therapy treats, including diabetes',
        input: [
          'Stem Cell Therapy Market',
          '',
          'Stem cell therapy and gene therapy rebuild damaged tissue; regenerative medicine pipelines are growing.',
          '',
          'By Application:',
          '  • Heart Failure',
          "  • Parkinson's Disease",
          '  • Type 2 Diabetes',
          '  • Osteoarthritis',
        ].join('\n'),
      },
      {
        name: 'an insurance product whose other words name the report’s own field',
        input: [
          'Crop Storage Market Report',
          '',
          'Farmers and cooperatives store grain, seed and fertilizer in silos and warehouses between harvests; agriculture ministries fund new capacity.',
          '',
          'By Application:',
          '  • Grain Silos',
          '  • Seed Stores',
          '  • Crop Insurance',
        ].join('\n'),
      },
      {
        name: 'a growth driver that cites the report’s own conditions',
        input: [
          ...alignersIntro,
          'Market drivers:',
          '  • More adults seeking straighter teeth',
          '  • Rising prevalence of malocclusion and periodontal disease',
          '  • Cheaper intraoral scanners',
        ].join('\n'),
      },
    ],
  },
  check(ctx, opts) {
    const breakdowns = ctx.segmentBreakdowns().filter((b) => b.dimension !== null && b.dimension !== 'region');
    const drivers = ctx.drivers();
    if (breakdowns.length === 0 && drivers.length === 0) return output([], 0);
    // Item blocks (and prose holding an enumeration) and drivers are not read as evidence of the
    // report's domain, so an off-domain item cannot vouch for itself.
    const exclude = new Set([...breakdowns.flatMap((b) => b.items.map((i) => i.block)), ...drivers.flatMap((d) => d.items.map((i) => i.block))]);
    const report = inferReportDomains(ctx, exclude, opts);
    if (report.primary.length === 0) return output([], 0);

    let checked = 0;
    const flagged = new Map<string, Flagged>();
    for (const breakdown of breakdowns) {
      for (const item of breakdown.items) {
        const reading = readItem(item.text);
        if (!reading) continue;
        checked++;
        if (fits(reading, report)) continue;
        const key = `${reading.kind}:${itemText(item.text)}`;
        const seen = flagged.get(key);
        if (seen) seen.occurrences.push({ item, breakdown });
        else flagged.set(key, { reading, occurrences: [{ item, breakdown }] });
      }
    }

    const reportDomain = report.primary
      .slice(0, 2)
      .map((d) => d.name)
      .join(' and ');
    const domainEvidence = report.evidence.get(report.primary[0].id);
    // One finding per dimension and kind, naming each item with its field; an item restated elsewhere was merged above.
    const groups = new Map<string, Flagged[]>();
    for (const f of flagged.values()) {
      // The first mention in reading order stands for an item; the others follow it.
      f.occurrences.sort((a, b) => a.item.block - b.item.block || a.item.from - b.item.from);
      const key = `${f.occurrences[0].breakdown.dimension ?? 'segment'}|${messageOf(f.reading)}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(f);
    }
    const span = (i: SegmentItem, role: string) => ctx.spans.of(i.block, i.from, i.to, role);
    const findings: FindingDraft<ReturnType<typeof messageOf> | 'driver'>[] = [...groups.entries()].map(([key, items]) => {
      const breakdown = items[0].occurrences[0].breakdown;
      const shared: Evidence[] = [];
      if (breakdown.labelRange) shared.push(ctx.spans.of(breakdown.labelRange.block, breakdown.labelRange.from, breakdown.labelRange.to, 'label'));
      if (domainEvidence) shared.push(ctx.spans.of(domainEvidence.block, domainEvidence.from, domainEvidence.to, 'report-domain'));
      const { primary, related } = groupEvidence(
        items.map((f) => span(f.occurrences[0].item, 'item')),
        shared,
      );
      const others = items.flatMap((f) => f.occurrences.slice(1, MAX_OCCURRENCES + 1).map((o) => span(o.item, 'occurrence')));
      return {
        messageId: messageOf(items[0].reading),
        data: {
          dimension: capitalise(breakdown.dimension ?? 'segment'),
          number: countOf(items.length, 'item'),
          count: items.length,
          listing: listMembers(items.map(describeItem)),
          reportDomain,
        },
        primary,
        related: [...related, ...others],
        key,
        group: true,
      };
    });

    for (const list of drivers) {
      const cites: Array<{ item: SegmentItem; cited: NonNullable<ReturnType<typeof offDomainCondition>> }> = [];
      for (const item of list.items) {
        checked++;
        const cited = offDomainCondition(item.text, report);
        if (cited) cites.push({ item, cited });
      }
      if (cites.length === 0) continue;
      const shared: Evidence[] = [ctx.spans.of(list.labelBlock, 0, ctx.doc.blocks[list.labelBlock].text.length, 'label')];
      if (domainEvidence) shared.push(ctx.spans.of(domainEvidence.block, domainEvidence.from, domainEvidence.to, 'report-domain'));
      const { primary, related } = groupEvidence(
        cites.map(({ item, cited }) => ctx.spans.of(item.block, item.from + cited.from, item.from + cited.to, 'condition')),
        shared,
      );
      findings.push({
        messageId: 'driver',
        data: {
          number: countOf(cites.length, 'driver'),
          count: cites.length,
          listing: listMembers(cites.map(({ item, cited }) => `“${item.text}” (${cited.text}: ${cited.domains.map((d) => DOMAINS.get(d)!.name).join(' / ')})`)),
          reportDomain,
        },
        primary,
        related: [...related, ...cites.map(({ item }) => span(item, 'driver'))],
        key: `driver|${ctx.doc.blocks[list.labelBlock].text.trim().toLowerCase()}`,
        group: true,
      });
    }
    return output(findings, checked);
  },
});

/**
 * The disease a growth driver cites when it belongs to a field unrelated to the report's ("an
 * increase in neurological diseases" driving a dental-dam market), or null. A driver that also
 * names one of the report's own fields, or a disease the report's fields treat, is about them and
 * is left alone ("chronic diseases such as diabetes and heart failure" in a wound-care report); so
 * is a disease cited by a report outside medicine that sells to healthcare.
 */
function offDomainCondition(text: string, report: ReportDomains): { text: string; from: number; to: number; domains: string[] } | null {
  // A report outside medicine that sells to healthcare (wearables, packaging) may cite any disease as demand.
  const clinical = report.primary.some((d) => d.conditions.length > 0 || d.specialties.length > 0);
  if (!clinical && [...report.related].some((d) => DOMAINS.get(d)?.umbrella)) return null;
  const hits = domainTermsIn(text);
  if (hits.some((h) => h.data.some((s) => report.active.has(s.domain)))) return null;
  const conditions = hits
    .map((h) => ({
      text: text.slice(h.from, h.to),
      from: h.from,
      to: h.to,
      domains: [...new Set(h.data.filter((s) => s.role === 'conditions').map((s) => s.domain))],
    }))
    .filter((c) => c.domains.length > 0);
  if (conditions.length === 0 || conditions.some((c) => c.domains.some((d) => report.related.has(d)))) return null;
  return conditions[0];
}
