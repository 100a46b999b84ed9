import { z } from 'zod';
import { certainlyBefore, formatDate } from '../../src/util/dates.js';
import { KNOWN_ENTITIES, type KnownEntity } from '../../src/lexicon/entity-history.js';
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
  description: 'Flags companies presented as current although they were acquired, merged, renamed or wound down before the report’s date.',
  rationale:
    'A report that lists a company absorbed or renamed years earlier as a current, independent player was written long ago or copied from old material: its competitive landscape, and usually its figures, are out of date. Mentions that name the successor alongside (“Oldco, now part of Newco”) or tell the event as history are not flagged.',
  messages: {
    acquired: `{entity} is named as a current company, but it was acquired by {successor} ({date}), ${TAIL}`,
    merged: `{entity} is named as a current company, but it merged into {successor} ({date}), ${TAIL}`,
    renamed: `{entity} is named under its old name: it was renamed {successor} ({date}), ${TAIL}`,
    dissolved: `{entity} is named as a current company, but it was wound down ({date}), ${TAIL}`,
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
        expect: [{ messageId: 'acquired', quotes: ['Medivation'], data: { entity: 'Medivation', successor: 'Pfizer', reference: '1 March 2025' } }],
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
    ],
  },
  check(ctx, opts) {
    const mentions = findEntityMentions(ctx, KNOWN_ENTITIES);
    if (mentions.length === 0) return output([], 0);
    const reference = referenceDate(ctx);
    if (!reference) return output([], mentions.length);
    const byEntity = new Map<number, EntityMention[]>();
    for (const m of mentions) byEntity.set(m.entity, [...(byEntity.get(m.entity) ?? []), m]);
    const findings: FindingDraft[] = [];
    for (const [index, list] of byEntity) {
      const entity: KnownEntity = KNOWN_ENTITIES[index];
      // One mention that names the successor or tells the event shows the report knows of it.
      if (list.some((m) => m.reading === 'with-successor' || m.reading === 'as-history')) continue;
      const current = list.filter((m) => m.reading === 'current');
      if (current.length === 0 || !certainlyBefore(entity.when, reference.date)) continue;
      const [first, ...rest] = current.map((m) => ctx.spans.of(m.block, m.from, m.to, 'mention'));
      const related = rest.slice(0, opts.maxEvidence - 1);
      if (reference.evidence) related.push({ ...reference.evidence, role: 'reference date' });
      findings.push({
        messageId: entity.event,
        data: {
          entity: entity.name,
          event: entity.event,
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
