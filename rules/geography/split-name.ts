import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { countOf, groupEvidence, listMembers } from '../../src/engine/group.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import { groupName } from '../../src/geography/describe.js';
import { findSplitNames } from '../../src/geography/split.js';

export default defineRule({
  id: 'geography/split-name',
  severity: 'error',
  description: 'One place name is split over consecutive entries of a country list.',
  rationale:
    'A stray line break turns one country into two entries ("New" / "Zealand"): the list shows a place that does not exist ' +
    'and miscounts its countries. Consecutive entries are flagged when together they make a known name and at least one of ' +
    'them names no place on its own, so neighbouring regions that also join into a name ("Middle East" / "Africa") are left alone. ' +
    'The split names of one list are one finding.',
  messages: {
    split: '{names} split across consecutive entries of the list: {listing}.',
  },
  options: z.object({}),
  examples: {
    flagged: [
      {
        name: 'two halves of a country (HTML)',
        input: '<h2>Regional analysis</h2><p><strong>Asia-Pacific:</strong></p><ul><li>Australia</li><li>New</li><li>Zealand</li><li>Japan</li></ul>',
        expect: [{ messageId: 'split', quotes: ['New', 'Zealand'], data: { listing: '"New" / "Zealand" (New Zealand)', count: 1 } }],
      },
      {
        name: 'in an inline group (plain text)',
        input: 'Geographies:\n  • Africa: Nigeria, South, Africa, and Kenya\n  • Europe: Germany and France\n',
        expect: [{ messageId: 'split', quotes: ['South', 'Africa'], data: { listing: '"South" / "Africa" (South Africa)' } }],
      },
    ],
    clean: [
      {
        name: 'regions that join into a larger region are still separate entries',
        input: 'By Region:\n  • North America\n  • Europe\n  • Middle East\n  • Africa\n',
      },
      {
        name: 'countries that are names on their own',
        input: '<p><strong>Africa:</strong></p><ul><li>Niger</li><li>Guinea</li><li>South Africa</li></ul>',
      },
    ],
  },
  check(ctx) {
    const findings: FindingDraft<'split'>[] = [];
    let checked = 0;
    for (const group of ctx.geography().groups) {
      checked += Math.max(0, group.items.length - 1);
      const splits = findSplitNames(group.items);
      if (splits.length === 0) continue;
      // Each split's first part stands for it; its other parts follow as evidence.
      const { primary, related } = groupEvidence(
        splits.map((split) => ctx.spans.of(split.items[0].block, split.items[0].from, split.items[0].to, 'first part')),
      );
      const rest = splits.flatMap((split) => split.items.slice(1).map((i) => ctx.spans.of(i.block, i.from, i.to, 'next part')));
      findings.push({
        messageId: 'split',
        data: {
          names: countOf(splits.length, 'place name'),
          count: splits.length,
          listing: listMembers(splits.map((split) => `${split.items.map((i) => `"${i.text}"`).join(' / ')} (${split.place.name})`)),
          listedUnder: group.region?.name ?? null,
        },
        primary,
        related: [...rest, ...related],
        key: groupName(group),
        group: true,
      });
    }
    return output(findings, checked);
  },
});
