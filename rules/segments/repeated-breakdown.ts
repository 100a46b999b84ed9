import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { countOf, listMembers, NAMED_MEMBERS } from '../../src/engine/group.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import type { DocumentModel } from '../../src/schema/document.js';
import type { Breakdown } from '../../src/segments/breakdowns.js';
import { canonicalItem } from '../../src/segments/canonical.js';
import { itemDimension } from '../../src/segments/item-dimension.js';
import { labelQualifier } from '../../src/segments/label-qualifier.js';
import { isPlayerList } from '../../src/segments/players.js';
import { isOther, normaliseText, singular, words } from '../../src/lexicon/normalise.js';

const MAX_SHOWN = 6;
const MAX_BREAKDOWNS = 100;

/** Dimensions that name the same cut: a "Product Type" list restated as "Type" is one breakdown. */
const SAME_CUT: Record<string, string> = { product: 'type', type: 'type' };

const options = z.object({
  minSharedItems: z
    .number()
    .int()
    .min(2)
    .default(3)
    .describe('Items two differently labelled breakdowns must share, all of them, to be one segmentation presented twice.'),
});

interface Cut {
  breakdown: Breakdown;
  /** Canonical parts of its items (remainders left out). */
  parts: ReadonlySet<string>;
  texts: string[];
}

function cutOf(b: Breakdown): Cut {
  const items = b.items.filter((i) => !isOther(i.text));
  return { breakdown: b, parts: new Set(items.flatMap((i) => canonicalItem(i.text).parts)), texts: items.map((i) => i.text) };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((p) => b.has(p));
}

function disjoint(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return [...a].every((p) => !b.has(p));
}

/** Where two statements of one dimension must agree: the title against the body, or one block or section with itself. */
function comparable(doc: DocumentModel, a: Breakdown, b: Breakdown): boolean {
  const blockOf = (x: Breakdown) => x.labelRange?.block ?? x.items[0].block;
  const [ba, bb] = [blockOf(a), blockOf(b)];
  const title = doc.metadata.title;
  const inTitle = (block: number) => title !== null && doc.blocks[block].text === title;
  return inTitle(ba) || inTitle(bb) || ba === bb || doc.blocks[ba].section === doc.blocks[bb].section;
}

function isPlaceList(b: Breakdown): boolean {
  return b.dimension === 'region' || b.items.filter((i) => itemDimension(i.text) === 'region').length * 2 >= b.items.length;
}

const shown = (texts: string[]) =>
  texts
    .slice(0, MAX_SHOWN)
    .map((t) => `“${t}”`)
    .join(', ');

export default defineRule({
  id: 'segments/repeated-breakdown',
  severity: 'warning',
  description:
    'One segmentation is presented as two (the same items under “By Application” and “By End User”), or one dimension is given twice with different items (“By Type (A, B)” in the title, “By Type: C, D” in the body).',
  rationale:
    'Each breakdown of a report is a different cut of the same market. The same item list under two dimension labels means one of the cuts was copied and never researched; the same dimension stated twice with no item in common means one of the two lists belongs to another report. Lists are compared by their items’ canonical names (synonyms and remainders aside); “Type” and “Product Type” count as one dimension, and two statements of a dimension are compared only where they must agree: the title against the body, or within one block or section. One item set under several labels is one finding, as is one dimension stated several times.',
  messages: {
    sameItems: 'The breakdowns labelled {labels} list the same {count} items ({items}); one segmentation is presented as {dimensions}.',
    twice: 'The {dimension} breakdown is given {times} with no item in common: {listing}.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'the same list under two labels',
        input:
          '<h2>By Application</h2><ul><li>Hospitals</li><li>Clinics</li><li>Home Care</li></ul><h2>By End User</h2><ul><li>Clinics</li><li>Home Care</li><li>Hospitals</li></ul>',
        expect: [{ messageId: 'sameItems', quotes: ['By Application', 'By End User'], data: { count: 3 } }],
      },
      {
        name: 'one dimension twice, in the title and in the body',
        input: '<h1>Widget Market, By Type (Steel Widgets, Plastic Widgets)</h1><h2>By Type</h2><ul><li>Cyber Insurance</li><li>Life Insurance</li></ul>',
        expect: [{ messageId: 'twice', data: { dimension: 'type' } }],
      },
    ],
    clean: [
      {
        name: 'a title that restates the body’s list, and a product list restated as a type list',
        input:
          '<h1>Widget Market, By Type (Steel Widgets, Plastic Widgets)</h1><h2>By Type</h2><ul><li>Steel Widgets</li><li>Plastic Widgets</li></ul><h2>By Product Type</h2><ul><li>Steel Widgets</li><li>Plastic Widgets</li><li>Others</li></ul>',
      },
      {
        name: 'one dimension in two sections about different products',
        input: '<h2>Hardware</h2><p>By type: (Servers, Storage)</p><h2>Software</h2><p>By type: (ERP, CRM)</p>',
      },
    ],
  },
  check(ctx, opts) {
    const cuts = ctx
      .segmentBreakdowns()
      .filter((b) => b.dimension !== null && !isPlaceList(b) && !isPlayerList(b))
      .slice(0, MAX_BREAKDOWNS)
      .map(cutOf)
      .filter((c) => c.parts.size >= 2);
    // Pairs of one kind join into groups: one item set under several labels, or one dimension stated several times.
    const groups = new Map<string, { kind: 'sameItems' | 'twice'; cuts: Cut[] }>();
    const join = (key: string, kind: 'sameItems' | 'twice', a: Cut, b: Cut) => {
      const g = groups.get(key) ?? groups.set(key, { kind, cuts: [] }).get(key)!;
      for (const c of [a, b]) if (!g.cuts.includes(c)) g.cuts.push(c);
    };
    const market = new Set(words(normaliseText(ctx.doc.metadata.market ?? '')).map(singular));
    for (let i = 0; i < cuts.length; i++) {
      for (let j = i + 1; j < cuts.length; j++) {
        const [a, b] = [cuts[i], cuts[j]];
        const [da, db] = [a.breakdown.dimension!, b.breakdown.dimension!];
        const sameDimension = (SAME_CUT[da] ?? da) === (SAME_CUT[db] ?? db);
        if (!sameDimension && a.parts.size >= opts.minSharedItems && sameSet(a.parts, b.parts)) {
          join(`same|${[...a.parts].sort().join('+')}`, 'sameItems', a, b);
        } else if (
          sameDimension &&
          da === db &&
          labelQualifier(a.breakdown.label, market) === labelQualifier(b.breakdown.label, market) &&
          disjoint(a.parts, b.parts) &&
          comparable(ctx.doc, a.breakdown, b.breakdown)
        ) {
          join(`twice|${da}`, 'twice', a, b);
        }
      }
    }
    const findings: FindingDraft<'sameItems' | 'twice'>[] = [];
    for (const [key, { kind, cuts: group }] of groups) {
      const labelOf = (c: Cut) => c.breakdown.label ?? c.breakdown.dimension!;
      // The later statement is the repeat; the earlier ones, and the items, are its context.
      const [first, ...rest] = group;
      const items = group.flatMap((c) => c.breakdown.items.slice(0, MAX_SHOWN).map((it) => ctx.spans.of(it.block, it.from, it.to, 'item')));
      const evidence = { primary: span(rest[0]), related: [span(first), ...rest.slice(1).map(span), ...items] };
      if (kind === 'sameItems') {
        const labels = [...new Set(group.map(labelOf))];
        const dimensions = new Set(group.map((c) => SAME_CUT[c.breakdown.dimension!] ?? c.breakdown.dimension!));
        findings.push({
          messageId: 'sameItems',
          data: {
            labels: listMembers(labels.map((l) => `“${l}”`)),
            dimensions: countOf(dimensions.size, 'dimension'),
            count: first.parts.size,
            items: shown(first.texts),
          },
          ...evidence,
          key,
          group: true,
        });
      } else {
        findings.push({
          messageId: 'twice',
          data: {
            dimension: first.breakdown.dimension!,
            times: group.length === 2 ? 'twice' : `${group.length} times`,
            count: group.length,
            listing: listMembers(
              group.map((c) => `“${labelOf(c)}” lists ${shown(c.texts)}`),
              NAMED_MEMBERS,
              '; ',
            ),
          },
          ...evidence,
          key,
          group: true,
        });
      }
    }
    return output(findings, cuts.length);

    function span(c: Cut) {
      const r = c.breakdown.labelRange ?? c.breakdown.items[0];
      return ctx.spans.of(r.block, r.from, r.to, 'label');
    }
  },
});
