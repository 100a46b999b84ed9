import type { Sentence } from '../schema/document.js';
import { MONTH_PATTERN } from '../util/months.js';
import { monthNumber, type PartialDate } from '../util/dates.js';

/** A past event the text dates: "In March 2024, X launched …", "On August 05, 2025, Y announced …". */
export interface DatedEvent {
  sentence: Sentence;
  date: PartialDate;
  /** Offsets of the date expression within the block text. */
  from: number;
  to: number;
}

const MONTH = String.raw`${MONTH_PATTERN}\.?`;
const YEAR = String.raw`(?:19[5-9]\d|20\d\d)`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
// "in March 2024", "on August 05, 2025", "on 5 August 2025", "in 2024", "during Q3 2023".
// Every repetition is bounded and alternatives do not overlap, so there is no backtracking blow-up.
const EVENT_DATE = new RegExp(
  String.raw`\b(?:in|on|during)\s{1,3}(?:(?:early|mid|late)[\s-]{1,3})?` +
    String.raw`(?:(${MONTH})\s{1,3}(?:(${DAY}),?\s{1,3})?(${YEAR})|(${DAY})\s{1,3}(${MONTH}),?\s{1,3}(${YEAR})|(?:Q[1-4]|H[12])\s{1,3}(${YEAR})|(${YEAR}))\b` +
    // not the start of a range ("in 2020-2024", "in 2020 to 2024")
    String.raw`(?!\s{0,3}(?:-|–|—|to\b|through\b)\s{0,3}${YEAR})`,
  'gi',
);

// A sentence reports something that happened.
const PAST_EVENT =
  /\b(?:launched|announced|approved|acquired|received|signed|completed|reported|introduced|unveiled|entered|partnered|collaborated|raised|granted|released|opened|expanded|invested|formed|established|filed|initiated|began|started|published|achieved|presented|emerged|debuted|agreed|merged|obtained|secured|closed|submitted|inaugurated|treated|showed|demonstrated|gained|won|appointed|awarded|cleared|authori[sz]ed|fell|rose|declined|dropped|increased|decreased|grew|jumped|surged|climbed|slumped|plunged|slipped)\b/i;
// A sentence that projects, plans or conditions is not an event, whatever its verbs.
const FORWARD =
  /\b(?:expected|expects?|projected|projects?|forecast(?:ed|s)?|anticipated|anticipates?|estimated to|will|would|shall|could|likely|plans?\s+to|planned|aims?\s+to|set to|poised|scheduled|predicted|intends?\s+to|targets?|targeted|is to|are to|should)\b/i;
// Case-sensitive: "May 2024" is a month, "may" a modal.
const FORWARD_MODAL = /\b(?:may|might)\b/;
const MAX_SENTENCE_SCAN = 2000;

function dateOf(m: RegExpExecArray): PartialDate {
  const day = (s: string | undefined) => (s ? Number.parseInt(s, 10) : null);
  if (m[3]) return { year: Number(m[3]), month: monthNumber(m[1]), day: day(m[2]) };
  if (m[6]) return { year: Number(m[6]), month: monthNumber(m[5]), day: day(m[4]) };
  if (m[7]) return { year: Number(m[7]), month: null, day: null };
  return { year: Number(m[8]), month: null, day: null };
}

/**
 * Past events with a date, one per date expression, in document order. `digits` flags the sentences
 * that hold a digit (see digitFlags): every date expression has a year, so the others are passed over.
 */
export function findDatedEvents(sentences: ReadonlyArray<Sentence>, digits: Uint8Array): ReadonlyArray<DatedEvent> {
  const out: DatedEvent[] = [];
  for (let k = 0; k < sentences.length; k++) {
    if (digits[k] === 0) continue;
    const s = sentences[k];
    for (const e of eventDatesIn(s.text)) out.push({ sentence: s, date: e.date, from: s.from + e.from, to: s.from + e.to });
  }
  return out;
}

type EventDate = Omit<DatedEvent, 'sentence'>;
const NONE: readonly EventDate[] = Object.freeze([]);

/** A sentence's event dates, as offsets in the sentence. */
function eventDatesIn(sentence: string): readonly EventDate[] {
  const text = sentence.length > MAX_SENTENCE_SCAN ? sentence.slice(0, MAX_SENTENCE_SCAN) : sentence;
  if (!PAST_EVENT.test(text) || FORWARD.test(text) || FORWARD_MODAL.test(text)) return NONE;
  const out: EventDate[] = [];
  EVENT_DATE.lastIndex = 0;
  for (let m = EVENT_DATE.exec(text); m; m = EVENT_DATE.exec(text)) {
    const date = dateOf(m);
    if (date.month === 0) continue;
    out.push({ date, from: m.index, to: m.index + m[0].length });
  }
  return out.length > 0 ? out : NONE;
}
