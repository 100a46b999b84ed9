import type { DocumentModel } from '../schema/document.js';
import { memoByText } from '../cache/block-cache.js';
import { lookupPlace } from '../lexicon/gazetteer.js';
import type { BlockRange, Breakdown, SegmentItem } from './breakdowns.js';

/**
 * Labels of company lists: "Key Players", "Companies Profiled", "Major companies operating in the
 * market include". Bounded words, no nested repetition.
 */
const PLAYERS_LABEL = /\b(?:players?|compan(?:y|ies)|vendors?|manufacturers|competitors?|participants|suppliers|providers|profiled|profiles|brands)\b/i;

/** A list of companies rather than of segments: its label names players and no breakdown dimension. */
export function isPlayerLabel(label: string | null, dimension: string | null): boolean {
  return dimension === null && label !== null && label.length <= 200 && PLAYERS_LABEL.test(label);
}

export function isPlayerList(b: Breakdown): boolean {
  return b.origin === 'list' && isPlayerLabel(b.label, b.dimension);
}

/** One list of companies: a labelled list, a "Key players include A, B and C" sentence or a table cell beside "Key Players". */
export interface PlayerList {
  label: BlockRange | null;
  items: SegmentItem[];
}

/**
 * "Key players in the market include", "companies such as", "Companies profiled:": a player word,
 * up to 80 characters of the same clause, then the word that opens the list.
 */
const PLAYERS_CUE =
  /\b(?:players?|compan(?:y|ies)|vendors|manufacturers|competitors|participants|suppliers|providers|profiled)\b[^.:;]{0,80}?(?:\b(?:include[sd]?|including|such as|namely|are:?)|:)\s+/gi;
/** Only this much of a block is read for inline lists. */
const MAX_BLOCK = 5_000;
const MAX_LIST = 1_500;
const MAX_NAME_WORDS = 10;

/** Legal forms written after a company's name ("Inc.", "Co., Ltd.", "N.V.", "plc", "AG"), lower case, without dots. */
const LEGAL = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'llc',
  'llp',
  'lp',
  'plc',
  'ag',
  'se',
  'sa',
  'nv',
  'bv',
  'gmbh',
  'kgaa',
  'kg',
  'ab',
  'asa',
  'as',
  'oyj',
  'spa',
  'srl',
  'sl',
  'ltda',
  'sarl',
  'oy',
  'aps',
  'sas',
  'kk',
  'pvt',
  'private',
  'pte',
  'pty',
  'bhd',
  'sdn',
  'tbk',
  'pbc',
  'holding',
  'holdings',
  'group',
]);

/**
 * The end of a list in running text: a full stop before the next sentence. A full stop after a legal
 * form ("Inc.", "S.A.") ends the list only when a capitalised word that is not another legal form
 * follows ("Co., Ltd. and …" goes on; "Corporation. The market …" ends).
 */
function listEnd(text: string, from: number): number {
  const end = Math.min(text.length, from + MAX_LIST);
  for (let i = from; i < end; i++) {
    if (text[i] !== '.' || !/\s/.test(text[i + 1] ?? ' ')) continue;
    const word = /([A-Za-z]+)$/.exec(text.slice(Math.max(from, i - 12), i))?.[1]?.toLowerCase() ?? '';
    if (!LEGAL.has(word) && !/^[a-z]$/.test(word)) return i;
    const next = /^\s+([A-Z][A-Za-z.]*)/.exec(text.slice(i + 1, i + 20));
    if (next && !LEGAL.has(next[1].replace(/\./g, '').toLowerCase())) return i;
  }
  return end;
}

/** Legal forms at the start of a piece cut at a comma ("Ltd. and Crown Equipment"): they close the name before. */
const LEADING_LEGAL = /^(?:(?:inc|incorporated|ltd|limited|llc|co|corp|plc|s\.?a|n\.?v|ag|se|gmbh)(?![A-Za-z])\.?\s*)+/i;
/** Legal forms written out in full: a full stop after one ends the sentence, not an abbreviation. */
const SPELLED_OUT = new Set(['incorporated', 'corporation', 'company', 'limited', 'private', 'holding', 'holdings', 'group']);
/** Remainder words that end a list but name no company. */
const NOT_A_NAME = /^(?:among others|and others|others|and more|etc\.?)$/i;

/** Cut [from, to) into names at commas (or at semicolons when there are any), keeping "Co., Ltd." with its name. */
function names(text: string, from: number, to: number): Array<{ from: number; to: number }> {
  const sep = text.slice(from, to).includes(';') ? ';' : ',';
  const cuts: Array<{ from: number; to: number }> = [];
  let start = from;
  let depth = 0;
  for (let i = from; i <= to; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    if (i === to || (c === sep && depth === 0)) {
      cuts.push({ from: start, to: i });
      start = i + 1;
    }
  }
  const out: Array<{ from: number; to: number }> = [];
  for (const cut of cuts) {
    let r = trim(text, cut.from, cut.to);
    const legal = out.length > 0 ? LEADING_LEGAL.exec(text.slice(r.from, r.to)) : null;
    if (legal) {
      // "Inc." or "Ltd." after a comma belongs to the name before it.
      out[out.length - 1].to = trim(text, r.from, r.from + legal[0].length).to;
      r = trim(text, r.from + legal[0].length, r.to);
    }
    if (r.to <= r.from || NOT_A_NAME.test(text.slice(r.from, r.to))) continue;
    out.push(r);
  }
  return splitLastAnd(text, out);
}

/** "…, Clariant AG and Croda International Plc": the last piece holds two names, unless "and" joins a legal form ("Eli Lilly and Company"). */
function splitLastAnd(text: string, out: Array<{ from: number; to: number }>): Array<{ from: number; to: number }> {
  const last = out[out.length - 1];
  if (!last || out.length < 2) return out;
  const piece = text.slice(last.from, last.to);
  const at = piece.lastIndexOf(' and ');
  if (at <= 0) return out;
  const right = piece.slice(at + 5);
  if (LEGAL.has(right.replace(/[.\s]/g, '').toLowerCase())) return out;
  return [...out.slice(0, -1), trim(text, last.from, last.from + at), trim(text, last.from + at + 5, last.to)];
}

function trim(text: string, from: number, to: number): { from: number; to: number } {
  while (from < to && /[\s,;]/.test(text[from])) from++;
  // A sentence's full stop after the last name ("… Corporation.") is not part of it; "Inc." keeps its own.
  if (to > from && text[to - 1] === '.') {
    const word = (/([A-Za-z]+)\.$/.exec(text.slice(Math.max(from, to - 14), to))?.[1] ?? '').toLowerCase();
    if (word.length > 1 && (!LEGAL.has(word) || SPELLED_OUT.has(word))) to--;
  }
  while (to > from && /[\s,;]/.test(text[to - 1])) to--;
  const lead = /^(?:and|&)\s+/i.exec(text.slice(from, Math.min(to, from + 5)));
  if (lead) from += lead[0].length;
  const tail = /,?\s+(?:among others|and others|and more|etc)\.?$/i.exec(text.slice(Math.max(from, to - 20), to));
  if (tail) to -= tail[0].length;
  return { from, to };
}

/** Whether a text reads as a company name: capitalised, short. */
function looksLikeName(text: string): boolean {
  return /^[A-Z0-9]/.test(text) && text.split(/\s+/).length <= MAX_NAME_WORDS;
}

const inlineLists = memoByText((text: string): Array<{ cue: { from: number; to: number }; names: Array<{ from: number; to: number }> }> => {
  const head = text.length > MAX_BLOCK ? text.slice(0, MAX_BLOCK) : text;
  const out: Array<{ cue: { from: number; to: number }; names: Array<{ from: number; to: number }> }> = [];
  for (const m of head.matchAll(PLAYERS_CUE)) {
    const from = m.index + m[0].length;
    const found = names(head, from, listEnd(head, from));
    // Most of them must look like names: "players are expanding through mergers and acquisitions" is prose.
    if (found.length < 2 || found.filter((n) => looksLikeName(head.slice(n.from, n.to))).length * 2 <= found.length) continue;
    out.push({ cue: { from: m.index, to: from }, names: found });
  }
  return out;
});

/** Every list of companies in the document: its `breakdowns` (see breakdownsOf) that list players, inline lists and table rows. */
export function playerLists(doc: DocumentModel, breakdowns: readonly Breakdown[]): PlayerList[] {
  const lists: PlayerList[] = breakdowns.filter(isPlayerList).map((b) => ({ label: b.labelRange, items: b.items }));
  for (const b of doc.blocks) {
    if (b.kind === 'heading') continue;
    for (const found of inlineLists(b.text)) {
      lists.push({
        label: { block: b.index, ...found.cue },
        items: found.names.map((n) => ({ block: b.index, from: n.from, to: n.to, text: b.text.slice(n.from, n.to) })),
      });
    }
    // A table row "Key Players | A; B; C": the cell beside a player label.
    const before = doc.blocks[b.index - 1];
    if (b.kind === 'tableCell' && before?.kind === 'tableCell' && before.text.length <= 80 && isPlayerLabel(before.text, null)) {
      const found = names(b.text, 0, Math.min(b.text.length, MAX_LIST));
      if (found.length >= 2) {
        lists.push({
          label: { block: before.index, from: 0, to: before.text.length },
          items: found.map((n) => ({ block: b.index, from: n.from, to: n.to, text: b.text.slice(n.from, n.to) })),
        });
      }
    }
  }
  return lists;
}

/** How a company is known, for telling one company under two names. */
export interface CompanyKey {
  /** The name without legal forms, "The"/"Royal", punctuation or case: "ROYAL DSM NV" → "dsm". */
  key: string;
  /** A name given in an aside: "Industria de Diseño Textil, S.A. (Inditex)" → "inditex"; not a place ("(US)"). */
  alias: string | null;
  /** The name written as an acronym ("IBM"), lower case, or null. */
  acronym: string | null;
  /** Initials of a name of two words or more ("International Business Machines" → "ibm"). */
  initials: string | null;
}

const NOT_IN_INITIALS = new Set(['and', 'of', 'the', 'for', 'de', 'du', 'des', 'la', 'le']);
/** Words a group adds after its name without naming another company ("Marriott International", "Hilton Worldwide"). */
const GROUP_WORDS = new Set(['international', 'worldwide', 'global']);

function bareWords(name: string): string[] {
  const ws = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
  // Legal forms at the end ("Co Ltd", "N V"), then "The" / "Royal" / "Koninklijke" in front.
  // "GmbH & Co. KGaA": an "and" between two legal forms goes with them.
  const legalEnd = () =>
    LEGAL.has(ws[ws.length - 1]) || GROUP_WORDS.has(ws[ws.length - 1]) || (ws[ws.length - 1] === 'and' && ws.length > 2 && LEGAL.has(ws[ws.length - 2]));
  while (ws.length > 1 && (legalEnd() || (ws.length > 2 && LEGAL.has(ws.slice(-2).join(''))))) {
    if (legalEnd()) ws.pop();
    else ws.splice(-2, 2);
  }
  while (ws.length > 1 && (ws[0] === 'the' || ws[0] === 'royal' || ws[0] === 'koninklijke')) ws.shift();
  return ws;
}

export const companyKey = memoByText((name: string): CompanyKey => {
  const aside = /\(([^()]{1,60})\)/.exec(name);
  const main = name.replace(/\([^()]{0,60}\)/g, ' ');
  const ws = bareWords(main);
  const acronymText = main.replace(/\b(?:inc|corp|co|ltd|plc|ag|se|sa|nv|llc|gmbh)\b\.?/gi, '').trim();
  const significant = ws.filter((w) => !NOT_IN_INITIALS.has(w));
  return {
    key: ws.join(' '),
    // A place in brackets is where the company is based ("Zoetis (US)"), not another name for it.
    alias: aside && !lookupPlace(aside[1].trim()) ? bareWords(aside[1]).join(' ') || null : null,
    acronym: /^[A-Z][A-Z0-9&]{1,5}$/.test(acronymText) ? acronymText.replace(/&/g, '').toLowerCase() : null,
    initials: significant.length >= 2 ? significant.map((w) => w[0]).join('') : null,
  };
});

/** Why two names are one company: the same name once legal forms and case are set aside, an alias, or an acronym; null when they are not. */
export function sameCompany(a: CompanyKey, b: CompanyKey): 'name' | 'alias' | 'acronym' | null {
  if (a.key.length === 0 || b.key.length === 0) return null;
  if (a.key === b.key) return 'name';
  if ((a.alias !== null && a.alias === b.key) || (b.alias !== null && b.alias === a.key)) return 'alias';
  if ((a.acronym !== null && a.acronym === b.initials) || (b.acronym !== null && b.acronym === a.initials)) return 'acronym';
  return null;
}
