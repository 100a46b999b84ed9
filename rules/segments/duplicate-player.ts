import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { countOf, groupEvidence, listMembers } from '../../src/engine/group.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import type { SegmentItem } from '../../src/segments/breakdowns.js';
import { companyKey, sameCompany } from '../../src/segments/players.js';

const MAX_NAMES = 200;

const REASON = {
  name: 'the same name once legal forms, “The”/“Royal” and case are set aside',
  alias: 'one is the other’s alias, given in brackets',
  acronym: 'one is the initials of the other',
} as const;

export default defineRule({
  id: 'segments/duplicate-player',
  severity: 'warning',
  description:
    'One company is named twice in a list of key players (“ROYAL DSM NV” and “DSM”; “Apple Inc.” and “APPLE INC”; “ADM” and “Archer Daniels Midland”).',
  rationale:
    'A list of key players is a set of competitors; a company named twice under two spellings (with and without its legal form, in other case, by an alias or by its initials) shows the list was pasted together rather than researched, and a market-share table built on it counts that company twice. Names are compared after dropping legal forms (Inc., Co., Ltd., N.V., plc, AG, GmbH, S.A., Holdings, Group), a leading “The” or “Royal”, punctuation and case; a name in brackets counts as an alias; an all-capitals name matches the initials of a longer one. Different companies that share a word (“Johnson & Johnson”, “Johnson Controls”) are not the same. The companies one list names twice are one finding.',
  messages: {
    duplicate: 'The list of players names {companies} twice: {listing}.',
  },
  options: z.object({}),
  examples: {
    flagged: [
      {
        name: 'a legal form and case set aside',
        input: '<h2>Key Players</h2><ul><li>Royal DSM N.V.</li><li>BASF SE</li><li>DSM</li><li>Kerry Group plc</li></ul>',
        expect: [{ messageId: 'duplicate', quotes: ['Royal DSM N.V.', 'DSM'] }],
      },
      {
        name: 'initials in a sentence that names the players',
        input: 'Wheat Flour Market\n\nKey players in the market include Archer Daniels Midland Company, Cargill, Incorporated, General Mills Inc. and ADM.',
        expect: [
          {
            messageId: 'duplicate',
            quotes: ['Archer Daniels Midland Company', 'ADM'],
            data: { listing: `“Archer Daniels Midland Company” and “ADM” (${REASON.acronym})` },
          },
        ],
      },
    ],
    clean: [
      {
        name: 'companies that share a word, and a company with its subsidiary',
        input:
          '<h2>Key Companies</h2><ul><li>Johnson &amp; Johnson</li><li>Johnson Controls</li><li>Siemens AG</li><li>Siemens Healthineers AG</li><li>GE HealthCare</li></ul>',
      },
      {
        name: 'legal forms after a comma stay with their name',
        input: 'Major companies include Samsung Electronics Co., Ltd., Huawei Technologies Co., Ltd., Ultradent Products, Inc. and Garmin Ltd.',
      },
    ],
  },
  check(ctx) {
    let checked = 0;
    const findings: FindingDraft<'duplicate'>[] = [];
    const seen = new Set<string>();
    for (const list of ctx.players()) {
      const items = list.items.slice(0, MAX_NAMES);
      const keys = items.map((i) => companyKey(i.text));
      checked += items.length;
      const pairs: Array<{ a: SegmentItem; b: SegmentItem; reason: keyof typeof REASON }> = [];
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const reason = sameCompany(keys[i], keys[j]);
          if (!reason) continue;
          // The same pair in a restated list (summary, table, prose) is one problem.
          const key = [keys[i].key, keys[j].key].sort().join('|');
          if (seen.has(key)) continue;
          seen.add(key);
          pairs.push({ a: items[i], b: items[j], reason });
        }
      }
      if (pairs.length === 0) continue;
      // One finding per list, naming each pair; the list is its identity, not the companies in it.
      const label = list.label;
      const span = (i: SegmentItem, role: string) => ctx.spans.of(i.block, i.from, i.to, role);
      const { primary, related } = groupEvidence(
        pairs.map((p) => span(p.a, 'company')),
        label ? [ctx.spans.of(label.block, label.from, label.to, 'label')] : [],
      );
      findings.push({
        messageId: 'duplicate',
        data: {
          companies: countOf(pairs.length, 'company', 'companies'),
          count: pairs.length,
          listing: listMembers(pairs.map((p) => `“${p.a.text}” and “${p.b.text}” (${REASON[p.reason]})`)),
        },
        primary,
        related: [...related, ...pairs.map((p) => span(p.b, 'same company'))],
        key: label ? ctx.doc.blocks[label.block].text.slice(label.from, label.to).trim().toLowerCase() : 'players',
        group: true,
      });
    }
    return output(findings, checked);
  },
});
