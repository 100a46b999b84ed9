import type { SourceView } from '../claims/source-view.js';
import type { Sentence } from '../schema/document.js';
import type { KnownEntity } from '../lexicon/entity-history.js';
import type { LiteralScan } from './literal-scan.js';

/** How a mention of an old name reads in its sentence. */
export type MentionReading =
  /** Named as if it were a current company. */
  | 'current'
  /** Names the successor with it ("Oldco, a Parentco company"). */
  | 'with-successor'
  /** Describes the event ("Parentco's acquisitions, including Oldco"). */
  | 'as-history'
  /** Its sentence is dated no later than the event ("In 2016, Oldco …"). */
  | 'dated-before';

export interface EntityMention {
  entity: number;
  block: number;
  from: number;
  to: number;
  reading: MentionReading;
}

const MAX_LINK_GAP = 80;
const CORPORATE_SUFFIX = String.raw`(?:,?\s{0,2}(?:inc|corp|corporation|ltd|limited|plc|ag|sa|s\.a|co|llc|gmbh|nv|n\.v|se)\.?)?`;
// Successor first: "Parentco (Oldco)", "Parentco Inc (through Oldco)".
const PAREN_AFTER_SUCCESSOR = new RegExp(
  String.raw`^${CORPORATE_SUFFIX}\s{0,2}\(\s{0,2}(?:through|via|incl\.?|including|formerly|now|with|owner of)?\s{0,2}$`,
  'i',
);
// Old name first: "Oldco (Parentco)", "Oldco (now part of Parentco)".
const PAREN_AFTER_ENTITY = new RegExp(
  String.raw`^${CORPORATE_SUFFIX}\s{0,2}\(\s{0,2}(?:(?:now|acquired by|owned by|part of|subsidiary of|a|an)\s{1,2}){0,3}$`,
  'i',
);
// "Parentco's Oldco", "Parentco's subsidiary Oldco".
const POSSESSIVE = /^['’]s\s{1,2}(?:[A-Za-z-]{1,20}\s{1,2}){0,2}$/;
// Words that tie two names together as one company: "Oldco, now a part of Parentco".
const LINK_WORDS =
  /\b(?:now|part of|member of|owned by|acquired by|subsidiary of|unit of|division of|arm of|merged (?:with|into)|renamed|rebranded|formerly|previously|known as|through|via|parent)\b/i;
// "Oldco, a Parentco company": an article before the successor, a word of belonging after.
const ARTICLE_GAP = /^\s{0,2},?\s{0,2}(?:a|an|the)\s{1,2}(?:[\w.-]{1,20}\s{1,2}){0,2}$/i;
const BELONGING_AFTER = /^\s{0,2}(?:[A-Za-z&.-]{1,20}\s{1,2}){0,2}(?:company|companies|subsidiary|unit|division|business|affiliate)\b/i;
// The sentence tells the event as history.
const HISTORY =
  /\b(?:acquir\w*|acquisitions?|purchas(?:e|ed|es)|bought|buyout|took over|takeover|merg(?:ed|er|ers|ing)|renam\w*|rebrand\w*|formerly|former|previously known|known as|wound down|wind[- ]down|dissolv\w*|liquidat\w*|bankrupt\w*|defunct|ceased|absorbed|integrated into|folded into|spun off|spin-?off|split-?off|demerg\w*|divest\w*|sold|sale of|exited|exit from|separat(?:ed|ion)|carve[- ]?out)\b/i;
// A gap that crosses a clause or sentence boundary links nothing.
const CLAUSE_BREAK = /;|[.!?]\s+[A-Z]/;
const YEAR = /\b(?:19[5-9]\d|20\d\d)\b/g;
const HISTORY_BEFORE = 100;
const HISTORY_AFTER = 60;

// Emphasis marks left in scraped text ("**Oldco**, a …") are not words.
const EMPHASIS = /[*_]/g;

function linked(text: string, entity: { from: number; to: number }, successor: { from: number; to: number }): boolean {
  if (successor.to <= entity.from) {
    const gap = text.slice(successor.to, entity.from).replace(EMPHASIS, '');
    if (gap.length > MAX_LINK_GAP) return false;
    return PAREN_AFTER_SUCCESSOR.test(gap) || POSSESSIVE.test(gap) || (LINK_WORDS.test(gap) && !CLAUSE_BREAK.test(gap));
  }
  if (successor.from >= entity.to) {
    const gap = text.slice(entity.to, successor.from).replace(EMPHASIS, '');
    if (gap.length > MAX_LINK_GAP) return false;
    if (PAREN_AFTER_ENTITY.test(gap)) return true;
    if (CLAUSE_BREAK.test(gap)) return false;
    return LINK_WORDS.test(gap) || (ARTICLE_GAP.test(gap) && BELONGING_AFTER.test(text.slice(successor.to, successor.to + 30).replace(EMPHASIS, '')));
  }
  return false;
}

/** The sentence (of one block, sorted by offset) that contains `offset`, by binary search. */
function sentenceAt(sentences: ReadonlyArray<Sentence>, offset: number): { from: number; to: number } {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.from) hi = mid - 1;
    else if (offset >= s.to) lo = mid + 1;
    else return s;
  }
  return { from: offset, to: offset + 1 };
}

// A successor farther than this from the old name cannot be linked to it (see MAX_LINK_GAP).
const NEIGHBOURHOOD = MAX_LINK_GAP + 200;

/**
 * Every mention of a known old name (`names`: the hits of the document's one dictionary pass, whose
 * entries index `entities`), each with how its sentence reads it.
 */
export function findEntityMentions(
  ctx: Pick<SourceView, 'doc' | 'sentences'>,
  names: LiteralScan['entities'],
  entities: ReadonlyArray<KnownEntity>,
): EntityMention[] {
  const located = names.filter((h) => !h.data.exclude);
  if (!located.some((h) => h.data.entities.length > 0)) return [];
  const sentencesByBlock = new Map<number, Sentence[]>();
  for (const s of ctx.sentences()) {
    const list = sentencesByBlock.get(s.block) ?? [];
    list.push(s);
    sentencesByBlock.set(s.block, list);
  }
  // The latest year each sentence mentions, computed once per sentence.
  const years = new Map<string, number | null>();
  const latestYear = (block: number, sentence: { from: number; to: number }, text: string): number | null => {
    const key = `${block}:${sentence.from}`;
    if (!years.has(key)) {
      let latest: number | null = null;
      for (const m of text.slice(sentence.from, Math.min(sentence.to, sentence.from + 2000)).matchAll(YEAR)) latest = Math.max(latest ?? 0, Number(m[0]));
      years.set(key, latest);
    }
    return years.get(key)!;
  };
  const out: EntityMention[] = [];
  // Hits come in document order, so a hit's possible successors are its near neighbours.
  located.forEach((hit, i) => {
    if (hit.data.entities.length === 0) return;
    const text = ctx.doc.blocks[hit.block].text;
    if (hit.data.capitals && /[a-z]/.test(text.slice(hit.from, hit.to))) return;
    const sentence = sentenceAt(sentencesByBlock.get(hit.block) ?? [], hit.from);
    const near = (o: (typeof located)[number]) => o.block === hit.block && Math.abs(o.from - hit.from) <= NEIGHBOURHOOD;
    const neighbours: typeof located = [];
    for (const step of [-1, 1]) {
      for (let j = i + step; j >= 0 && j < located.length && near(located[j]); j += step) {
        const o = located[j];
        if (o.from >= sentence.from && o.to <= sentence.to) neighbours.push(o);
      }
    }
    // Whether the sentence tells an event around the name does not depend on which entry it is.
    let history: boolean | null = null;
    const toldAsHistory = () => {
      if (history === null) {
        const around =
          text.slice(Math.max(sentence.from, hit.from - HISTORY_BEFORE), hit.from) + ' ' + text.slice(hit.to, Math.min(sentence.to, hit.to + HISTORY_AFTER));
        history = HISTORY.test(around);
      }
      return history;
    };
    for (const index of hit.data.entities) {
      let reading: MentionReading = 'current';
      if (neighbours.some((s) => s.data.successorOf.includes(index) && linked(text, hit, s))) reading = 'with-successor';
      else if (toldAsHistory()) reading = 'as-history';
      else {
        const latest = latestYear(hit.block, sentence, text);
        if (latest !== null && latest <= entities[index].when.year) reading = 'dated-before';
      }
      out.push({ entity: index, block: hit.block, from: hit.from, to: hit.to, reading });
    }
  });
  return out;
}
