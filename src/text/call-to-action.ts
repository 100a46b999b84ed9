// Sales calls to action left inside a report's content: "For the full picture, Request a Free
// Sample", "Get immediate access to the study", "Buy the Report:". A call counts
// only where it opens a short sentence or follows a comma or colon, as a button label does;
// prose that mentions samples ("labs request a sample of blood") does not.

import { memoByText } from '../cache/block-cache.js';

// Written with `\s` wherever a space goes (the text is matched with its white space collapsed),
// so the loose form below can be derived from it.
const CALLS = [
  String.raw`(?:download|request|get|grab|claim|access)\s(?:(?:a|an|the|your|our|this)\s)?(?:free\s)?(?:sample|brochure|pdf|toc|table\sof\scontents)\b`,
  String.raw`get\s(?:instant|immediate|full|exclusive|complete)\saccess\b`,
  String.raw`(?:buy|purchase|order)\s(?:(?:this|the|a|full|complete)\s)?(?:full\s)?(?:report|study|licen[cs]e)\b`,
  String.raw`buy\snow\b`,
  String.raw`(?:inquire|enquire|ask)\b[^.]{0,60}?\bbefore\s(?:buying|purchasing|purchase|you\sbuy)\b`,
  String.raw`(?:speak|talk)\s(?:to|with)\s(?:(?:an?|our)\s)?(?:analyst|expert|research\sspecialist)s?\b`,
  String.raw`request\s(?:for\s)?(?:(?:a|an)\s)?(?:customi[sz]ation|discount|demo|quote|free\sconsultation|callback)\b`,
  String.raw`to\slearn\smore\sabout\sthis\sreport\b`,
  String.raw`(?:check|browse|explore|view)\s(?:out\s)?(?:more|other|related)\sreports\b`,
  String.raw`(?:click\shere|subscribe\snow|sign\sup\snow)\b`,
];
// At the start of the sentence, or after a comma, colon, semicolon or dash.
const CALL = new RegExp(String.raw`(?:^|[,:;–—-]\s*)(?:${CALLS.join('|')})`, 'i');
/**
 * CALL for the sentence as written: any run of white space where CALL has one, and the gap in
 * "ask … before buying" as long as a sentence we read. It matches wherever CALL matches the
 * collapsed sentence, so a sentence it rejects is rejected without collapsing it; it is cheaper
 * than the keyword test, which it therefore precedes. Its two openings are two expressions: one
 * tied to the start, one that skips from punctuation to punctuation, both faster than the two as
 * alternatives.
 */
const LOOSE_CALLS = CALLS.join('|')
  .replaceAll(String.raw`\s`, String.raw`\s+`)
  .replace('[^.]{0,60}?', '[^.]{0,400}?');
const LOOSE_CALL_AT_START = new RegExp(String.raw`^(?:${LOOSE_CALLS})`, 'i');
const LOOSE_CALL_AFTER_PUNCTUATION = new RegExp(String.raw`[,:;–—-]\s*(?:${LOOSE_CALLS})`, 'i');

/** Every call names one of these; a sentence without any is skipped after one test. */
const KEYWORD = /sample|access|report|licen[cs]e|buy|analyst|expert|customi[sz]|discount|demo|quote|consultation|callback|brochure|click|subscribe|sign up/i;

/** Longer sentences are content that happens to use the words. */
const MAX_WORDS = 30;
const MAX_LENGTH = 400;

export interface CallToAction {
  /** Offsets in the sentence of the call's sentence text without a trailing URL. */
  from: number;
  to: number;
  /** The call as a key: lower case, URLs dropped, spaces collapsed. */
  key: string;
}

/** The call to action a sentence makes, if any. Remembered across a batch (sentences repeat from page to page): read only. */
export const findCallToAction: (sentence: string) => CallToAction | null = memoByText(callIn);

function callIn(sentence: string): CallToAction | null {
  if (
    sentence.length > MAX_LENGTH ||
    !(LOOSE_CALL_AT_START.test(sentence) || LOOSE_CALL_AFTER_PUNCTUATION.test(sentence)) ||
    !KEYWORD.test(sentence) ||
    sentence.split(/\s+/).length > MAX_WORDS
  )
    return null;
  const normalised = sentence.replace(/\s+/g, ' ');
  if (!CALL.test(normalised)) return null;
  const url = sentence.search(/\s(?:https?:\/\/|www\.)/);
  let to = url >= 0 ? url : sentence.length;
  while (to > 0 && /[\s:.\-–]/.test(sentence[to - 1])) to--;
  const key = sentence.slice(0, to).toLowerCase().replace(/\s+/g, ' ').trim();
  return to > 0 ? { from: 0, to, key } : null;
}
