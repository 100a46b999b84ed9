import { z } from 'zod';
import entityData from '../../rules/data/entities.json' with { type: 'json' };
import { parseIsoDate, type PartialDate } from '../util/dates.js';
import { foldPattern } from '../matching/fold.js';

export const EntityEventKindSchema = z.enum(['acquired', 'merged', 'renamed', 'dissolved', 'divested']);
export type EntityEventKind = z.infer<typeof EntityEventKindSchema>;

export const EntityEventSchema = z
  .object({
    name: z.string().min(2),
    aliases: z.array(z.string().min(2)).default([]),
    event: EntityEventKindSchema,
    /** When the event took effect, as precisely as the source confirms. */
    date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/),
    /** Who took the company over, its new name, or (divested) who took the business; null: wound down. */
    successor: z.string().min(2).nullable(),
    successorAliases: z.array(z.string().min(2)).default([]),
    /** Longer names containing the old name that are current brands ("Allergan Aesthetics"). */
    excludeForms: z.array(z.string().min(3)).default([]),
    /** divested: the business the company left ("animal health"); the company itself is current. */
    business: z.string().min(3).optional(),
    /** divested: words of a report's market name (or title) that show the report is about that business. */
    markets: z.array(z.string().min(3)).default([]),
    /** A URL or citation that confirms the date and successor. */
    source: z.string().min(20),
    note: z.string().optional(),
  })
  .refine((e) => e.event !== 'dissolved' || e.successor === null, { message: 'a dissolved entity has no successor' })
  .refine((e) => e.successor !== null || e.event === 'dissolved' || e.event === 'divested', {
    message: 'only a dissolved entity or a closed business has no successor',
  })
  .refine((e) => (e.event === 'divested') === (e.business !== undefined && e.markets.length > 0), {
    message: 'a divested entry (and only one) names its business and the markets it applies to',
  })
  .refine((e) => parseIsoDate(e.date) !== null, { message: 'date must be a valid YYYY[-MM[-DD]]' });
export type EntityEvent = z.infer<typeof EntityEventSchema>;

export const EntityHistorySchema = z.object({ entities: z.array(EntityEventSchema).min(1) });

export interface KnownEntity extends EntityEvent {
  index: number;
  when: PartialDate;
  /** Successor names, following chains (Oldco → its acquirer → the acquirer’s own acquirer). */
  successorNames: string[];
  /** divested: the market phrases, folded and padded with spaces for whole-word tests. */
  marketKeys: string[];
}

/** What a dictionary phrase stands for; one phrase can be an old name and a successor at once. */
export interface EntityPhrase {
  /** Entries whose old name (or, for a business exit, company name) this phrase is. */
  entities: number[];
  successorOf: number[];
  exclude: boolean;
  /** An acronym ("BP", "3M", "GSK"): a hit counts only where the text writes it in capitals too. */
  capitals: boolean;
}

/** Short all-capital forms are acronyms; written in lower case they are ordinary words or units ("bp", "3m"). */
export function isAcronym(form: string): boolean {
  return form.length <= 4 && !/[a-z]/.test(form) && /[A-Z]/.test(form);
}

/** Folded words separated by single spaces, with a space at each end: " animal health ". */
function wordKey(text: string): string {
  return ` ${foldPattern(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

export function loadEntityHistory(data: unknown): KnownEntity[] {
  const { entities } = EntityHistorySchema.parse(data);
  // Chains follow companies that ceased (a company that only left a business has no successor chain).
  const byName = new Map(entities.flatMap((e, i) => (e.event === 'divested' ? [] : [[foldPattern(e.name), i] as const])));
  return entities.map((e, index) => {
    const names: string[] = [];
    const seen = new Set<number>([index]);
    let current: EntityEvent = e;
    // Follow successor → entry with that name → its successor, without looping.
    for (;;) {
      if (current.successor === null) break;
      names.push(current.successor, ...current.successorAliases);
      const next = byName.get(foldPattern(current.successor));
      if (next === undefined || seen.has(next)) break;
      seen.add(next);
      current = entities[next];
    }
    return { ...e, index, when: parseIsoDate(e.date)!, successorNames: names, marketKeys: e.markets.map(wordKey) };
  });
}

/** Dictionary entries for every old name, alias, successor name and excluded form (merged per phrase). */
export function entityPhrases(entities: ReadonlyArray<KnownEntity>): Array<{ phrase: string; data: EntityPhrase }> {
  const phrases = new Map<string, EntityPhrase>();
  const get = (text: string): EntityPhrase => {
    const key = foldPattern(text);
    let p = phrases.get(key);
    if (!p) phrases.set(key, (p = { entities: [], successorOf: [], exclude: false, capitals: isAcronym(text) }));
    return p;
  };
  const add = (list: number[], index: number) => {
    if (!list.includes(index)) list.push(index);
  };
  for (const e of entities) {
    for (const n of [e.name, ...e.aliases]) add(get(n).entities, e.index);
    for (const n of e.successorNames) add(get(n).successorOf, e.index);
    for (const n of e.excludeForms) get(n).exclude = true;
  }
  return [...phrases].map(([phrase, data]) => ({ phrase, data }));
}

/**
 * Whether a report is about the business a company left: one of the entry's market phrases is a
 * run of whole words of the report's market name or title. Only these names are read, so a
 * report that merely touches the business (a section, a segment) does not count.
 */
export function aboutBusiness(entity: KnownEntity, reportNames: ReadonlyArray<string | null>): boolean {
  if (entity.marketKeys.length === 0) return false;
  return reportNames.some((name) => {
    if (!name) return false;
    const key = wordKey(name.slice(0, 300));
    return entity.marketKeys.some((m) => key.includes(m));
  });
}

export const KNOWN_ENTITIES: KnownEntity[] = loadEntityHistory(entityData);
