import { z } from 'zod';
import { defineCorpusRule, type CorpusFindingDraft } from '../../src/engine/rule.js';
import { expand } from '../../src/corpus/evidence.js';
import { oneOfEachCopy } from '../../src/corpus/copies.js';
import { joinDocuments } from '../../src/corpus/examples.js';
import { figuresFingerprint, FiguresFingerprintSchema } from '../../src/corpus/figures.js';
import { findRecycledFigures, leanFigures, type FigureHolder } from '../../src/corpus/figures-match.js';
import { distinct, listNames, membersOf } from '../../src/corpus/members.js';
import { regionPage, REUSED_REGIONS } from '../../src/corpus/region-page.js';

const options = z.object({
  minShared: z.number().int().min(2).max(3).default(2).describe('Named figures (segment and value) two reports on different markets must share to be linked.'),
  minSharedValues: z
    .number()
    .int()
    .min(2)
    .max(4)
    .default(3)
    .describe('Values two breakdowns must share to be linked when their segments are named differently.'),
  maxRelated: z.number().int().min(1).default(20).describe('Evidence is quoted from at most this many other sources per finding.'),
});

const page = (market: string, site: string, shares: string) =>
  regionPage({ market, site, regions: REUSED_REGIONS, intro: `${market} demand keeps rising.`, regionalText: shares });

const fmt = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(2).replace(/0+$/, '')}%`;

export default defineCorpusRule({
  id: 'corpus/recycled-figures',
  severity: 'warning',
  description: 'The same set of share figures (e.g. regional shares 42 / 31 / 22) is given for different markets.',
  rationale:
    'Market shares are measured per market: two unrelated markets do not split between regions, types or end users in the same proportions. The same set of figures in reports on different markets means the figures were copied from a template, not estimated, and none of them can be trusted.',
  messages: {
    'recycled-shares':
      'The same {dimension} shares ({figures}) are given in {count} reports on different markets ({markets}): {sources}. Figures recycled across markets were not estimated for either.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'the same regional split for two unrelated markets',
        input: joinDocuments([
          { name: 'pumps.html', text: page('Industrial Pump', 'one.example', 'Europe holds 41% of the market, North America 27% and Asia-Pacific 22%.') },
          {
            name: 'sensors.html',
            text: page('Soil Sensor', 'two.example', 'Europe accounts for 41% of revenue, while North America holds 27% and Asia-Pacific 22%.'),
          },
        ]),
        expect: [{ messageId: 'recycled-shares', quotes: ['41%'] }],
      },
    ],
    clean: [
      {
        name: 'different splits',
        input: joinDocuments([
          { name: 'pumps.html', text: page('Industrial Pump', 'one.example', 'Europe holds 41% of the market, North America 27% and Asia-Pacific 22%.') },
          { name: 'sensors.html', text: page('Soil Sensor', 'two.example', 'Asia-Pacific holds 38% of the market, Europe 29% and North America 21%.') },
        ]),
      },
      {
        name: 'the same figures twice for the same market are consistent, not recycled',
        input: joinDocuments([
          { name: 'pumps.html', text: page('Industrial Pump', 'one.example', 'Europe holds 41% of the market, North America 27% and Asia-Pacific 22%.') },
          { name: 'pumps-2.html', text: page('Industrial Pump', 'two.example', 'Europe holds 41% of the market, North America 27% and Asia-Pacific 22%.') },
        ]),
      },
    ],
  },

  fingerprint: (ctx) => figuresFingerprint(ctx),

  check(sources, opts) {
    // Copies of one page (mirrors, syndicated releases) are one source: only the first of each is compared.
    const members = oneOfEachCopy(membersOf(sources, FiguresFingerprintSchema, leanFigures), (m) => m.fp.copy);
    const findings: CorpusFindingDraft<'recycled-shares'>[] = [];
    for (const group of findRecycledFigures(members, opts)) {
      // Report on the first member holding a shared figure; cite each other member's sentence.
      const cited = new Map<number, FigureHolder>();
      for (const f of group.figures) for (const h of f.holders) if (!cited.has(h.member)) cited.set(h.member, h);
      const order = [...cited.keys()].sort((a, b) => a - b);
      const names = order.map((m) => members[m].name);
      const markets = distinct(order.map((m) => members[m].fp.market));
      // Evidence is read back only for the sources quoted.
      const quoted = order.slice(0, 1 + opts.maxRelated).map((m) => {
        const h = cited.get(m)!;
        return { m, at: members[m].full()?.breakdowns[h.breakdown]?.figures[h.index]?.at ?? null };
      });
      if (quoted.some((q) => !q.at)) continue;
      findings.push({
        messageId: 'recycled-shares',
        data: {
          dimension: group.dimension,
          figures: group.figures.map((f) => `${f.label} ${fmt(f.value)}`).join(', '),
          count: order.length,
          markets: listNames(markets, 6),
          sources: listNames(names),
        },
        primary: expand(quoted[0].at!, 'figures', members[quoted[0].m].source),
        related: quoted.slice(1).map((q) => expand(q.at!, `same figures in ${members[q.m].name}`, members[q.m].source)),
        sources: order.map((m) => members[m].source),
        key: `${group.dimension}\n${[...names].sort().join('\n')}`,
      });
    }
    return { findings, checked: members.length };
  },
});
