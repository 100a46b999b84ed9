import { z } from 'zod';
import { defineCorpusRule, type CorpusFindingDraft } from '../../src/engine/rule.js';
import { groupCopies } from '../../src/corpus/copies.js';
import { expand } from '../../src/corpus/evidence.js';
import { joinDocuments } from '../../src/corpus/examples.js';
import { COPIES_RULE } from '../../src/corpus/ids.js';
import { marketPage, mirrorWrapper } from '../../src/corpus/market-page.js';
import { distinct, listNames, membersOf } from '../../src/corpus/members.js';
import { canonicalCopy, identityFingerprint, IdentityFingerprintSchema } from '../../src/corpus/source-identity.js';

const options = z.object({
  maxRelated: z.number().int().min(1).default(20).describe('Evidence is quoted from at most this many copies per finding.'),
});

const RELEASE = [
  'Demand for soil sensors is rising as growers adopt irrigation scheduling, and the soil sensor market was valued at USD 400 million in 2024; it is forecast to reach USD 1.05 billion by 2031, a CAGR of 14.8% from 2024 to 2031.',
  'Volumetric water content probes made up the largest product group, while wireless units with solar power are the fastest growing, as farms replace manual sampling with networks of buried probes reporting every hour.',
  'Suppliers are adding nitrate and salinity channels to their probes and bundling them with agronomy software subscriptions, which moves revenue from one-off hardware sales to recurring service contracts across large estates.',
];

const OTHER = [
  'Soil sensor shipments grew strongly last season, with the soil sensor market estimated at USD 530 million in 2024 and expected to grow at 12.1% a year from 2024 to 2030 across row crops, orchards and turf.',
  'Capacitance sensors remain the volume leader on cost, tensiometers keep a following among vineyards, and research plots increasingly combine both with weather stations for full water balance modelling.',
];

export default defineCorpusRule({
  id: COPIES_RULE,
  severity: 'info',
  description: 'Several sources are copies of one page (a syndicated release, a mirror, one page under several addresses); they count as one source.',
  rationale:
    'Press releases are syndicated to dozens of mirror sites and scrapers fetch one page under several addresses. Twenty copies of one release are one source, not twenty confirmations: the cross-source comparisons count each group once, and the group is reported once, naming the copy taken as the original. Copies are pages on the same market with the same running text (nearly all of the shorter one found in the other, by MinHash over word shingles), or the same figures and most of the same text, whatever site wraps them.',
  messages: {
    copies:
      '{count} sources are copies of one page{market} ({sites}): {sources}. {canonical} is taken as the original ({why}); the copies count as one source wherever sources are compared.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'one release on two mirror sites, each with its own navigation, headlines and footer',
        input: joinDocuments([
          {
            name: 'mirror-one.html',
            text: marketPage({ market: 'Soil Sensor', site: 'agri.example', paragraphs: RELEASE, wrapper: mirrorWrapper('wire-one.example', 'r/88') }),
          },
          {
            name: 'mirror-two.html',
            text: marketPage({ market: 'Soil Sensor', site: 'agri.example', paragraphs: RELEASE, wrapper: mirrorWrapper('wire-two.example', 'n/5') }),
          },
          { name: 'other.html', text: marketPage({ market: 'Soil Sensor', site: 'fields.example', paragraphs: OTHER }) },
        ]),
        expect: [{ messageId: 'copies', quotes: ['Demand for soil sensors'] }],
      },
    ],
    clean: [
      {
        name: 'two reports on the same market in different words',
        input: joinDocuments([
          { name: 'one.html', text: marketPage({ market: 'Soil Sensor', site: 'agri.example', paragraphs: RELEASE }) },
          { name: 'two.html', text: marketPage({ market: 'Soil Sensor', site: 'fields.example', paragraphs: OTHER }) },
        ]),
      },
      {
        name: 'the same text on two different markets is a template, not a copy',
        input: joinDocuments([
          { name: 'soil.html', text: marketPage({ market: 'Soil Sensor', site: 'agri.example', paragraphs: RELEASE }) },
          {
            name: 'leaf.html',
            text: marketPage({ market: 'Leaf Sensor', site: 'agri.example', paragraphs: RELEASE.map((p) => p.replace(/soil sensor/gi, 'leaf sensor')) }),
          },
        ]),
      },
    ],
  },

  fingerprint: (ctx) => identityFingerprint(ctx),

  check(sources, opts) {
    const members = membersOf(sources, IdentityFingerprintSchema, (fp) => ({
      copy: fp.copy,
      canonical: fp.publisher.canonical,
      published: fp.published,
      host: fp.publisher.host,
      label: fp.label,
    }));
    const findings: CorpusFindingDraft<'copies'>[] = [];
    for (const group of groupCopies(members.map((m) => m.fp.copy))) {
      const original = canonicalCopy(group.map((i) => members[i].fp));
      const order = [group[original.index], ...group.filter((_, k) => k !== original.index)];
      const names = order.map((i) => members[i].name);
      const sites = distinct(order.map((i) => members[i].fp.host));
      const label = distinct(order.map((i) => members[i].fp.label))[0];
      const quoted = order.slice(0, 1 + opts.maxRelated).map((i) => ({ i, at: members[i].full()?.at ?? null }));
      const [first, ...rest] = quoted;
      findings.push({
        messageId: 'copies',
        data: {
          count: order.length,
          market: label ? ` on the ${label} market` : '',
          sites: sites.length ? `${sites.length} site${sites.length > 1 ? 's' : ''}: ${listNames(sites, 4)}` : 'no site named',
          sources: listNames(names),
          canonical: names[0],
          why: original.why,
        },
        primary: first.at ? expand(first.at, 'text of the original', members[first.i].source) : null,
        related: rest.filter((q) => q.at).map((q) => expand(q.at!, `same text in ${members[q.i].name}`, members[q.i].source)),
        sources: order.map((i) => members[i].source),
        key: [...names].sort().join('\n'),
      });
    }
    return { findings, checked: members.length };
  },
});
