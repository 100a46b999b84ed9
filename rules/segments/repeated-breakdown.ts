import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
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
    'Each breakdown of a report is a different cut of the same market. The same item list under two dimension labels means one of the cuts was copied and never researched; the same dimension stated twice with no item in common means one of the two lists belongs to another report. Lists are compared by their items’ canonical names (synonyms and remainders aside); “Type” and “Product Type” count as one dimension, and two statements of a dimension are compared only where they must agree: the title against the body, or within one block or section.',
  messages: {
    sameItems: 'The breakdowns labelled “{first}” and “{second}” list the same {count} items ({items}); one segmentation is presented as two dimensions.',
    twice: 'The {dimension} breakdown is given twice with no item in common: “{first}” lists {firstItems}, “{second}” lists {secondItems}.',
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
    const findings: FindingDraft<'sameItems' | 'twice'>[] = [];
    const reported = new Set<string>();
    const market = new Set(words(normaliseText(ctx.doc.metadata.market ?? '')).map(singular));
    for (let i = 0; i < cuts.length; i++) {
      for (let j = i + 1; j < cuts.length; j++) {
        const [a, b] = [cuts[i], cuts[j]];
        const [da, db] = [a.breakdown.dimension!, b.breakdown.dimension!];
        const sameDimension = (SAME_CUT[da] ?? da) === (SAME_CUT[db] ?? db);
        let finding: FindingDraft<'sameItems' | 'twice'> | null = null;
        if (!sameDimension && a.parts.size >= opts.minSharedItems && sameSet(a.parts, b.parts)) {
          const key = `same|${[...a.parts].sort().join('+')}|${[da, db].sort().join('+')}`;
          if (reported.has(key)) continue;
          reported.add(key);
          finding = {
            messageId: 'sameItems',
            data: { first: a.breakdown.label ?? da, second: b.breakdown.label ?? db, count: a.parts.size, items: shown(a.texts) },
            primary: span(b),
            related: [span(a), ...b.breakdown.items.slice(0, MAX_SHOWN).map((it) => ctx.spans.of(it.block, it.from, it.to, 'item'))],
          };
        } else if (
          sameDimension &&
          da === db &&
          labelQualifier(a.breakdown.label, market) === labelQualifier(b.breakdown.label, market) &&
          disjoint(a.parts, b.parts) &&
          comparable(ctx.doc, a.breakdown, b.breakdown)
        ) {
          finding = {
            messageId: 'twice',
            data: { dimension: da, first: a.breakdown.label ?? da, second: b.breakdown.label ?? db, firstItems: shown(a.texts), secondItems: shown(b.texts) },
            primary: span(b),
            related: [
              span(a),
              ...[...a.breakdown.items, ...b.breakdown.items].slice(0, 2 * MAX_SHOWN).map((it) => ctx.spans.of(it.block, it.from, it.to, 'item')),
            ],
          };
        }
        if (finding) findings.push(finding);
      }
    }
    return output(findings, cuts.length);

    function span(c: Cut) {
      const r = c.breakdown.labelRange ?? c.breakdown.items[0];
      return ctx.spans.of(r.block, r.from, r.to, 'label');
    }
  },
});
