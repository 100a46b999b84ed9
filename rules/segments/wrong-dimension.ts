import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import type { Evidence } from '../../src/schema/position.js';
import { breakdownsOf, type Breakdown } from '../../src/segments/breakdowns.js';
import { canonicalItem } from '../../src/segments/canonical.js';
import { itemDimension, type ItemDimension } from '../../src/segments/item-dimension.js';
import { labelNamesItem } from '../../src/segments/label-qualifier.js';

const MAX_ITEMS_SHOWN = 6;

/**
 * Item kinds that cannot belong to a breakdown of the labelled dimension. What is not listed is
 * tolerated: diseases under "Type" (cancer types) or industries under "End User" (end-use
 * industries) are normal; end users under "Application" are not.
 */
const CONFLICTS: Record<string, ReadonlyArray<ItemDimension>> = {
  application: ['end user', 'distribution channel', 'region'],
  indication: ['end user', 'distribution channel', 'region', 'industry'],
  'end user': ['indication', 'distribution channel', 'region', 'delivery method'],
  'distribution channel': ['indication', 'region', 'delivery method', 'industry'],
  'delivery method': ['end user', 'distribution channel', 'region', 'indication', 'industry'],
  type: ['end user', 'distribution channel', 'region', 'industry'],
  product: ['end user', 'distribution channel', 'region', 'industry'],
  technology: ['end user', 'distribution channel', 'region', 'industry'],
  component: ['end user', 'distribution channel', 'region', 'industry'],
  source: ['end user', 'distribution channel', 'region', 'industry'],
  // A form list names physical states (liquid, powder, granules); ingredients belong in a type list.
  form: ['end user', 'distribution channel', 'region', 'industry', 'indication', 'substance'],
  region: ['end user', 'distribution channel', 'indication', 'therapeutic area', 'industry', 'delivery method'],
};

const options = z.object({
  threshold: z.number().min(0.5).max(1).default(0.6).describe("Share of the list's non-remainder items that must belong to one other dimension."),
  minItems: z.number().int().min(1).default(2).describe('At least this many items must belong to that other dimension.'),
});

function plural(dimension: string): string {
  return dimension.endsWith('y') ? dimension.slice(0, -1) + 'ies' : dimension + 's';
}

export default defineRule({
  id: 'segments/wrong-dimension',
  severity: 'warning',
  description: 'A breakdown labelled as one dimension lists items of another (an “Application” list of end users).',
  rationale:
    'A breakdown’s label says what its shares measure; when most of its items belong to another dimension (research centres and laboratories under “Application”, sales channels under “Type”), the segmentation was copied or mislabelled and the figures attached to it cannot be read as stated. Items are classified by their head noun and a cited lexicon (NAICS establishment types, FDA routes, MeSH disease names, the domain lexicon); unclassified items and remainders count against flagging.',
  messages: {
    'wrong-dimension': 'The breakdown labelled “{label}” is by {labelDimension}, but {count} of its {total} items are {itemDimensionPlural}: {items}.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'an application list whose items are end users',
        input:
          '<p><strong>Biosimilars Market Share by Application:</strong></p><ul><li>Specialty Clinics</li><li>Clinical Laboratories</li><li>Teaching Hospitals</li><li>Others</li></ul>',
        expect: [
          {
            messageId: 'wrong-dimension',
            quotes: ['by Application', 'Specialty Clinics', 'Clinical Laboratories', 'Teaching Hospitals'],
            data: { labelDimension: 'application', itemDimension: 'end user', count: 3, total: 3 },
          },
        ],
      },
      {
        name: 'a type list of sales channels',
        input: [
          'Insulin Pens Market',
          '',
          'By Type',
          '',
          '  • Hospital Pharmacies',
          '  • Retail Pharmacies',
          '  • Online Pharmacies',
          '  • Reusable Pens',
        ].join('\n'),
        expect: [{ messageId: 'wrong-dimension', data: { itemDimension: 'distribution channel', count: 3, total: 4 } }],
      },
    ],
    clean: [
      {
        name: 'cancer types as applications, and end users as end users',
        input:
          '<h2>By Application</h2><ul><li>Prostate Cancer</li><li>Melanoma</li><li>Other</li></ul><h2>By End User</h2><ul><li>Hospitals</li><li>Oncology Clinics</li></ul>',
      },
      {
        name: 'a mixed list below the threshold',
        input: '<h2>By Application</h2><ul><li>Oncology</li><li>Hospitals</li><li>Cardiology</li><li>Research Laboratories</li><li>Neurology</li></ul>',
      },
    ],
  },
  check(ctx, opts) {
    let checked = 0;
    const findings: Array<FindingDraft<'wrong-dimension'> & { dims: string; keys: ReadonlySet<string>; related: Evidence[] }> = [];
    for (const breakdown of breakdownsOf(ctx.doc)) {
      const conflicts = breakdown.dimension ? CONFLICTS[breakdown.dimension] : undefined;
      if (!conflicts) continue;
      checked++;
      const finding = judge(breakdown, conflicts, opts);
      if (!finding) continue;
      const label = breakdown.labelRange;
      const items = finding.items;
      const spans = items.map((i) => ctx.spans.of(i.block, i.from, i.to, 'item'));
      // A breakdown restated elsewhere (title, scope table, summary) is reported once, with the restatement beside it.
      const dims = `${breakdown.dimension}|${finding.dimension}`;
      const keys = new Set(items.flatMap((i) => canonicalItem(i.text).parts));
      const earlier = findings.find((f) => f.dims === dims && [...keys].some((k) => f.keys.has(k)));
      if (earlier) {
        if (label) earlier.related.push(ctx.spans.of(label.block, label.from, label.to, 'restated'));
        earlier.related.push(...spans.map((s) => ({ ...s, role: 'restated' })));
        continue;
      }
      findings.push({
        dims,
        keys,
        messageId: 'wrong-dimension',
        data: {
          label: breakdown.label ?? '',
          labelDimension: breakdown.dimension!,
          itemDimension: finding.dimension,
          itemDimensionPlural: plural(finding.dimension),
          count: items.length,
          total: finding.total,
          items: items
            .slice(0, MAX_ITEMS_SHOWN)
            .map((i) => `“${i.text}”`)
            .join(', '),
        },
        primary: label ? ctx.spans.of(label.block, label.from, label.to, 'label') : spans[0],
        related: spans,
      });
    }
    return output(
      findings.map(({ dims: _dims, keys: _keys, ...f }) => f),
      checked,
    );
  },
});

function judge(
  breakdown: Breakdown,
  conflicts: ReadonlyArray<ItemDimension>,
  opts: { threshold: number; minItems: number },
): { dimension: ItemDimension; items: Breakdown['items']; total: number } | null {
  const counted = breakdown.items.map((item) => ({ item, dimension: itemDimension(item.text) })).filter((c) => c.dimension !== 'other');
  if (counted.length === 0) return null;
  const byDimension = new Map<ItemDimension, Breakdown['items']>();
  for (const c of counted) {
    if (c.dimension === null || c.dimension === 'other' || !conflicts.includes(c.dimension)) continue;
    // "Commercial Vehicles" under "By Vehicle Type" is what the label asks for, whatever else it reads as.
    if (labelNamesItem(breakdown.label, c.item.text)) continue;
    byDimension.set(c.dimension, [...(byDimension.get(c.dimension) ?? []), c.item]);
  }
  const [best] = [...byDimension.entries()].sort((a, b) => b[1].length - a[1].length);
  if (!best) return null;
  const [dimension, items] = best;
  if (items.length < opts.minItems || items.length < opts.threshold * counted.length) return null;
  return { dimension, items, total: counted.length };
}
