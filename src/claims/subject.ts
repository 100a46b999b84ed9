// Who a growth rate or a size is about: the report's own market, a region, a segment, a company or
// another market, read from the clause the figure stands in, against the names the document itself
// declares. A figure whose subject cannot be read positively is "unknown": rules never compare it.
import { findPlaces, placeOfAdjective, type Place } from '../lexicon/gazetteer.js';
import type { Subject } from '../schema/claims.js';
import type { Block, DocumentModel, Sentence } from '../schema/document.js';
import { clausesOf, PRONOUNS, type Clause } from './clauses.js';
import { mentionsIn, type Mention } from './segments.js';
import { companyKey, type Vocabulary } from './vocabulary.js';

export const MARKET_SUBJECT: Subject = { key: 'market', label: 'the market', kind: 'market' };
export const UNKNOWN_SUBJECT: Subject = { key: 'unknown', label: 'an unresolved subject', kind: 'unknown' };
/** "Regional demand", "the region's revenue": the region the sentence or its section names, if any. */
const REGION_ANAPHOR: Subject = { key: 'anaphor:region', label: 'the region', kind: 'unknown' };
const REGION_WORD = /^(?:the\s+|this\s+)?(?:region(?:al|['’]s)?)\s*/i;

/** Words that say what is measured, not whose: "growth", "revenue", "the market", "its size". */
const MEASURE =
  /^(?:the|its|their|this|that|overall|total|annual|average|global|worldwide|entire|whole|market|industry|sector|business|space|growth|revenues?|sales?|demand|size|value|valuation|spending|expenditure|turnover|volume|figures?|cagr|compound|rate|income|consumption|output|production|shipments?|adoption|uptake|market's|industry's|of|in|and|s|'s|’s)$/;
/** Figures, years and money words: "compared with USD 880.47 billion in 2026" names nothing by them. */
const AMOUNT = /^(?:[$€£₹¥]?[\d.,:%–-]+[%a-z]{0,3}|usd|us\$|eur|gbp|inr|rs\.?|trillion|billion|million|thousand|bn|mn|crores?|lakhs?|fy\d*|q[1-4])$/;

/**
 * Words of a clause without a verb of its own that point back to what the sentence is about:
 * "…, compared with USD 880 billion in 2026", "…, implying a 4.2% CAGR", "…, up from 3.1%".
 */
const FILLER =
  /^(?:a|an|the|at|of|to|from|with|by|for|on|over|about|around|nearly|almost|approximately|roughly|some|close|than|more|less|up|down|versus|vs|against|compared|respectively|annually|yearly|per|year|annum|cent|percent|it|its|they|them|their|this|that|which|[a-z]+ing|[a-z]+ly)$/;
const DETERMINERS = /^(?:the|a|an|its|their|this|that|these|those|our|overall|total|global|worldwide|entire|whole|current|annual|combined)$/;
const HEAD_NOUN = /\b(market|industry|sector|segment|sub-segment|category|space)\b/i;
const STOPWORDS = new Set(['and', 'of', 'for', 'in', 'the', 'size', 'value', 'revenue', 'market', 'industry', 'sector', 's']);

/** A plural's singular, roughly: "batteries" → "battery", "boxes" → "box", "sales" → "sale"; "glass" stays. */
function stem(token: string): string {
  return token
    .replace(/['’]s$/, '')
    .replace(/ies$/, 'y')
    .replace(/(?<=[a-z]{2}(?:ss|x|ch|sh))es$/, '')
    .replace(/(?<=[a-z]{3}[^s])s$/, '');
}

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9&+ -]+/g, ' ')
    .split(/[\s-]+/)
    .filter((t) => t && !STOPWORDS.has(t) && !DETERMINERS.test(t) && !/^\d/.test(t))
    .map(stem);
}

/** The words of a phrase all belong to the report's market name (or to words saying what is measured). */
function namesMarket(phrase: string, market: ReadonlySet<string>): boolean {
  const words = tokens(phrase).filter((t) => !MEASURE.test(t));
  return words.length > 0 && market.size > 0 && words.every((t) => market.has(t));
}

/** Only determiners, fillers and words saying what is measured: "Growth", "The market's revenue", "compared with", "implying a". */
function onlyMeasure(phrase: string): boolean {
  const words = phrase
    .toLowerCase()
    .split(/[\s,()]+/)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => MEASURE.test(w) || MEASURE.test(stem(w)) || DETERMINERS.test(w) || FILLER.test(w) || AMOUNT.test(w));
}

const placeSubject = (p: Place): Subject => ({ key: `place:${p.code}`, label: p.name, kind: 'region' });
const segmentSubject = (name: string, dimension: string | null = null): Subject => ({ key: `segment:${name}`, label: name, kind: 'segment', dimension });

/** An adjective of place at the start of a phrase ("North American", "Chinese"). */
function adjectivePlace(phrase: string): Place | null {
  const words = phrase.replace(/^(?:the|its)\s+/i, '').split(/\s+/);
  for (const n of [2, 1]) {
    if (words.length < n) continue;
    const p = placeOfAdjective(words.slice(0, n).join(' '));
    if (p) return p;
  }
  return null;
}

type Reading = Subject | 'inherit';
const RELATIVE = new Set(['which', 'who', 'whose', 'whereby']);
const TOPIC_KINDS = new Set(['market', 'region', 'segment', 'company']);

/**
 * Reads the subjects of a document's figures in document order: call `enterBlock` for every block
 * (headings set the section's topic) and `subjectAt` for the figures of each sentence.
 */
export class SubjectReader {
  private readonly market: ReadonlySet<string>;
  /** A place in the report's own name ("US liquid biopsy"): naming it names the market. */
  private readonly scope: Place | null;
  private sectionTopic: Subject | null = null;
  private last: { subject: Subject; section: number } | null = null;
  /** Abbreviations the text has defined ("ctc" → "circulating tumour cell"). */
  private readonly aliases = new Map<string, string>();
  private cached: { sentence: Sentence; mentions: Mention[]; subjects: Array<{ clause: Clause; subject: Subject | null }> } | null = null;

  constructor(
    private readonly doc: DocumentModel,
    private readonly vocabulary: Vocabulary,
  ) {
    const name = doc.metadata.market ?? '';
    const scope = findPlaces(name.replace(/\b[a-z]/g, (c) => c.toUpperCase()))[0] ?? null;
    this.scope = scope?.place ?? null;
    this.market = new Set(tokens(scope ? name.slice(0, scope.from) + name.slice(scope.to) : name));
  }

  /** Before a block's sentences: a heading sets the topic of the section it opens. */
  enterBlock(block: Block): void {
    if (block.kind !== 'heading') return;
    const reading = this.read(block.text, mentionsIn(block.text, this.vocabulary.segments));
    // Only a heading that names the market, a region, a segment or a company gives its section a topic.
    this.sectionTopic = reading !== 'inherit' && TOPIC_KINDS.has(reading.kind) ? reading : null;
  }

  /** What a name or label on its own names (a table row's "North America", a header's "Global X Market Value"), or null. */
  nameSubject(name: string): Subject | null {
    const reading = this.read(name, mentionsIn(name, this.vocabulary.segments));
    return reading === 'inherit' || reading.kind === 'unknown' ? null : reading;
  }

  /** A sentence with figures: its main subject becomes the topic of the next ones. */
  note(s: Sentence): void {
    this.clauses(s);
  }

  /** The subject of the figure at `index` of a sentence. */
  subjectAt(s: Sentence, index: number): Subject {
    const clauses = this.clauses(s);
    const i = clauses.findIndex((c) => index >= c.clause.from && index < c.clause.to);
    const at = i < 0 ? clauses.length - 1 : i;
    const clause = clauses[at];
    // A clause without a verb, or whose verb comes after the figure, is read up to the figure:
    // "North America 42%, Europe 31%", "with a CAGR of over 20% projected through 2030".
    const head = clause?.clause.head;
    const own =
      clause && !clause.clause.byCue && (!head || index < head.to)
        ? this.readAt(s, head && index < head.to ? head.from : clause.clause.from, index)
        : clause?.subject;
    if (own === REGION_ANAPHOR) return this.regionBefore(clauses, at);
    if (own) return own;
    // The subject of the sentence's closest clause before that names one ("The market, valued at …"
    // reads its verbless opening), else what came before.
    for (let j = at - 1; j >= 0; j--) {
      const c = clauses[j];
      const subject = c.subject ?? (!c.clause.head && !c.clause.byCue ? this.readAt(s, c.clause.from, c.clause.to) : null);
      if (subject && subject.kind !== 'unknown') return subject;
    }
    return this.inherited(s);
  }

  /**
   * "The US government", "China's economy": a place that owns the noun after it names that noun, not
   * the region's market. Measure words ("the US market", "Europe's revenue"), region words and the
   * report's market name after the place keep it the region.
   */
  private ownedByPlace(phrase: string, place: { text?: string; place?: Place | null }): boolean {
    const at = place.text ? phrase.indexOf(place.text) : -1;
    if (at < 0) return false;
    const tail = phrase
      .slice(at + place.text!.length)
      .replace(/^['’]s\b/, '')
      .replace(/\b(?:regions?|regional|countries|country|nations?|as a whole)\b/gi, ' ')
      .trim();
    return tail !== '' && !onlyMeasure(tail) && !namesMarket(tail, this.market);
  }

  /** The region a clause before `at` is about, else the section's region: what "regional" points back to. */
  private regionBefore(clauses: ReadonlyArray<{ subject: Subject | null }>, at: number): Subject {
    for (let j = at - 1; j >= 0; j--) if (clauses[j].subject?.kind === 'region') return clauses[j].subject!;
    return this.sectionTopic?.kind === 'region' ? this.sectionTopic : UNKNOWN_SUBJECT;
  }

  private readAt(s: Sentence, from: number, to: number): Subject | null {
    if (to <= from) return null;
    this.clauses(s);
    const mentions = this.cached!.mentions.filter((m) => m.from >= from && m.to <= to).map((m) => ({ ...m, from: m.from - from, to: m.to - from }));
    const reading = this.read(s.text.slice(from, to), mentions);
    return reading === 'inherit' ? null : reading;
  }

  private inherited(s: Sentence): Subject {
    const section = this.doc.blocks[s.block].section;
    if (this.last && this.last.section === section) return this.last.subject;
    return this.sectionTopic ?? UNKNOWN_SUBJECT;
  }

  /** The clauses of a sentence with their own subjects (null where a clause names none); the sentence's main subject becomes the topic. */
  private clauses(s: Sentence): Array<{ clause: Clause; subject: Subject | null }> {
    if (this.cached?.sentence === s) return this.cached.subjects;
    const mentions = mentionsIn(s.text, this.vocabulary.segments);
    const subjects: Array<{ clause: Clause; subject: Subject | null }> = [];
    let qualifier: Place | null = null;
    for (const clause of clausesOf(s.text, mentions)) {
      const text = s.text.slice(clause.from, clause.to);
      // "In Asia Pacific, the X market reached …": a place in a clause of its own qualifies the next.
      const lead = /^\s*(?:in|across|within|throughout|for)\s+(?:the\s+)?(.{2,60}?)[\s,]*$/i.exec(text);
      if (lead && !clause.head) {
        const p = findPlaces(lead[1])[0];
        if (p && p.from === 0 && p.place.code !== this.scope?.code) qualifier = p.place;
        subjects.push({ clause, subject: null });
        continue;
      }
      if (clause.byCue || !clause.head) {
        // Read at each figure instead (see subjectAt).
        subjects.push({ clause, subject: null });
        continue;
      }
      const head = clause.head;
      const phraseMentions = mentions
        .filter((m) => m.from >= head.from && m.to <= head.to)
        .map((m) => ({ ...m, from: m.from - head.from, to: m.to - head.from }));
      let reading = this.read(s.text.slice(head.from, head.to), phraseMentions);
      if (reading !== 'inherit' && reading.kind === 'market' && qualifier) reading = placeSubject(qualifier);
      qualifier = null;
      subjects.push({ clause, subject: reading === 'inherit' ? null : reading });
    }
    this.cached = { sentence: s, mentions, subjects };
    const main = subjects.find((c) => c.subject && c.subject.kind !== 'unknown')?.subject;
    if (main) this.last = { subject: main, section: this.doc.blocks[s.block].section };
    return subjects;
  }

  /** What a subject phrase names. */
  private read(phrase: string, mentions: readonly Mention[]): Reading {
    if (phrase.includes('(')) this.noteAbbreviations(phrase);
    // A dateline before the sentence proper ("Ottawa, Sept. 16, 2025 (WIRE) -- The market …") is not its subject.
    const dash = Math.max(phrase.lastIndexOf('--'), phrase.lastIndexOf(' — '));
    if (dash >= 0) {
      mentions = mentions.filter((m) => m.from > dash).map((m) => ({ ...m, from: m.from - dash - 2, to: m.to - dash - 2 }));
      phrase = phrase.slice(dash + 2);
    }
    const trimmed = phrase
      .replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '')
      .replace(/\([^()]{0,80}\)/g, ' ')
      .trim();
    if (!trimmed) return 'inherit';
    const first = trimmed.split(/\s+/)[0].toLowerCase();
    // A relative clause ("which the report describes as a 5.3% CAGR") is about what it follows.
    if ((PRONOUNS.has(first) && trimmed.split(/\s+/).length <= 2) || RELATIVE.has(first)) return 'inherit';
    const region = REGION_WORD.exec(trimmed);
    if (region && (region[0].length === trimmed.length || onlyMeasure(trimmed.slice(region[0].length)))) return REGION_ANAPHOR;
    // A company the document lists as a player.
    if (this.vocabulary.companies.size > 0) {
      const key = companyKey(trimmed);
      if (key && this.vocabulary.companies.has(key)) return { key: `company:${key}`, label: trimmed, kind: 'company' };
    }
    const places = (mentions.length ? mentions.filter((m) => m.place) : findPlaces(trimmed).map((p) => ({ place: p.place, text: p.text }))).filter(
      (m) => m.place!.code !== this.scope?.code,
    );
    const segment = mentions.find((m) => !m.place);
    const named = HEAD_NOUN.exec(trimmed);
    if (segment && !(named && named[1].toLowerCase() !== 'segment' && namesMarket(trimmed.slice(0, named.index), this.market))) {
      return segmentSubject(segment.key.replace(/^segment:/, ''), segment.dimension);
    }
    if (places.length) return this.ownedByPlace(trimmed, places[0]) ? this.entity(trimmed) : placeSubject(places[0].place!);
    const adjective = adjectivePlace(trimmed);
    if (adjective && adjective.code !== this.scope?.code) return placeSubject(adjective);
    if (named) {
      // The name is what follows the last determiner: "We size the soil sensor market at …".
      const before = trimmed.slice(0, named.index).replace(/^.*\b(?:the|a|an|this|that|its|their|our)\s+/i, '');
      const kind = named[1].toLowerCase();
      if (kind === 'segment' || kind === 'sub-segment' || kind === 'category') {
        const name = tokens(before).join(' ');
        return name ? segmentSubject(name) : 'inherit';
      }
      const generic = before.trim() === '' || onlyMeasure(before);
      if (generic || namesMarket(before, this.market)) {
        // "the market" under a region's or a segment's heading is that region's or segment's market.
        if (generic && this.sectionTopic && this.sectionTopic.kind !== 'market') return this.sectionTopic;
        return MARKET_SUBJECT;
      }
      const name = tokens(before).join(' ');
      const label = before
        .trim()
        .split(/\s+/)
        .filter((w) => !DETERMINERS.test(w.toLowerCase()))
        .join(' ');
      return { key: `market:${name}`, label: `${label} ${kind}`, kind: 'other-market' };
    }
    if (onlyMeasure(trimmed)) return 'inherit';
    if (namesMarket(trimmed, this.market)) return MARKET_SUBJECT;
    return this.entity(trimmed);
  }

  /**
   * Something the clause names that the document declares nowhere else ("Circulating tumour cells",
   * "CTCs"): keyed by its own words, so only figures about the same words meet. A short phrase only.
   */
  private entity(phrase: string): Subject {
    const words = tokens(phrase).filter((t) => !MEASURE.test(t) && !FILLER.test(t) && !AMOUNT.test(t));
    if (words.length === 0 || words.length > 6 || phrase.split(/\s+/).length > 9) return UNKNOWN_SUBJECT;
    const key = words.join(' ');
    const name = this.aliases.get(key) ?? key;
    return { key: `entity:${name}`, label: phrase.replace(/^(?:the|its|their)\s+/i, ''), kind: 'entity' };
  }

  /** "Circulating tumour cells (CTCs)": the abbreviation stands for the words before it from here on. */
  private noteAbbreviations(phrase: string): void {
    for (const m of phrase.matchAll(/((?:[A-Za-z][\w-]*\s+){1,6})\(([A-Za-z]{2,8}?)s?\)/g)) {
      const letters = m[2].toLowerCase();
      const words = m[1].trim().split(/\s+/).slice(-letters.length);
      if (words.length !== letters.length || !words.every((w, i) => w[0].toLowerCase() === letters[i])) continue;
      const full = tokens(words.join(' ')).join(' ');
      if (full) this.aliases.set(stem(letters), full);
    }
  }
}
