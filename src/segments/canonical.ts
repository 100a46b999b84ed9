import { memoByText } from '../cache/block-cache.js';
import { normaliseText, singular, stripParentheticals, words } from '../lexicon/normalise.js';
import { CLASS_MEMBERS, CLASS_NAMED, CONJOINED_SYNONYMS, HEAD_DIMENSION, PHRASE_DIMENSION, SYNONYM_OF } from '../lexicon/segment-terms.js';

/** "Treatment of Cancer" → "cancer treatment": the head of "A of B" is A, and English puts the head last. */
const OF_PHRASE = /^([a-z0-9]+(?: [a-z0-9]+)?) of (?:the )?([a-z0-9]+(?: [a-z0-9]+)?)$/;

/** An item's normalised, singular text without asides, leading "and"/"or" or trailing "etc". */
export function itemText(item: string): string {
  return words(normaliseText(stripParentheticals(item)))
    .map(singular)
    .join(' ')
    .replace(/^(?:and|or) /, '')
    .replace(/ etc$/, '');
}

/**
 * The things an item names, split at its conjunctions: "Hospitals & Clinics" → [hospital,
 * clinic]; "Academic & Teaching Hospitals" → [academic hospital, teaching hospital] (a bare
 * modifier shares the last part's head noun). Conjoined names from the synonym list
 * ("contract development and manufacturing organization") stay whole; "A of B" reads as "B A".
 */
export function itemParts(item: string): readonly string[] {
  let text = itemText(item);
  for (const [term, canonical] of CONJOINED_SYNONYMS) {
    if (text.includes(term)) text = text.split(term).join(canonical.replace(/ (and|or) /g, '_$1_'));
  }
  const raw = text
    .split(/ (?:and|or) /)
    .map((p) => p.replace(/_(and|or)_/g, ' $1 ').trim())
    .filter((p) => p.length > 0)
    .map((p) => p.replace(OF_PHRASE, '$2 $1'));
  const last = raw.length > 0 ? words(raw[raw.length - 1]) : [];
  const head = last[last.length - 1];
  return raw.map((p, i) => {
    const bareModifier = i < raw.length - 1 && last.length >= 2 && words(p).length === 1 && !SYNONYM_OF.has(p) && !HEAD_DIMENSION.has(p);
    return bareModifier ? `${p} ${head}` : p;
  });
}

/** What a segment item names, as a set of canonical parts ("Oncology" → {cancer}). */
export interface CanonicalItem {
  /** Normalised text, for telling a literal repeat from a synonym. */
  readonly text: string;
  readonly parts: readonly string[];
  /** Acronyms the item goes by: a capitalised aside that abbreviates it ("Blind Spot Detection (BSD)") or the item itself ("ACC"). */
  readonly acronyms: readonly string[];
  /** Initials of a name of two words or more, with and without its small words ("Adaptive Cruise Control" → "acc"). */
  readonly initials: readonly string[];
  /** The item written as an acronym ("ACC" → "acc"), or null. */
  readonly ownAcronym: string | null;
  /** Classes its parts name ("Retail" → retail store); worked out once, read for every peer. */
  readonly classes: readonly string[];
  /** A one-word item the segment lexicon knows nothing about ("Business"), which may be elliptical. */
  readonly bare: boolean;
}

/** "(BSD)", "(CDMOs)": an aside of capitals, two to six letters, perhaps with a plural "s". */
const ACRONYM = /^([A-Z][A-Z0-9&-]{1,5})s?$/;
const ASIDE = /\(([^()]{1,80})\)/g;
/** Words left out of initials ("Intelligence, Surveillance and Reconnaissance" → "isr"). */
const NOT_IN_INITIALS = new Set(['and', 'or', 'of', 'the', 'for', 'in', 'on', 'with', 'to']);

/** Initials of a normalised name, with and without its small words ("visual line of sight" → vlos, vls). */
function initialsOf(text: string): string[] {
  const all = words(text);
  const significant = all.filter((w) => !NOT_IN_INITIALS.has(w));
  if (significant.length < 2) return [];
  return [...new Set([significant, all].map((ws) => ws.map((w) => w[0]).join('')))];
}

/**
 * Acronyms an item goes by: a capitalised aside that abbreviates the item's own words ("Blind Spot
 * Detection (BSD)"; not "(US)" or "(USD)"), or the item itself written as one ("ACC").
 */
function acronymsOf(item: string, initials: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of item.slice(0, 300).matchAll(ASIDE)) {
    const a = ACRONYM.exec(m[1].trim());
    const acronym = a ? a[1].toLowerCase().replace(/[&-]/g, '') : null;
    if (acronym && initials.includes(acronym)) out.push(acronym);
  }
  const own = ACRONYM.exec(stripParentheticals(item));
  if (own) out.push(own[1].toLowerCase().replace(/[&-]/g, ''));
  return out;
}

export const canonicalItem = memoByText((item: string): CanonicalItem => {
  const parts = itemParts(item).map((p) => SYNONYM_OF.get(p) ?? p);
  const text = itemText(item);
  const initials = initialsOf(normaliseText(stripParentheticals(item)));
  const acronyms = acronymsOf(item, initials);
  const unique = [...new Set(parts)].sort();
  const compact = text.replace(/ /g, '');
  return Object.freeze({
    text,
    parts: Object.freeze(unique),
    acronyms: Object.freeze(acronyms),
    initials: Object.freeze(initials),
    ownAcronym: unique.length === 1 && acronyms.includes(compact) ? compact : null,
    classes: Object.freeze([...new Set(unique.flatMap(classesNamedBy))]),
    bare: isBareWord(unique),
  });
});

export type Overlap =
  { kind: 'same'; canonical: string } | { kind: 'repeat' } | { kind: 'contains'; whole: 0 | 1 } | { kind: 'member'; whole: 0 | 1; class: string } | null;

/** The classes a part names ("retail" → retail store). */
function classesNamedBy(part: string): readonly string[] {
  return CLASS_NAMED.get(part) ?? [];
}

/** Whether a part is a member of a class: the member's name, or a name ending with it ("stainless steel" is a steel). */
function isMember(part: string, cls: string): boolean {
  const members = CLASS_MEMBERS.get(cls);
  if (!members) return false;
  if (members.has(part)) return true;
  const ws = words(part);
  for (let i = 1; i < ws.length; i++) if (members.has(ws.slice(i).join(' '))) return true;
  return false;
}

/** A class one item names of which the other is a member ("Retail" and "Department Stores"), or null. */
function classOver(whole: CanonicalItem, part: CanonicalItem): string | null {
  for (const cls of whole.classes) {
    // The other item naming the class too ("Retail & Department Stores") is containment, judged elsewhere.
    if (part.classes.includes(cls)) continue;
    if (part.parts.some((q) => isMember(q, cls))) return cls;
  }
  return null;
}

/** Whether a one-word item says nothing by itself in the segment lexicon ("Business", not "Hospitals" or "Oncology"). */
function isBareWord(parts: readonly string[]): boolean {
  const [p] = parts;
  return parts.length === 1 && !p.includes(' ') && !SYNONYM_OF.has(p) && !HEAD_DIMENSION.has(p) && !PHRASE_DIMENSION.has(p) && !CLASS_NAMED.has(p);
}

/**
 * A bare word read with its peer's head noun ("Business" beside "Corporate Travel" → business
 * travel) when the lexicon makes the two the same thing; the canonical name, or null. Only synonyms
 * count: "Hospitals" beside "Hospital Pharmacies" reads as nothing new.
 */
function ellipticalSame(bare: CanonicalItem, other: CanonicalItem): string | null {
  if (!bare.bare || other.parts.length !== 1) return null;
  const ws = words(other.text);
  if (ws.length < 2) return null;
  const expanded = `${bare.parts[0]} ${ws[ws.length - 1]}`;
  const canonical = SYNONYM_OF.get(expanded);
  return canonical !== undefined && expanded !== other.text && canonical === other.parts[0] ? canonical : null;
}

/**
 * Whether one item is the other's acronym: written as its initials ("ACC" beside "Adaptive Cruise
 * Control"), or as the acronym it gives in brackets ("EV" beside "Electric Vehicles (EV)"). Two names
 * that merely share an acronym are not taken for one.
 */
function sameAcronym(a: CanonicalItem, b: CanonicalItem): string | null {
  if ((a.ownAcronym === null) === (b.ownAcronym === null)) return null;
  const [short, long] = a.ownAcronym !== null ? [a, b] : [b, a];
  const acronym = short.ownAcronym!;
  return long.initials.includes(acronym) || long.acronyms.includes(acronym) ? acronym.toUpperCase() : null;
}

/** How two peer items overlap: one thing under two names, a literal repeat, one containing the other, or a class and its member. */
export function overlapOf(a: CanonicalItem, b: CanonicalItem): Overlap {
  if (a.parts.length === 0 || b.parts.length === 0) return null;
  if (a.text === b.text) return { kind: 'repeat' };
  // Parts are few (one to three): a linear search beats building sets for every pair of peers, and
  // plain loops allocate nothing (this runs for every pair of peers of every breakdown).
  const aInB = allIn(a.parts, b.parts);
  const bInA = allIn(b.parts, a.parts);
  if (aInB && bInA) return { kind: 'same', canonical: a.parts.join(' and ') };
  const acronym = sameAcronym(a, b);
  if (acronym) return { kind: 'same', canonical: acronym };
  const elliptical = a.bare || b.bare ? (ellipticalSame(a, b) ?? ellipticalSame(b, a)) : null;
  if (elliptical) return { kind: 'same', canonical: elliptical };
  if (aInB) return { kind: 'contains', whole: 1 };
  if (bInA) return { kind: 'contains', whole: 0 };
  const aOverB = a.classes.length > 0 ? classOver(a, b) : null;
  if (aOverB) return { kind: 'member', whole: 0, class: aOverB };
  const bOverA = b.classes.length > 0 ? classOver(b, a) : null;
  if (bOverA) return { kind: 'member', whole: 1, class: bOverA };
  return null;
}

function allIn(xs: readonly string[], ys: readonly string[]): boolean {
  for (const x of xs) if (!ys.includes(x)) return false;
  return true;
}

/** An aside that lists what an item includes: "(including X and Y)", "(e.g. X, Y)", or a plain "(X, Y, Z)". */
const INCLUDING = /^(?:including|incl\.?|includes|such as|e\.g\.?|eg|like|comprising|covering|mainly|namely|i\.e\.?)\s+/i;

/**
 * The sub-segments an item names in its own aside: "Retail (including Department Stores)" →
 * [Department Stores]; "Viral (AAV, Lentivirus)" → [AAV, Lentivirus]. An aside of one name without
 * a cue is a gloss or an acronym ("(BSD)"), not a child.
 */
export function asideChildren(item: string): readonly string[] {
  const out: string[] = [];
  for (const m of item.slice(0, 300).matchAll(ASIDE)) {
    const inner = m[1].trim();
    const cue = INCLUDING.exec(inner);
    const names = (cue ? inner.slice(cue[0].length) : inner)
      .split(/,|;| and | or /)
      .map((n) => n.replace(/\betc\.?$/i, '').trim())
      .filter((n) => n.length > 0);
    if (cue || names.length >= 2) out.push(...names);
  }
  return out;
}
