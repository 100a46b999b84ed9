import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { countOf, groupEvidence, listMembers } from '../../src/engine/group.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import { groupName } from '../../src/geography/describe.js';
import type { GeoItem } from '../../src/geography/groups.js';
import { mergedParts } from '../../src/geography/merged.js';
import { isFiller, isNameLike } from '../../src/geography/names.js';
import { findSplitNames } from '../../src/geography/split.js';
import { suggestName } from '../../src/geography/suggest.js';

export default defineRule({
  id: 'geography/nonstandard-name',
  severity: 'info',
  description: 'A country-list entry is no country, region or group name the gazetteer knows.',
  rationale:
    'Country lists use standard names; an entry that is none ("Untied States", "Zealand") is a typo, a fragment or an ' +
    'unusual name, and the entry cannot be checked for its region. Remainders ("Rest of Europe", "Others") and known ' +
    'groups ("GCC Countries", "ASEAN", "North Africa") are standard. Entries already reported as split or merged names are left to those rules. ' +
    'The unknown entries of one list are one finding, each with the known name it is nearest to, if any.',
  messages: {
    unknown: '{entries}{under} that the gazetteer knows as no country, region or group: {listing}.',
  },
  options: z.object({}),
  examples: {
    flagged: [
      {
        name: 'a misspelt country (HTML)',
        input: '<p><strong>North America:</strong></p><ul><li>Untied States</li><li>Canada</li></ul>',
        expect: [{ messageId: 'unknown', quotes: ['Untied States'], data: { listing: '"Untied States" (did you mean United States?)' } }],
      },
      {
        name: 'a fragment in an inline group (plain text)',
        input: 'Regions in scope:\n  • Europe: Germany, France, Bavaria, and Rest of Europe\n  • Asia-Pacific: China and Japan\n',
        expect: [{ messageId: 'unknown', quotes: ['Bavaria'] }],
      },
    ],
    clean: [
      {
        name: 'remainders, groups and sub-regions',
        input:
          'Regional breakdown:\n  • Middle East\n    • GCC Countries\n    • Jordan\n    • Rest of the Middle East\n' +
          '  • Africa\n    • South Africa\n    • North Africa\n    • Others\n  • Asia-Pacific\n    • ASEAN\n    • Rest of the World\n',
      },
      {
        name: 'a split name is left to split-name',
        input: '<p><strong>Asia-Pacific:</strong></p><ul><li>Japan</li><li>New</li><li>Zealand</li></ul>',
      },
    ],
  },
  check(ctx) {
    const findings: FindingDraft<'unknown'>[] = [];
    let checked = 0;
    for (const group of ctx.geography().groups) {
      const explained = new Set<GeoItem>(findSplitNames(group.items).flatMap((s) => s.items));
      const unknown: GeoItem[] = [];
      for (const item of group.items) {
        checked++;
        if (item.place || explained.has(item) || isFiller(item.text) || !isNameLike(item.text)) continue;
        if (mergedParts(item)) continue;
        unknown.push(item);
      }
      if (unknown.length === 0) continue;
      const label = group.label ? [ctx.spans.of(group.label.block, group.label.from, group.label.to, 'listed under')] : [];
      findings.push({
        messageId: 'unknown',
        data: {
          entries: countOf(unknown.length, 'entry', 'entries'),
          count: unknown.length,
          under: group.region ? ` under ${group.region.name}` : '',
          listing: listMembers(unknown.map(describeEntry)),
        },
        ...groupEvidence(
          unknown.map((item) => ctx.spans.of(item.block, item.from, item.to, 'entry')),
          label,
        ),
        key: groupName(group),
        group: true,
      });
    }
    return output(findings, checked);
  },
});

/** An entry as the message names it, with the known name it is nearest to, if any: "Untied States" (did you mean United States?). */
function describeEntry(item: GeoItem): string {
  const suggestion = suggestName(item.text);
  return suggestion ? `"${item.text}" (did you mean ${suggestion}?)` : `"${item.text}"`;
}
