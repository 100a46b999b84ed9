import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { lookupPlace, within } from '../../src/lexicon/gazetteer.js';
import { breakdowns } from '../../src/numbers/breakdowns.js';
import type { ShareClaim } from '../../src/schema/claims.js';
import type { DocumentModel } from '../../src/schema/document.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import { segmentName } from '../../src/claims/segments.js';

/** Segment names nested under another item in the document's lists: child name → parent name. */
function nestedSegments(doc: DocumentModel): Map<string, Set<string>> {
  const parents = new Map<string, Set<string>>();
  for (const list of doc.lists) {
    if (!list.parent) continue;
    const parent = segmentName(doc.blocks[doc.lists[list.parent.list].items[list.parent.item].block].text);
    for (const item of list.items) {
      const child = segmentName(doc.blocks[item.block].text);
      (parents.get(child) ?? parents.set(child, new Set()).get(child)!).add(parent);
    }
  }
  return parents;
}

function contains(outer: ShareClaim, inner: ShareClaim, nested: () => Map<string, Set<string>>): boolean {
  const outerPlace = outer.segmentKey.startsWith('place:');
  if (outerPlace !== inner.segmentKey.startsWith('place:')) return false;
  if (outerPlace) {
    const a = lookupPlace(outer.segment.replace(/^the\s+/i, ''));
    const b = lookupPlace(inner.segment.replace(/^the\s+/i, ''));
    return a !== null && b !== null && within(a, b);
  }
  const child = inner.segmentKey.replace(/^segment:/, '');
  const parent = outer.segmentKey.replace(/^segment:/, '');
  return nested().get(child)?.has(parent) ?? false;
}

export default defineRule({
  id: 'numbers/share-overlap',
  severity: 'error',
  description: 'A breakdown that gives a region (or segment) and a part of it as peers, counting the part twice.',
  rationale:
    'Asia-Pacific 15% and China 10% cannot both be slices of the same pie: China is inside Asia-Pacific. Such breakdowns add up to 100% only by counting a sub-region twice, and their shares cannot be compared.',
  messages: {
    overlap: '{inner} ({innerShare}%) is part of {outer} ({outerShare}%), yet both are given as shares of the same {dimension} breakdown.',
  },
  options: z.object({}),
  examples: {
    flagged: [
      {
        name: 'a country beside its own region',
        input:
          "Widget Market\n\nNorth America holds a 42% share. Europe follows with a 31% share. Asia-Pacific contributes approximately 17%. China's market share is projected at 10%.\n",
        expect: [{ messageId: 'overlap', quotes: ['approximately 17%', '10%'] }],
      },
    ],
    clean: [
      { name: 'regions as peers', input: 'Widget Market\n\nNorth America holds a 42% share, Europe a 31% share and Asia-Pacific a 27% share.\n' },
      {
        name: 'a country mentioned as an aside of its region',
        input: 'Widget Market\n\nNorth America holds a 42% share. The Asia-Pacific region, particularly China, contributes roughly 22% of the market.\n',
      },
      { name: 'a sub-region in another breakdown year', input: 'Widget Market\n\nAsia-Pacific holds a 31% share in 2025. China holds a 12% share in 2030.\n' },
    ],
  },
  check(ctx) {
    const findings: FindingDraft<'overlap'>[] = [];
    // Built only if two named (non-place) segments have to be compared.
    let nested: Map<string, Set<string>> | null = null;
    const nestedOnce = () => (nested ??= nestedSegments(ctx.doc));
    let checked = 0;
    for (const b of breakdowns(ctx.claims.shares)) {
      if (b.parts.length < 2) continue;
      checked++;
      for (const outer of b.parts) {
        for (const inner of b.parts) {
          if (outer === inner || !contains(outer, inner, nestedOnce)) continue;
          findings.push({
            messageId: 'overlap',
            data: {
              inner: inner.segment,
              innerShare: inner.share.text,
              outer: outer.segment.replace(/^the\s+/i, ''),
              outerShare: outer.share.text,
              dimension: b.dimension,
            },
            primary: { ...outer.evidence, role: `${outer.segment} share` },
            related: [
              { ...inner.evidence, role: `${inner.segment} share (a part of it)` },
              { ...inner.segmentEvidence, role: 'sub-segment' },
            ],
            key: `${outer.segmentKey}>${inner.segmentKey}`,
          });
        }
      }
    }
    return output(findings, checked);
  },
});
