import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { countOf, groupEvidence, listMembers } from '../../src/engine/group.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import type { Evidence } from '../../src/schema/position.js';
import { belongsTo, countryByCode, membersOf, type Place } from '../../src/lexicon/gazetteer.js';
import { describeName } from '../../src/geography/describe.js';
import type { GeoItem, RegionGroup } from '../../src/geography/groups.js';
import { leaderGroups } from '../../src/geography/leaders.js';
import { mergedParts } from '../../src/geography/merged.js';
import { homeRegion } from '../../src/lexicon/regions.js';

/** Countries an area covers; for "Rest of X", those of X. */
function countriesOf(area: Place): ReadonlySet<string> {
  return membersOf(area.kind === 'remainder' ? area.code.replace(/^rest-of:/, '') : area.code);
}

/** Whether any country of an area may be listed under the region (areas are judged leniently: any overlap will do). */
function overlaps(region: Place, area: Place): boolean {
  for (const code of countriesOf(area)) {
    const country = countryByCode(code);
    if (country && belongsTo(region, country)) return true;
  }
  return false;
}

export default defineRule({
  id: 'geography/misplaced',
  severity: 'error',
  description: 'A country is listed under a region or group it does not belong to, or named among its leading countries in prose.',
  rationale:
    'A country under the wrong region ("Japan" under Latin America) means the regional breakdown was assembled carelessly or ' +
    'copied from another report, and any regional figure built on it is suspect. Membership follows the UN M49 geoscheme as ' +
    'market research uses it, plus accepted usage (Mexico under North America, Türkiye under Europe or the Middle East & Africa). ' +
    'In prose, a list of countries is read as a macro-region’s only when the sentence names that one macro-region next to a cued list ' +
    '(“led by”, “driven by”, “countries such as”) of three countries or more, most of which belong to it. ' +
    'The misplaced entries of one list are one finding, naming each with the region it belongs to.',
  messages: {
    misplaced: '{countries} listed under {listedUnder} but belonging elsewhere: {listing}.',
    misplacedArea: '{areas} listed under {listedUnder} but holding none of its countries: {listing}.',
    misplacedLeader: '{countries} named among those leading {listedUnder} but belonging elsewhere: {listing}.',
  },
  options: z.object({
    checkMergedParts: z
      .boolean()
      .default(false)
      .describe(
        'Also check the parts of entries that run names together ("Chile Japan" under Latin America). Off by default: geography/merged-names already reports such an entry as an error, and which list a stray part was meant for cannot be told.',
      ),
  }),
  examples: {
    flagged: [
      {
        name: 'a country under the wrong macro-region (HTML)',
        input:
          '<p><strong>Europe:</strong></p><ul><li>Germany</li><li>France</li></ul>' +
          '<p><strong>Latin America:</strong></p><ul><li>Brazil</li><li>Japan</li></ul>',
        expect: [{ messageId: 'misplaced', quotes: ['Japan', 'Latin America'], data: { count: 1, listedUnder: 'Latin America' } }],
      },
      {
        name: 'several countries under the wrong region: one finding naming them all',
        input:
          '<p><strong>Europe:</strong></p><ul><li>Germany</li><li>Brazil</li><li>France</li><li>Japan</li></ul>' +
          '<p><strong>Asia-Pacific:</strong></p><ul><li>China</li><li>India</li></ul>',
        expect: [
          { messageId: 'misplaced', quotes: ['Brazil', 'Japan', 'Europe'], data: { count: 2, listing: 'Brazil (Latin America) and Japan (Asia-Pacific)' } },
        ],
      },
      {
        name: 'a country under the wrong group, inline (plain text)',
        input: 'Regions in scope:\n  • GCC: Qatar, Oman, and Israel\n  • Europe: Germany, France, and Rest of Europe\n',
        expect: [{ messageId: 'misplaced', quotes: ['Israel'], data: { listedUnder: 'GCC' } }],
      },
      {
        name: 'a part of a merged entry, when asked',
        input: '<p><strong>Latin America:</strong></p><ul><li>Brazil</li><li>Chile Japan</li></ul>',
        options: { checkMergedParts: true },
        expect: [{ messageId: 'misplaced', quotes: ['Japan'], data: { listing: 'Japan (Asia-Pacific)' } }],
      },
      {
        name: 'a country among a macro-region’s leaders in prose',
        input: 'Led by countries such as Vietnam, Thailand and Peru, the market in Asia-Pacific is forecast to reach 18.4 thousand tons by 2029.',
        expect: [{ messageId: 'misplacedLeader', quotes: ['Peru', 'Asia-Pacific'], data: { listedUnder: 'Asia-Pacific' } }],
      },
      {
        name: 'an area under a region it does not overlap',
        input: '<p><strong>Asia-Pacific:</strong></p><ul><li>China</li><li>India</li><li>Rest of Europe</li></ul>',
        expect: [{ messageId: 'misplacedArea', quotes: ['Rest of Europe'] }],
      },
    ],
    clean: [
      {
        name: 'accepted usage and subgroups',
        input:
          'Regional breakdown:\n  • North America\n    • United States\n    • Mexico\n  • Europe\n    • Turkey\n    • Nordics\n' +
          '  • Middle East & Africa\n    • GCC Countries\n    • Egypt\n    • Rest of Middle East & Africa\n',
      },
      {
        name: 'leaders of another region, or a list with too few of the region’s countries to say whose it is',
        input:
          'Asia-Pacific grows fastest, while Europe is led by Germany, France and Spain. In Asia-Pacific, demand is driven by Chile, Peru and Japan. Latin America, led by Brazil, Mexico and Argentina, follows.',
      },
      {
        name: 'merged parts are left to merged-names by default',
        input: '<p><strong>Latin America:</strong></p><ul><li>Brazil</li><li>Chile Japan</li></ul>',
      },
    ],
  },
  check(ctx, options) {
    const { groups, enumerations } = ctx.geography();
    const findings: FindingDraft<'misplaced' | 'misplacedArea' | 'misplacedLeader'>[] = [];
    let checked = 0;
    // Region:country pairs reported from a list, so prose naming the same leaders adds nothing.
    const reported = new Set<string>();

    const siblingsOf = (group: RegionGroup): Place[] => enumerations[group.enumeration].groups.map((g) => g.region).filter((r): r is Place => r !== null);

    /** One finding for a group's members of one kind, each named with where it belongs. */
    const report = (
      messageId: 'misplaced' | 'misplacedArea' | 'misplacedLeader',
      region: Place,
      listedUnder: string,
      members: Member[],
      label: Evidence | null,
    ) => {
      if (members.length === 0) return;
      const noun = messageId === 'misplacedArea' ? countOf(members.length, 'area') : countOf(members.length, 'country', 'countries');
      findings.push({
        messageId,
        data: {
          [messageId === 'misplacedArea' ? 'areas' : 'countries']: noun,
          count: members.length,
          listedUnder,
          listing: listMembers(members.map((m) => m.name)),
        },
        ...groupEvidence(
          members.map((m) => m.evidence),
          label ? [label] : [],
        ),
        key: region.code,
        group: true,
      });
    };

    for (const group of groups) {
      const region = group.region;
      if (!region) continue;
      const countries: Member[] = [];
      const areas: Member[] = [];
      const checkCountry = (country: Place, at: GeoItem, written: string, from: number, to: number) => {
        checked++;
        if (belongsTo(region, country)) return;
        const home = homeRegion(country, siblingsOf(group));
        reported.add(`${region.code}:${country.code}`);
        countries.push({ name: withHome(written, country, home), evidence: ctx.spans.of(at.block, from, to, 'listed country') });
      };
      for (const item of group.items) {
        const place = item.place;
        if (place?.kind === 'country') {
          checkCountry(place, item, item.text, item.from, item.to);
        } else if (place && place.code !== region.code) {
          checked++;
          if (overlaps(region, place)) continue;
          areas.push({ name: describeName(item.text, place), evidence: ctx.spans.of(item.block, item.from, item.to, 'listed area') });
        } else if (!place && options.checkMergedParts) {
          for (const part of mergedParts(item) ?? []) {
            if (part.place.kind === 'country') checkCountry(part.place, item, part.text, part.from, part.to);
          }
        }
      }
      const label = group.label ? ctx.spans.of(group.label.block, group.label.from, group.label.to, 'listed under') : null;
      report('misplaced', region, region.name, countries, label);
      report('misplacedArea', region, region.name, areas, label);
    }
    // Leaders named in prose: "Led by Japan, Vietnam and Peru, the market in Asia-Pacific …".
    for (const sentence of ctx.sentences()) {
      for (const group of leaderGroups(sentence)) {
        const region = group.region.place;
        const leaders: Member[] = [];
        for (const c of group.countries) {
          checked++;
          const pair = `${region.code}:${c.place.code}`;
          if (belongsTo(region, c.place) || reported.has(pair)) continue;
          reported.add(pair);
          const home = homeRegion(c.place, []);
          leaders.push({ name: withHome(c.text, c.place, home), evidence: ctx.spans.of(c.block, c.from, c.to, 'listed country') });
        }
        report('misplacedLeader', region, group.region.text, leaders, ctx.spans.of(group.region.block, group.region.from, group.region.to, 'listed under'));
      }
    }
    return output(findings, checked);
  },
});

/** A country as written, with its name when that reads differently, and where it belongs: "Korea (South Korea, Asia-Pacific)". */
function withHome(written: string, country: Place, home: Place | null): string {
  const belongs = home?.name ?? 'no macro-region';
  return country.name.toLowerCase() === written.toLowerCase() ? `${written} (${belongs})` : `${written} (${country.name}, ${belongs})`;
}

/** A misplaced entry: how the message names it, and where it stands. */
interface Member {
  name: string;
  evidence: Evidence;
}
