import { z } from 'zod';
import termsData from '../../rules/data/segment-terms.json' with { type: 'json' };
import { singularText } from './normalise.js';

const Cited = { source: z.string().min(10) };

export const SegmentTermsSchema = z.object({
  synonyms: z.array(z.object({ canonical: z.string().min(1), terms: z.array(z.string().min(1)).min(1), ...Cited })),
  kinds: z.array(
    z.object({
      dimension: z.string().min(1),
      heads: z.array(z.string().min(1)),
      phrases: z.array(z.string()),
      ...Cited,
    }),
  ),
  careSettings: z.object({ heads: z.array(z.string().min(1)), ...Cited }),
  generic: z.object({ words: z.array(z.string().min(1)), ...Cited }),
  forms: z.object({ words: z.array(z.string().min(1)), ...Cited }),
  classes: z.array(z.object({ class: z.string().min(1), terms: z.array(z.string().min(1)).min(1), members: z.array(z.string().min(1)).min(1), ...Cited })),
});
export type SegmentTerms = z.infer<typeof SegmentTermsSchema>;

export const segmentTerms: SegmentTerms = SegmentTermsSchema.parse(termsData);

/** Normalised synonym → canonical name ("oncology" → "cancer"). Keys use the same normalisation as items. */
export const SYNONYM_OF: ReadonlyMap<string, string> = new Map(
  segmentTerms.synonyms.flatMap((g) => [g.canonical, ...g.terms].map((t) => [singularText(t), singularText(g.canonical)] as const)),
);

/**
 * Synonyms that contain "and"/"or" ("contract development and manufacturing organization"): they are
 * replaced before an item is split at its conjunctions, longest first.
 */
export const CONJOINED_SYNONYMS: ReadonlyArray<readonly [string, string]> = [...SYNONYM_OF.entries()]
  .filter(([term]) => / (?:and|or) /.test(term))
  .sort((a, b) => b[0].length - a[0].length);

/** Item head noun (singular) → dimension it reveals, and whole-item phrases → dimension. */
export const HEAD_DIMENSION: ReadonlyMap<string, string> = new Map(
  segmentTerms.kinds.flatMap((k) => k.heads.map((h) => [singularText(h), k.dimension] as const)),
);
export const PHRASE_DIMENSION: ReadonlyMap<string, string> = new Map(
  segmentTerms.kinds.flatMap((k) => k.phrases.map((p) => [singularText(p), k.dimension] as const)),
);

export const GENERIC_WORDS: ReadonlySet<string> = new Set(segmentTerms.generic.words.map((w) => singularText(w)));

/** Head nouns of care settings ("clinic", "center"): a specialty word before one names the care given there. */
export const CARE_SETTING_HEADS: ReadonlySet<string> = new Set(segmentTerms.careSettings.heads.map((h) => singularText(h)));

/** Words naming a physical or dosage form ("liquid", "powder", "tablet"), singular, matched anywhere in an item. */
export const FORM_WORDS: ReadonlySet<string> = new Set(segmentTerms.forms.words.map((w) => singularText(w)));

/** A name as items are compared: normalised, singular, and mapped to its synonym group's canonical name. */
function canonicalName(name: string): string {
  const text = singularText(name);
  return SYNONYM_OF.get(text) ?? text;
}

/** Canonical name of a class ("retail", "retail stores", "offline") → the classes it names. */
export const CLASS_NAMED: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const c of segmentTerms.classes) for (const t of c.terms) out.set(canonicalName(t), [...(out.get(canonicalName(t)) ?? []), c.class]);
  return out;
})();

/** Class → canonical names of its members ("retail store" → department store, supermarket, …). */
export const CLASS_MEMBERS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  segmentTerms.classes.map((c) => [c.class, new Set(c.members.map(canonicalName))] as const),
);
