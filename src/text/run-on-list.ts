import { memoByText } from '../cache/block-cache.js';
import { isSpace } from '../util/chars.js';

// A sentence fragment that runs into a list of names with no verb: "A few of the leading vendors in
// the Acme Devices Inc., Borealis Medical Ltd., … and Delta Pumps AG." — a template whose
// verb ("… in the market are") was lost.

const MAX_SENTENCE = 2_000;
const MIN_NAMES = 3;
const MAX_NAME_WORDS = 8;

// Words that connect a lead-in to its list correctly ("include", "such as", "are", "namely", ":").
const CONNECTOR =
  /\b(?:is|are|was|were|be|include|includes|included|including|incl|comprise|comprises|comprising|consist|consists|such as|like|namely|e\.g|i\.e|feature|features|featuring|cover|covers|has|have|had|encompass|encompasses|following|as follows|among them|led by)\b|[:–—]/i;
const PLAYERS =
  /\b(?:players?|companies|company|vendors?|manufacturers?|participants?|competitors?|firms?|suppliers?|providers?|developers?|organi[sz]ations?|leaders?)\b/i;
const DANGLING = /\b(?:the|a|an|of|in|by|for|with|from|at|to|on|and)$/i;
const NAME_GLUE = /^(?:&|and|of|de|der|du|la|le|the|y|e|von|van|für|\+)$/i;
const COMPANY_SUFFIX =
  /^(?:Inc|Ltd|LLC|LLP|Corp|Corporation|AG|SE|plc|PLC|SA|S\.A|NV|N\.V|GmbH|Co|Company|Limited|Group|Holdings|Pharmaceuticals?|Therapeutics|Technologies|Biotech|Biosciences?|Pharma|KGaA|AB|ASA|Oyj|KK|K\.K)\.?,?$/;

/** Split at commas outside parentheses. */
function chunks(text: string): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  if (text.indexOf('(') < 0) {
    // No parentheses: every comma splits, found without walking the other characters.
    let start = 0;
    for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) {
      out.push({ from: start, to: i });
      start = i + 1;
    }
    out.push({ from: start, to: text.length });
    return out;
  }
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      out.push({ from: start, to: i });
      start = i + 1;
    }
  }
  out.push({ from: start, to: text.length });
  return out;
}

function isNameWord(w: string): boolean {
  return /^[A-Z0-9(]/.test(w) || NAME_GLUE.test(w);
}

/**
 * Whether the chunk's (text[from, to)) first character could open a name ("A"–"Z", "0"–"9") or a leading "and",
 * "or", "&": one look at one character turns away most chunks of prose without splitting them.
 */
function mayStartName(text: string, from = 0, to = text.length): boolean {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  if (i >= to) return false;
  const c = text.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 0x61 /* a */ || c === 0x6f /* o */ || c === 0x26; /* & */
}

/** "Acme Devices Inc.", "and Delta Pumps AG", "Smith & Nephew": capitalised words (and glue), a few of them. */
function isName(chunk: string): boolean {
  if (!mayStartName(chunk)) return false;
  const ws = chunk
    .trim()
    .replace(/^(?:and|or|&)\s+/i, '')
    .replace(/\.$/, '')
    .split(/\s+/)
    .filter(Boolean);
  return ws.length > 0 && ws.length <= MAX_NAME_WORDS && /^[A-Z0-9]/.test(ws[0]) && ws.every(isNameWord);
}

export interface RunOnList {
  /** The lead-in fragment, [0, leadEnd) of the sentence. */
  leadEnd: number;
  names: number;
}

/** A sentence that runs a list of names on after its lead-in. Remembered across a batch (sentences repeat from page to page): read only. */
export const findRunOnList: (sentence: string) => RunOnList | null = memoByText(runOnListIn);

function runOnListIn(sentence: string): RunOnList | null {
  // A lead-in and three names need two commas.
  const comma = sentence.indexOf(',');
  const second = comma < 0 ? -1 : sentence.indexOf(',', comma + 1);
  if (sentence.length > MAX_SENTENCE || second < 0) return null;
  // Without parentheses the second chunk lies between the first two commas, and it must open a
  // name: most prose ends here, before any chunk is cut.
  if (sentence.indexOf('(') < 0 && !mayStartName(sentence, comma + 1, second)) return null;
  const parts = chunks(sentence);
  if (parts.length < MIN_NAMES) return null;
  // Every chunk after the first must be a name; most sentences with commas fail here, before the
  // lead-in is analysed.
  if (!parts.every((p, i) => i === 0 || mayStartName(sentence, p.from, p.to))) return null;
  const rest = parts.slice(1).map((p) => sentence.slice(p.from, p.to));
  if (!rest.every(isName)) return null;
  // The first chunk is lead-in + first name: the name starts after the last lower-case word.
  const first = sentence.slice(parts[0].from, parts[0].to);
  const words = [...first.matchAll(/\S+/g)];
  let split = -1;
  for (let i = words.length - 1; i >= 0; i--) {
    if (!isNameWord(words[i][0]) || /^[a-z]/.test(words[i][0])) {
      split = i;
      break;
    }
  }
  if (split < 2 || split === words.length - 1) return null;
  const leadEnd = words[split].index + words[split][0].length;
  const lead = first.slice(0, leadEnd);
  if (CONNECTOR.test(lead)) return null;
  const names = [first.slice(leadEnd), ...rest];
  if (!isName(names[0])) return null;
  const withSuffix = names.filter((n) =>
    n
      .trim()
      .split(/\s+/)
      .some((w) => COMPANY_SUFFIX.test(w)),
  ).length;
  // The lead-in announces companies, or dangles ("… in the") before names that are plainly companies.
  const announced = PLAYERS.test(lead) && (withSuffix > 0 || names.length >= 5);
  const dangling = DANGLING.test(lead) && withSuffix >= 2;
  return announced || dangling ? { leadEnd, names: names.length } : null;
}
