import { z } from 'zod';
import { defineCorpusRule, type CorpusFindingDraft } from '../../src/engine/rule.js';
import { clip, expand, inSource } from '../../src/corpus/evidence.js';
import { oneOfEachCopy } from '../../src/corpus/copies.js';
import { joinDocuments } from '../../src/corpus/examples.js';
import { distinct, listNames, membersOf } from '../../src/corpus/members.js';
import { regionPage, REUSED_REGIONS } from '../../src/corpus/region-page.js';
import { templateFingerprint, TemplateFingerprintSchema, type TemplateFingerprint } from '../../src/corpus/template.js';
import { findTemplateGroups, leanTemplate, type Holder, type Shared } from '../../src/corpus/template-match.js';

const options = z.object({
  minListEntries: z.number().int().min(2).default(8).describe('A shared run of lists with at least this many entries links two sources by itself.'),
  minSharedWords: z.number().int().min(5).default(40).describe('Words of identical or near-identical text two sources must share to be linked.'),
  similarity: z
    .number()
    .min(0.3)
    .max(1)
    .default(0.7)
    .describe('Estimated Jaccard similarity of word shingles at or above which two paragraphs count as near-identical.'),
  maxPairwise: z.number().int().min(2).default(50).describe('A passage held by more sources than this is common boilerplate and is not counted pair by pair.'),
  maxRelated: z.number().int().min(1).default(20).describe('Evidence is quoted from at most this many other sources per finding.'),
});

function describe(s: Pick<Shared, 'kind' | 'size'>): string {
  return s.kind === 'list' ? `a ${s.size}-entry list` : s.kind === 'paragraph' ? `a near-identical ${s.size}-word paragraph` : `a ${s.size}-word passage`;
}

function evidenceOf(fp: TemplateFingerprint | null, h: Holder) {
  return (h.paragraph ? fp?.paragraphs[h.index] : fp?.passages[h.index])?.at ?? null;
}

const INTRO = (market: string) =>
  `The ${market} market report gives estimates of revenue by product, end user and region with a forecast to 2030 and profiles of leading suppliers.`;

export default defineCorpusRule({
  id: 'corpus/template-reuse',
  severity: 'warning',
  description: 'Reports from different publishers or on different markets share the same boilerplate (lists, template lines, near-identical paragraphs).',
  rationale:
    'A region list with the same mistakes, the same segment template or the same paragraphs turning up in reports on unrelated markets, or on different sites, shows the pages were filled in from one template: generated content, whose figures deserve the same suspicion as its text. Passages are compared after the market name and every number are masked; near-identical paragraphs are found by MinHash over word shingles.',
  messages: {
    'shared-template':
      '{count} reports {differ} share the same boilerplate: {passages} identical or near-identical passages, the largest {largest}: “{quote}” (in {sources}). Reports filled in from one template are a sign of generated content.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'the same region list, mistakes included, on two sites and two markets',
        input: joinDocuments([
          {
            name: 'pumps.html',
            text: regionPage({
              market: 'Industrial Pump',
              site: 'reports-one.example',
              regions: REUSED_REGIONS,
              intro: INTRO('industrial pump'),
              regionalText: 'Europe leads demand.',
            }),
          },
          {
            name: 'sensors.html',
            text: regionPage({
              market: 'Soil Sensor',
              site: 'reports-two.example',
              regions: REUSED_REGIONS,
              intro: INTRO('soil sensor'),
              regionalText: 'Asia-Pacific grows fastest.',
            }),
          },
        ]),
        expect: [{ messageId: 'shared-template', quotes: ['United States'] }],
      },
    ],
    clean: [
      {
        name: 'two copies of the same report (same site, same market) are not a template',
        input: joinDocuments([
          {
            name: 'pumps.html',
            text: regionPage({
              market: 'Industrial Pump',
              site: 'reports-one.example',
              regions: REUSED_REGIONS,
              intro: INTRO('industrial pump'),
              regionalText: 'Europe leads demand.',
            }),
          },
          {
            name: 'pumps-copy.html',
            text: regionPage({
              market: 'Industrial Pump',
              site: 'reports-one.example',
              regions: REUSED_REGIONS,
              intro: INTRO('industrial pump'),
              regionalText: 'Europe leads demand.',
            }),
          },
        ]),
      },
      {
        name: 'different region lists',
        input: joinDocuments([
          {
            name: 'pumps.html',
            text: regionPage({
              market: 'Industrial Pump',
              site: 'reports-one.example',
              regions: REUSED_REGIONS,
              intro: INTRO('industrial pump'),
              regionalText: 'Europe leads demand.',
            }),
          },
          {
            name: 'sensors.html',
            text: regionPage({
              market: 'Soil Sensor',
              site: 'reports-two.example',
              regions: '<p>Regions:</p><ul><li>Americas</li><li>EMEA</li><li>APAC</li></ul>',
              intro: 'Soil sensors measure moisture.',
              regionalText: 'Asia-Pacific grows fastest.',
            }),
          },
        ]),
      },
    ],
  },

  fingerprint: (ctx) => templateFingerprint(ctx),

  check(sources, opts) {
    // Copies of one page (mirrors, syndicated releases) are one source: only the first of each is compared.
    const members = oneOfEachCopy(membersOf(sources, TemplateFingerprintSchema, leanTemplate), (m) => m.fp.copy);
    const findings: CorpusFindingDraft<'shared-template'>[] = [];
    for (const group of findTemplateGroups(members, opts)) {
      const top = group.shared[0];
      if (!top) continue;
      // Report on the first holder of the largest passage; cite it in every other source that has
      // it, then each remaining member's own largest shared passage.
      const cited = new Map<number, Holder>();
      for (const h of top.holders) cited.set(h.member, h);
      for (const s of group.shared) for (const h of s.holders) if (!cited.has(h.member)) cited.set(h.member, h);
      const order = [...cited.keys()];
      const all = [...order, ...group.members.filter((m) => !cited.has(m))];
      const names = all.map((m) => members[m].name);
      const publishers = distinct(all.map((m) => members[m].fp.publisher));
      const markets = distinct(all.map((m) => members[m].fp.market));
      const differ = [
        publishers.length > 1 ? `from ${publishers.length} publishers (${listNames(publishers, 4)})` : null,
        markets.length > 1 ? `on ${markets.length} markets (${listNames(markets, 4)})` : null,
      ]
        .filter(Boolean)
        .join(' ');
      // Evidence is read back only for the sources quoted.
      const quoted = order.slice(0, 1 + opts.maxRelated).map((m) => ({ m, at: evidenceOf(members[m].full(), cited.get(m)!) }));
      if (quoted.some((q) => !q.at)) continue;
      const primaryAt = quoted[0].at!;
      findings.push({
        messageId: 'shared-template',
        data: {
          count: all.length,
          differ,
          passages: group.shared.length,
          words: group.shared.reduce((n, s) => n + (s.kind === 'list' ? 0 : s.size), 0),
          largest: describe(top),
          quote: clip(primaryAt.q, 120),
          sources: listNames(names),
        },
        primary: expand(primaryAt, 'shared passage', members[quoted[0].m].source),
        related: quoted.slice(1).map((q) => expand(q.at!, inSource(members[q.m].name), members[q.m].source)),
        sources: all.map((m) => members[m].source),
        key: [...names].sort().join('\n'),
      });
    }
    return { findings, checked: members.length };
  },
});
