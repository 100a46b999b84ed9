import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { countOf, groupEvidence, listMembers } from '../../src/engine/group.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import type { PlaceMatch } from '../../src/lexicon/gazetteer.js';
import type { GeoItem } from '../../src/geography/groups.js';
import { mergedParts } from '../../src/geography/merged.js';
import { describeMatch, groupName } from '../../src/geography/describe.js';

export default defineRule({
  id: 'geography/merged-names',
  severity: 'error',
  description: 'A country-list entry runs two or more place names together with no separator.',
  rationale:
    'When a scraper or an editor drops the line break between two list entries, one entry holds two places ("Chile Japan"); ' +
    'the list then miscounts its countries and usually puts one of them under the wrong region. One multi-word name ' +
    '("Costa Rica", "Middle East & Africa") or an entry with a separator ("Europe: Germany and France") is not a merge. ' +
    'The merged entries of one list are one finding.',
  messages: {
    merged: '{entries} running place names together with no separator (a line break or comma was probably lost): {listing}.',
  },
  options: z.object({}),
  examples: {
    flagged: [
      {
        name: 'two countries in one bullet (HTML)',
        input: '<h2>Report scope by region</h2><p><strong>Latin America:</strong></p><ul><li>Brazil</li><li>Chile Japan</li><li>Peru</li></ul>',
        expect: [{ messageId: 'merged', quotes: ['Chile Japan', 'Chile', 'Japan'], data: { count: 1 } }],
      },
      {
        name: 'in an inline group (plain text)',
        input: 'Regions covered:\n  • Europe: Germany France, Italy, and Spain\n  • Asia-Pacific: China, India, and Japan\n',
        expect: [{ messageId: 'merged', quotes: ['Germany France'] }],
      },
    ],
    clean: [
      {
        name: 'multi-word names, aliases and remainders',
        input:
          'Countries covered:\n  • Middle East & Africa\n    • Sierra Leone\n    • South Africa\n    • United Arab Emirates\n' +
          '  • Asia-Pacific\n    • Mainland China\n    • Hong Kong\n    • Rest of Asia-Pacific\n',
      },
      {
        name: 'inline group with separators',
        input: 'Regions covered:\n  • North America: United States and Canada\n  • Europe: Germany, France, and Rest of Europe\n',
      },
    ],
  },
  check(ctx) {
    const findings: FindingDraft<'merged'>[] = [];
    let checked = 0;
    for (const group of ctx.geography().groups) {
      const entries: Array<{ item: GeoItem; parts: PlaceMatch[] }> = [];
      for (const item of group.items) {
        checked++;
        const parts = mergedParts(item);
        if (parts) entries.push({ item, parts });
      }
      if (entries.length === 0) continue;
      const { primary, related } = groupEvidence(entries.map(({ item }) => ctx.spans.of(item.block, item.from, item.to, 'merged entry')));
      findings.push({
        messageId: 'merged',
        data: {
          entries: countOf(entries.length, 'entry', 'entries'),
          count: entries.length,
          listing: listMembers(entries.map(({ item, parts }) => `"${item.text}" (${parts.map(describeMatch).join(', ')})`)),
          listedUnder: group.region?.name ?? null,
        },
        primary,
        // Each entry's place names after the entries themselves.
        related: [...related, ...entries.flatMap(({ item, parts }) => parts.map((p) => ctx.spans.of(item.block, p.from, p.to, 'place name')))],
        key: groupName(group),
        group: true,
      });
    }
    return output(findings, checked);
  },
});
