import { z } from 'zod';
import domainsData from '../../rules/data/domains.json' with { type: 'json' };
import { PhraseIndex, type PhraseHit } from '../matching/phrase-index.js';

export const TERM_ROLES = ['vocabulary', 'conditions', 'specialties', 'industries'] as const;
export type TermRole = (typeof TERM_ROLES)[number];

const Terms = z.array(z.string().min(1)).default([]);

export const DomainSchema = z.object({
  id: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/),
  name: z.string().min(2),
  /** Broad domains (pharmaceuticals, devices, diagnostics): related widely, never a setting, named last. */
  umbrella: z.boolean().default(false),
  source: z.string().min(10),
  vocabulary: Terms,
  conditions: Terms,
  specialties: Terms,
  industries: Terms,
  related: z.array(z.string()),
  settings: z.array(z.string()),
});
export type Domain = z.infer<typeof DomainSchema>;

export const DomainsFileSchema = z
  .object({
    neutral: z.object({ phrases: z.array(z.string().min(1)), source: z.string().min(10) }),
    domains: z.array(DomainSchema).min(1),
  })
  .superRefine((file, issue) => {
    const ids = new Set(file.domains.map((d) => d.id));
    if (ids.size !== file.domains.length) issue.addIssue({ code: 'custom', message: 'duplicate domain id' });
    for (const d of file.domains) {
      for (const r of [...d.related, ...d.settings]) {
        if (r !== '*' && !ids.has(r)) issue.addIssue({ code: 'custom', message: `${d.id} refers to unknown domain ${r}` });
      }
    }
  });

const file = DomainsFileSchema.parse(domainsData);

export const DOMAINS: ReadonlyMap<string, Domain> = new Map(file.domains.map((d) => [d.id, d]));

/** Which domain(s) a phrase is evidence for, and in what role; empty for neutral phrases. */
export interface TermSense {
  domain: string;
  role: TermRole;
}

/** The phrase and its plural ("clinic" → "clinics", "therapy" → "therapies"): phrases match whole words only. */
function withPlural(phrase: string): string[] {
  const out = [phrase];
  // Abbreviations ("ivf", "gi") have no plural worth matching; "it" + "s" would match "its".
  if (phrase.length <= 3) return out;
  if (/[^aeiou]y$/.test(phrase)) out.push(phrase.slice(0, -1) + 'ies');
  else if (!phrase.endsWith('s')) out.push(phrase + 's');
  return out;
}

/** What a domain phrase is evidence for; a neutral phrase ("fuel cell") is evidence for nothing. */
export interface DomainTerm {
  neutral: boolean;
  senses: TermSense[];
}

function mergeEntries(a: DomainTerm, b: DomainTerm): DomainTerm {
  if (a.neutral || b.neutral) return { neutral: true, senses: [] };
  const senses = [...a.senses];
  for (const s of b.senses) if (!senses.some((x) => x.domain === s.domain && x.role === s.role)) senses.push(s);
  return { neutral: false, senses };
}

function* entries(): Generator<{ phrase: string; data: DomainTerm }> {
  for (const phrase of file.neutral.phrases) yield { phrase, data: { neutral: true, senses: [] } };
  for (const d of file.domains) {
    for (const role of TERM_ROLES) {
      for (const term of d[role]) {
        for (const phrase of withPlural(term.toLowerCase())) yield { phrase, data: { neutral: false, senses: [{ domain: d.id, role }] } };
      }
    }
  }
}

/** The domain lexicon as one dictionary, for whole-document scans (see credibility/document-scan.ts). */
export const DOMAIN_TERMS = new PhraseIndex<DomainTerm>(entries(), mergeEntries);

/** Domain phrases in a text: whole words, case- and accent-insensitive, longest first, not overlapping; neutral phrases carry no sense. */
export function domainTermsIn(text: string): Array<PhraseHit<TermSense[]>> {
  return DOMAIN_TERMS.find(text).map((h) => ({ from: h.from, to: h.to, data: h.data.senses }));
}

function relation(pick: (d: Domain) => string[]): ReadonlyMap<string, ReadonlySet<string>> {
  return new Map(file.domains.map((d) => [d.id, new Set([d.id, ...(pick(d).includes('*') ? DOMAINS.keys() : pick(d))])]));
}

/**
 * Domains whose indications or industries plausibly appear in a breakdown of this one. Directed:
 * an electronics report may sell to healthcare, a cell-therapy report does not sell to electronics.
 */
export const RELATED: ReadonlyMap<string, ReadonlySet<string>> = relation((d) => d.related);
/** Specialties whose care settings deliver this domain's products; umbrellas grant none. */
export const SETTINGS: ReadonlyMap<string, ReadonlySet<string>> = relation((d) => (d.umbrella ? [] : d.settings));
