import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { countOf, groupEvidence, listMembers } from '../../src/engine/group.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import { groupName } from '../../src/geography/describe.js';
import type { Place } from '../../src/lexicon/gazetteer.js';
import type { GeoItem, RegionGroup } from '../../src/geography/groups.js';
import { mergedParts } from '../../src/geography/merged.js';

/** One mention of a place in a breakdown. */
interface Listing {
  place: Place;
  written: string;
  group: RegionGroup;
  item: GeoItem;
  from: number;
  to: number;
  /** Found inside an entry that runs several names together. */
  merged: boolean;
}

function describe(l: Listing): string {
  const where = l.group.region ? ` under ${l.group.region.name}` : '';
  return l.merged ? `"${l.written}" in "${l.item.text}"${where}` : `"${l.written}"${where}`;
}

/** Listings a place's description quotes (and, as evidence, its listings besides the repeat). */
const LISTINGS_SHOWN = 3;

/** "United Kingdom twice ("U.K." under Europe, "United Kingdom" under Middle East & Africa)". */
function describePlace(listings: readonly Listing[]): string {
  const shown = listings.slice(0, LISTINGS_SHOWN).map(describe);
  if (listings.length > LISTINGS_SHOWN) shown.push('…');
  return `${listings[0].place.name} ${listings.length === 2 ? 'twice' : `${listings.length} times`} (${shown.join(', ')})`;
}

export default defineRule({
  id: 'geography/duplicate',
  severity: 'warning',
  description: 'One country (or region) is listed twice in the same geographic breakdown.',
  rationale:
    'A breakdown lists each country once; a second listing, often under another name ("U.K." and "United Kingdom") or ' +
    'under another region, double-counts it and shows the list was not checked. The same country in two different ' +
    'breakdowns (a scope summary and a later regional analysis) is normal and not flagged. The places a breakdown repeats ' +
    'are one finding, naming each with its listings.',
  messages: {
    duplicate: '{places} listed more than once in one breakdown: {listing}.',
  },
  options: z.object({
    countMergedParts: z.boolean().default(true).describe('Count names found inside entries that run several names together ("Chile Japan") as listings.'),
  }),
  examples: {
    flagged: [
      {
        name: 'same country under two names in sibling lists (HTML)',
        input:
          '<p><strong>Europe:</strong></p><ul><li>Germany</li><li>U.K.</li></ul>' +
          '<p><strong>Middle East & Africa:</strong></p><ul><li>Israel</li><li>United Kingdom</li></ul>',
        expect: [{ messageId: 'duplicate', quotes: ['United Kingdom', 'U.K.'], data: { count: 1 } }],
      },
      {
        name: 'repeated inside one inline group (plain text)',
        input: 'Regions in scope:\n  • Asia-Pacific: Japan, India, Republic of Korea, South Korea\n  • Europe: Germany and France\n',
        expect: [{ messageId: 'duplicate', quotes: ['South Korea', 'Republic of Korea'] }],
      },
      {
        name: 'a name inside a merged entry counts',
        input: '<p><strong>Latin America:</strong></p><ul><li>Brazil Chile</li><li>Chile</li></ul>',
        expect: [
          {
            messageId: 'duplicate',
            quotes: ['Chile'],
            data: { listing: 'Chile twice ("Chile" in "Brazil Chile" under Latin America, "Chile" under Latin America)' },
          },
        ],
      },
      {
        name: 'several places repeated in one breakdown: one finding naming them all',
        input:
          '<p><strong>North America:</strong></p><ul><li>United States</li><li>Canada</li><li>U.S.</li></ul>' +
          '<p><strong>Europe:</strong></p><ul><li>U.K.</li><li>France</li><li>United Kingdom</li></ul>',
        expect: [{ messageId: 'duplicate', quotes: ['U.S.', 'United Kingdom', 'United States', 'U.K.'], data: { count: 2 } }],
      },
    ],
    clean: [
      {
        name: 'the same countries in two different breakdowns',
        input:
          'Regions in scope:\n  • Europe: Germany, France, and Rest of Europe\n  • Asia-Pacific: China and Japan\n\n' +
          'Segmentation\n  • Revenue by region\n    • Europe\n      • Germany\n      • France\n    • Asia-Pacific\n      • China\n      • Japan\n',
      },
      {
        name: 'a country and a group that contains it',
        input: '<p><strong>Middle East:</strong></p><ul><li>GCC Countries</li><li>Qatar</li><li>Israel</li></ul>',
      },
    ],
  },
  check(ctx, options) {
    const { enumerations } = ctx.geography();
    const findings: FindingDraft<'duplicate'>[] = [];
    let checked = 0;
    for (const enumeration of enumerations) {
      const byPlace = new Map<string, Listing[]>();
      const add = (l: Listing) => (byPlace.get(l.place.code) ?? byPlace.set(l.place.code, []).get(l.place.code)!).push(l);
      for (const group of enumeration.groups) {
        for (const item of group.items) {
          checked++;
          if (item.place) add({ place: item.place, written: item.text, group, item, from: item.from, to: item.to, merged: false });
          else if (options.countMergedParts) {
            for (const p of mergedParts(item) ?? []) add({ place: p.place, written: p.text, group, item, from: p.from, to: p.to, merged: true });
          }
        }
      }
      const repeated = [...byPlace.values()].filter((listings) => listings.length >= 2);
      if (repeated.length === 0) continue;
      const span = (l: Listing, role: string) => ctx.spans.of(l.item.block, l.from, l.to, role);
      // The repeat is the defect: each place points at its first later standalone listing, the rest are context.
      const repeats = repeated.map((listings) => listings.slice(1).find((l) => !l.merged) ?? listings[1]);
      const context = repeated.flatMap((listings, i) =>
        listings
          .filter((l) => l !== repeats[i])
          .slice(0, LISTINGS_SHOWN)
          .map((l, j) => span(l, j === 0 ? 'first listing' : l.merged ? 'inside merged entry' : 'also listed')),
      );
      const { primary, related } = groupEvidence(repeats.map((l) => span(l, 'repeated listing')));
      findings.push({
        messageId: 'duplicate',
        data: {
          places: countOf(repeated.length, 'place'),
          count: repeated.length,
          listing: listMembers(repeated.map(describePlace)),
        },
        primary,
        // The other repeats first, then each place's other listings.
        related: [...related, ...context],
        key: enumeration.groups.map(groupName).join('+'),
        group: true,
      });
    }
    return output(findings, checked);
  },
});
