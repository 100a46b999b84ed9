import { z } from 'zod';
import { certainlyBefore, formatDate } from '../../src/util/dates.js';
import { aboutBusiness, KNOWN_ENTITIES, type KnownEntity } from '../../src/lexicon/entity-history.js';
import { findEntityMentions, type EntityMention } from '../../src/credibility/entity-mentions.js';
import { referenceDate } from '../../src/credibility/reference-date.js';
import { defineRule, output } from '../../src/engine/rule.js';
import type { FindingDraft } from '../../src/schema/finding.js';

const options = z.object({
  maxEvidence: z.number().int().min(1).default(5).describe('Mentions quoted per finding (the first is the primary evidence).'),
});

const TAIL = 'before this report’s reference date {reference} ({basis}).';

export default defineRule({
  id: 'credibility/stale-entity',
  severity: 'warning',
  description:
    'Flags companies presented as current although they were acquired, merged, renamed or wound down before the report’s date, or presented as players in a business they had left.',
  rationale:
    'A report that lists a company absorbed or renamed years earlier as a current, independent player was written long ago or copied from old material: its competitive landscape, and usually its figures, are out of date. Mentions that name the successor alongside (“Oldco, now part of Newco”) or tell the event as history are not flagged. A company that sold or spun off a business (a conglomerate’s animal-health arm) is flagged only in a report whose market name or title is that business.',
  messages: {
    acquired: `{entity} is named as a current company, but it was acquired by {successor} ({date}), ${TAIL}`,
    merged: `{entity} is named as a current company, but it merged into {successor} ({date}), ${TAIL}`,
    renamed: `{entity} is named under its old name: it was renamed {successor} ({date}), ${TAIL}`,
    dissolved: `{entity} is named as a current company, but it was wound down ({date}), ${TAIL}`,
    divested: `{entity} is named as a player in {business}, but it left that business when it passed to {successor} ({date}), ${TAIL}`,
    'business-closed': `{entity} is named as a player in {business}, but it closed that business ({date}), ${TAIL}`,
  },
  options,
  examples: {
    flagged: [
      {
        name: 'an acquired company listed among current key players',
        input: [
          'Oncology Drugs Market Outlook 2025-2032',
          '',
          'Published: March 2025',
          '',
          'Leading developers are Novartis, Medivation and Bluewater Oncology, each with late-stage prostate cancer assets.',
        ].join('\n'),
        expect: [{ messageId: 'acquired', quotes: ['Medivation'], data: { entity: 'Medivation', successor: 'Pfizer', reference: 'March 2025' } }],
      },
      {
        name: 'a company listed in a business it had sold',
        input: ['Animal Health Market Report', '', 'Published: June 2023', '', 'Major players include Zoetis, Boehringer Ingelheim, Sanofi and Virbac.'].join(
          '\n',
        ),
        expect: [
          { messageId: 'divested', quotes: ['Sanofi'], data: { entity: 'Sanofi', business: 'animal health (Merial)', successor: 'Boehringer Ingelheim' } },
        ],
      },
      {
        name: 'a company that merged into another, listed as a player',
        input: ['Generic Drugs Market Report', '', 'Published: June 2024', '', 'Key players include Teva, Mylan, Sandoz and Sun Pharma.'].join('\n'),
        expect: [{ messageId: 'merged', quotes: ['Mylan', 'June 2024'], data: { entity: 'Mylan', successor: 'Viatris' } }],
      },
      {
        name: 'a company under the name it gave up',
        input: ['Thermoplastic Compounds Market Report', '', 'Published: May 2024', '', 'Key suppliers include PolyOne, Celanese and RTP Company.'].join('\n'),
        expect: [{ messageId: 'renamed', quotes: ['PolyOne'], data: { entity: 'PolyOne', successor: 'Avient' } }],
      },
      {
        name: 'a company wound down, listed as a current competitor',
        input: [
          'Ovarian Cancer Drugs Market Outlook 2025-2032',
          '',
          'Published: April 2025',
          '',
          'Leading companies include AstraZeneca, GSK and Clovis Oncology, each with a PARP inhibitor on the market.',
        ].join('\n'),
        expect: [{ messageId: 'dissolved', quotes: ['Clovis Oncology'], data: { entity: 'Clovis Oncology', successor: null } }],
      },
      {
        name: 'a company listed in a business it closed without a buyer',
        input: ['Smartphone Market Report', '', 'Published: September 2024', '', 'Leading vendors include Samsung, Apple, LG Electronics and Xiaomi.'].join(
          '\n',
        ),
        expect: [{ messageId: 'business-closed', quotes: ['LG Electronics'], data: { entity: 'LG Electronics', business: 'mobile phones' } }],
      },
    ],
    clean: [
      {
        name: 'the successor named next to the old name',
        input: [
          'Oncology Drugs Market Outlook 2025-2032',
          '',
          'Published: March 2025',
          '',
          'Spark Therapeutics, a member of the Roche Group, develops gene therapies for inherited retinal disease.',
          '',
          'Pfizer’s purchase of Array BioPharma added two melanoma drugs to its portfolio.',
        ].join('\n'),
      },
      {
        name: 'a current name that contains an old one, and a company outside the business it left',
        input: [
          'Corrugated Packaging Market Report',
          '',
          'Published: March 2025',
          '',
          'Leaders include Smurfit Westrock, International Paper and Mondi; Sanofi and Bayer AG buy shipping cartons.',
        ].join('\n'),
      },
      {
        name: 'a company named in a report written before it merged',
        input: ['Generic Drugs Market Report', '', 'Published: March 2019', '', 'Key players include Teva, Mylan, Sandoz and Sun Pharma.'].join('\n'),
      },
    ],
  },
  check(ctx, opts) {
    const mentions = findEntityMentions(ctx, KNOWN_ENTITIES);
    if (mentions.length === 0) return output([], 0);
    const reference = referenceDate(ctx);
    if (!reference) return output([], mentions.length);
    const byEntity = new Map<number, EntityMention[]>();
    for (const m of mentions) byEntity.set(m.entity, [...(byEntity.get(m.entity) ?? []), m]);
    const findings: FindingDraft<KnownEntity['event'] | 'business-closed'>[] = [];
    const { market, title } = ctx.doc.metadata;
    for (const [index, list] of byEntity) {
      const entity: KnownEntity = KNOWN_ENTITIES[index];
      // A company that only left a business is stale only where the report is about that business.
      if (entity.event === 'divested' && !aboutBusiness(entity, [market, title])) continue;
      // One mention that names the successor or tells the event shows the report knows of it.
      if (list.some((m) => m.reading === 'with-successor' || m.reading === 'as-history')) continue;
      const current = list.filter((m) => m.reading === 'current');
      if (current.length === 0 || !certainlyBefore(entity.when, reference.date)) continue;
      const [first, ...rest] = current.map((m) => ctx.spans.of(m.block, m.from, m.to, 'mention'));
      const related = rest.slice(0, opts.maxEvidence - 1);
      if (reference.evidence) related.push({ ...reference.evidence, role: 'reference date' });
      findings.push({
        messageId: entity.event === 'divested' && entity.successor === null ? 'business-closed' : entity.event,
        data: {
          entity: entity.name,
          event: entity.event,
          business: entity.business ?? null,
          date: formatDate(entity.when),
          successor: entity.successor,
          reference: reference.label,
          basis: reference.basis,
          mentions: current.length,
          source: entity.source,
        },
        primary: first,
        related,
      });
    }
    return output(findings, mentions.length);
  },
});
