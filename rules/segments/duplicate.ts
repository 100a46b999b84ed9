import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import type { Evidence } from '../../src/schema/position.js';
import { breakdownsOf, type Breakdown, type SegmentItem } from '../../src/segments/breakdowns.js';
import { canonicalItem, overlapOf, type CanonicalItem } from '../../src/segments/canonical.js';
import { itemDimension } from '../../src/segments/item-dimension.js';
import { isOther } from '../../src/lexicon/normalise.js';

const MAX_REPEATS = 10;

const options = z.object({
  containment: z.boolean().default(true).describe('Also report an item that contains a peer ("Hospitals and Clinics" beside "Hospitals").'),
});

/** Place lists are the geography rules' business (a region and its countries are not peers anyway). */
function isPlaceList(b: Breakdown): boolean {
  if (b.dimension === 'region') return true;
  const places = b.items.filter((i) => itemDimension(i.text) === 'region').length;
  return places * 2 >= b.items.length;
}

interface Pair {
  messageId: 'synonym' | 'contains' | 'repeat';
  first: SegmentItem;
  second: SegmentItem;
  data: Record<string, string | number>;
  breakdown: Breakdown;
  repeats: SegmentItem[];
}

export default defineRule({
  id: 'segments/duplicate',
  severity: 'warning',
  description: 'Two peers of one breakdown name the same segment, or one contains the other (“Tumors” and “Neoplasms”; “Clinics” and “Hospitals & Clinics”).',
  rationale:
    'The segments of one breakdown should partition the market; when two peers are synonyms or one includes the other, any shares or sizes given for them count the same revenue twice and cannot sum to the whole. Peers are the items of one list (a nested list is not a peer of its parent item) or of one “By …” enumeration; synonyms come from a cited thesaurus (MeSH entry terms), and remainders (“Others”) are never duplicates.',
  messages: {
    synonym:
      '{dimension} segments “{first}” and “{second}” name the same thing ({canonical}) but are listed as separate peers; their shares would be counted twice.',
    contains: '{dimension} segment “{whole}” includes “{part}”, which is listed beside it as a separate peer; the two overlap.',
    repeat: '{dimension} segment “{first}” is listed twice in the same breakdown.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'tumors and neoplasms as two indications',
        input: ['Radiopharmaceuticals Market', '', 'By Indication', '', '  • Tumors', '  • Cardiovascular Disorders', '  • Neoplasms', '  • Others'].join('\n'),
        expect: [{ messageId: 'synonym', quotes: ['Tumors', 'Neoplasms'], data: { canonical: 'cancer' } }],
      },
      {
        name: 'clinics beside hospitals & clinics',
        input: '<h2>By End User</h2><ul><li>Clinics</li><li>Hospitals &amp; Clinics</li><li>Home Care</li></ul>',
        expect: [{ messageId: 'contains', quotes: ['Hospitals & Clinics', 'Clinics'] }],
      },
    ],
    clean: [
      {
        name: 'different cancers, and a nested list under its parent',
        input: [
          '<h2>By Application</h2><ul><li>Breast Cancer</li><li>Prostate Cancer</li><li>Others</li></ul>',
          '<h2>By Product</h2><ul><li>Viral Vectors<ul><li>AAV Vectors</li><li>Lentiviral Vectors</li></ul></li><li>Plasmid DNA</li></ul>',
        ].join(''),
      },
      {
        name: 'two remainders and an aside that names a peer',
        input: '<h2>By End User</h2><ul><li>Hospitals</li><li>Clinics</li><li>Others (Home Care and Clinics)</li><li>Others</li></ul>',
      },
    ],
  },
  check(ctx, opts) {
    let checked = 0;
    const pairs = new Map<string, Pair>();
    for (const breakdown of breakdownsOf(ctx.doc)) {
      if (isPlaceList(breakdown)) continue;
      const peers: Array<{ item: SegmentItem; key: CanonicalItem }> = breakdown.items
        .filter((i) => !isOther(i.text))
        .map((item) => ({ item, key: canonicalItem(item.text) }));
      checked += peers.length;
      for (let i = 0; i < peers.length; i++) {
        for (let j = i + 1; j < peers.length; j++) {
          const overlap = overlapOf(peers[i].key, peers[j].key);
          if (!overlap || (overlap.kind === 'contains' && !opts.containment)) continue;
          const [a, b] = [peers[i].item, peers[j].item];
          const dimension = breakdown.dimension ?? 'segment';
          let pair: Omit<Pair, 'breakdown' | 'repeats'>;
          if (overlap.kind === 'repeat') pair = { messageId: 'repeat', first: a, second: b, data: { first: a.text } };
          else if (overlap.kind === 'same')
            pair = { messageId: 'synonym', first: a, second: b, data: { first: a.text, second: b.text, canonical: overlap.canonical } };
          else {
            const [whole, part] = overlap.whole === 0 ? [a, b] : [b, a];
            pair = { messageId: 'contains', first: whole, second: part, data: { whole: whole.text, part: part.text } };
          }
          pair.data.dimension = dimension.charAt(0).toUpperCase() + dimension.slice(1);
          // The same breakdown repeated elsewhere (summary table, scope list) is one problem, not several.
          const key = `${pair.messageId}|${dimension}|${[peers[i].key.parts.join('+'), peers[j].key.parts.join('+')].sort().join('|')}`;
          const seen = pairs.get(key);
          if (seen) seen.repeats.push(pair.first, pair.second);
          else pairs.set(key, { ...pair, breakdown, repeats: [] });
        }
      }
    }
    const findings: FindingDraft[] = [...pairs.values()].map((p) => {
      const related: Evidence[] = [ctx.spans.of(p.second.block, p.second.from, p.second.to, 'peer')];
      if (p.breakdown.labelRange) related.push(ctx.spans.of(p.breakdown.labelRange.block, p.breakdown.labelRange.from, p.breakdown.labelRange.to, 'label'));
      for (const r of p.repeats.slice(0, MAX_REPEATS)) related.push(ctx.spans.of(r.block, r.from, r.to, 'repeat'));
      return { messageId: p.messageId, data: p.data, primary: ctx.spans.of(p.first.block, p.first.from, p.first.to, 'item'), related };
    });
    return output(findings, checked);
  },
});
