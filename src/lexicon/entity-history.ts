import { z } from 'zod';
import entityData from '../../rules/data/entities.json' with { type: 'json' };
import { parseIsoDate, type PartialDate } from '../util/dates.js';
import { foldPattern } from '../matching/fold.js';

export const EntityEventKindSchema = z.enum(['acquired', 'merged', 'renamed', 'dissolved']);
export type EntityEventKind = z.infer<typeof EntityEventKindSchema>;

export const EntityEventSchema = z
  .object({
    name: z.string().min(3),
    aliases: z.array(z.string().min(3)).default([]),
    event: EntityEventKindSchema,
    /** When the event took effect, as precisely as the source confirms. */
    date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/),
    successor: z.string().min(2).nullable(),
    successorAliases: z.array(z.string().min(2)).default([]),
    /** Longer names containing the old name that are current brands ("Allergan Aesthetics"). */
    excludeForms: z.array(z.string().min(3)).default([]),
    /** A URL or citation that confirms the date and successor. */
    source: z.string().min(20),
    note: z.string().optional(),
  })
  .refine((e) => (e.event === 'dissolved') === (e.successor === null), { message: 'only a dissolved entity has no successor' })
  .refine((e) => parseIsoDate(e.date) !== null, { message: 'date must be a valid YYYY[-MM[-DD]]' });
export type EntityEvent = z.infer<typeof EntityEventSchema>;

export const EntityHistorySchema = z.object({ entities: z.array(EntityEventSchema).min(1) });

export interface KnownEntity extends EntityEvent {
  index: number;
  when: PartialDate;
  /** Successor names, following chains (Oldco → its acquirer → the acquirer’s own acquirer). */
  successorNames: string[];
}

/** What a dictionary phrase stands for; one phrase can be an old name and a successor at once. */
export interface EntityPhrase {
  entity: number | null;
  successorOf: number[];
  exclude: boolean;
}

export function loadEntityHistory(data: unknown): KnownEntity[] {
  const { entities } = EntityHistorySchema.parse(data);
  const byName = new Map(entities.map((e, i) => [foldPattern(e.name), i]));
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
    return { ...e, index, when: parseIsoDate(e.date)!, successorNames: names };
  });
}

/** Dictionary entries for every old name, alias, successor name and excluded form (merged per phrase). */
export function entityPhrases(entities: ReadonlyArray<KnownEntity>): Array<{ phrase: string; data: EntityPhrase }> {
  const phrases = new Map<string, EntityPhrase>();
  const get = (text: string): EntityPhrase => {
    const key = foldPattern(text);
    let p = phrases.get(key);
    if (!p) phrases.set(key, (p = { entity: null, successorOf: [], exclude: false }));
    return p;
  };
  for (const e of entities) {
    for (const n of [e.name, ...e.aliases]) get(n).entity ??= e.index;
    for (const n of e.successorNames) {
      const p = get(n);
      if (!p.successorOf.includes(e.index)) p.successorOf.push(e.index);
    }
    for (const n of e.excludeForms) get(n).exclude = true;
  }
  return [...phrases].map(([phrase, data]) => ({ phrase, data }));
}

export const KNOWN_ENTITIES: KnownEntity[] = loadEntityHistory(entityData);
