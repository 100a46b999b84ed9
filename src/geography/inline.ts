import { MAX_NAME, nameSpan, placeOf, trimSpan, type TextSpan } from './names.js';

// An inline group's tail longer than this is prose, not a list of names.
const MAX_TAIL = 600;
const MAX_JOIN = 4;

/** "Europe: Germany and France" → head "Europe", tail "Germany and France" (block offsets). */
export function splitHead(text: string): { head: TextSpan; tail: TextSpan } | null {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > MAX_NAME) return null;
  const head = trimSpan(text, 0, colon);
  const tail = trimSpan(text, colon + 1, Math.min(text.length, colon + 1 + MAX_TAIL));
  if (head.text.length === 0 || tail.text.length === 0) return null;
  return { head, tail };
}

/** Cuts `text[from, to)` at each separator outside parentheses. */
function cutOutside(text: string, from: number, to: number, separatorAt: (i: number) => number): TextSpan[] {
  const out: TextSpan[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const len = separatorAt(i);
      if (len > 0) {
        out.push(trimSpan(text, start, i));
        start = i + len;
        i += len - 1;
      }
    }
  }
  out.push(trimSpan(text, start, to));
  return out.filter((s) => s.text.length > 0);
}

const commaAt = (text: string) => (i: number) => (text[i] === ',' || text[i] === ';' ? 1 : 0);

// " and " / " & " between names; the length covers the connector and its spaces.
const andAt = (text: string) => (i: number) => {
  if (!/\s/.test(text[i] ?? '') || i === 0) return 0;
  const m = /^\s+(?:and|&)\s+/i.exec(text.slice(i, i + 12));
  return m ? m[0].length : 0;
};

/**
 * Joins neighbouring atoms back into one name where the gazetteer knows the joined name, longest
 * first. `accept` decides whether a resolvable join is taken.
 */
function rejoin(text: string, atoms: TextSpan[], accept: (parts: TextSpan[]) => boolean): TextSpan[] {
  const out: TextSpan[] = [];
  for (let i = 0; i < atoms.length;) {
    let taken = 1;
    for (let n = Math.min(MAX_JOIN, atoms.length - i); n >= 2; n--) {
      const joined = text.slice(atoms[i].from, atoms[i + n - 1].to);
      if (placeOf(joined) && accept(atoms.slice(i, i + n))) {
        taken = n;
        break;
      }
    }
    out.push(trimSpan(text, atoms[i].from, atoms[i + taken - 1].to));
    i += taken;
  }
  return out;
}

function stripLeadingConnector(text: string, span: TextSpan): TextSpan {
  const m = /^(?:and|&|or)\s+/i.exec(span.text);
  return m ? trimSpan(text, span.from + m[0].length, span.to) : span;
}

/**
 * The names of an inline list: "Chile, Peru, Colombia, and Rest of South America" → four names.
 * Commas and "and"/"&" separate names, except inside one name the gazetteer knows ("Middle East &
 * Africa", "Trinidad and Tobago"). A comma join is taken only for an inverted name whose tail
 * names nothing and has a lower-case word ("Iran, Islamic Republic of"), so "Taiwan, China" in a list
 * stays two countries and "New, Zealand" stays the two broken entries it is.
 */
export function splitInlineNames(text: string, span: TextSpan): TextSpan[] {
  const byComma = cutOutside(text, span.from, span.to, commaAt(text)).map((s) => stripLeadingConnector(text, s));
  const commaJoined = rejoin(text, byComma, (parts) => parts.some((p) => /\b[a-z]/.test(p.text) && placeOf(nameSpan(text, p.from, p.to).text) === null));
  const out: TextSpan[] = [];
  for (const piece of commaJoined) {
    const whole = nameSpan(text, piece.from, piece.to);
    if (placeOf(whole.text)) {
      out.push(whole);
      continue;
    }
    const atoms = cutOutside(text, piece.from, piece.to, andAt(text));
    for (const a of rejoin(text, atoms, () => true)) out.push(nameSpan(text, a.from, a.to));
  }
  return out.filter((s) => s.text.length > 0);
}
