import type { Sentence } from '../schema/document.js';
import type { Spans } from '../parse/spans.js';
import type { Claim } from '../schema/claims.js';
import type { DocumentModel } from '../schema/document.js';
import { memoByText } from '../cache/block-cache.js';
import { classifyPercent, type PercentKind } from './growth.js';
import { type PercentMatch, percentsIn } from './numbers.js';
import { type Mention, mentionsIn, type SegmentIndex } from './segments.js';
import { SubjectReader } from './subject.js';
import { vocabularyOf } from './vocabulary.js';
import { labelledReadings, tableClaims } from './tables.js';
import type { ClaimKind, SentenceReading } from './kinds/define.js';
import { CLAIM_KINDS, type Claims, emptyClaims } from './kinds/index.js';

export type { Claims } from './kinds/index.js';

// Kinds as the extractor handles them, whatever their claims' shape.
const KINDS: readonly ClaimKind[] = CLAIM_KINDS;
const READERS = [...KINDS].sort((a, b) => (a.readOrder ?? 0) - (b.readOrder ?? 0));
// One bit per distinct cue: kinds sharing a cue share its test.
const CUES = [...new Set(READERS.flatMap((k) => (k.cue ? [k.cue] : [])))];
const CUE_BIT = new Map(CUES.map((cue, i) => [cue, 1 << i]));
/** The cues of a block's or a sentence's text, remembered across a batch. */
const cuesOf = memoByText((text): number => CUES.reduce((bits, cue, i) => (cue.test(text) ? bits | (1 << i) : bits), 0));

type Found = Record<string, Claim[]>;

/** Extract the claims of every kind (src/claims/kinds) from a parsed document. */
export function extractClaims(doc: DocumentModel, spans: Spans, sentences: Sentence[], forecast: { from: number; to: number } | null): Claims {
  const claims = emptyClaims();
  const found = claims as unknown as Found;
  let n = 0;
  const nextId = () => `c${++n}`;
  const vocabulary = vocabularyOf(doc);
  const segments: SegmentIndex = vocabulary.segments;
  const subjects = new SubjectReader(doc, vocabulary);
  const readers = READERS.flatMap((k) => (k.read && k.cue ? [{ name: k.name, bit: CUE_BIT.get(k.cue)!, reader: k.read(doc) }] : []));
  let nextBlock = 0;
  // The cues are tested on a block first, and on its sentences only when the block has one.
  let cueBlock = -1;
  let cuesInBlock = 0;
  // Key-value rows and "Name: figure" items are read with their labels; data tables cell by cell.
  const labelled = labelledReadings(doc);
  const reading = [...sentences.filter((s) => !labelled.replaced.has(s.block)), ...labelled.sentences].sort((a, b) => a.block - b.block || a.from - b.from);
  for (const s of reading) {
    // Headings set the topic of their section, in document order.
    for (; nextBlock <= s.block; nextBlock++) subjects.enterBlock(doc.blocks[nextBlock]);
    if (s.block !== cueBlock) {
      cuesInBlock = cuesOf(doc.blocks[s.block].text);
      cueBlock = s.block;
    }
    // A labelled reading's cues may lie in its label, outside the block.
    const withLabel = s.from < 0;
    if (cuesInBlock === 0 && !withLabel) continue;
    const cues = withLabel ? cuesOf(s.text) : cuesInBlock & cuesOf(s.text);
    if (cues === 0) continue;
    subjects.note(s);
    const r = sentenceReading(s, doc, spans, subjects, forecast, segments, nextId);
    for (const { name, bit, reader } of readers) if (cues & bit) reader.sentence(r, found[name]);
  }
  for (const { name, reader } of readers) reader.end?.(found[name]);
  for (const t of labelled.dataTables) {
    const read = tableClaims(doc, t, { nextId, spans, nameSubject: (name) => subjects.nameSubject(name) });
    claims.growth.push(...read.growth);
    claims.sizes.push(...read.sizes);
    claims.shares.push(...read.shares);
  }
  for (const k of KINDS) if (k.fromDocument) found[k.name].push(...k.fromDocument({ doc, spans, sentences, nextId }, found));
  for (const k of KINDS) k.finish?.(found[k.name], doc);
  return claims;
}

/** A sentence as the kinds read it: the percentages' meanings and the segments named are read once, on first use. */
function sentenceReading(
  s: Sentence,
  doc: DocumentModel,
  spans: Spans,
  subjects: SubjectReader,
  forecast: { from: number; to: number } | null,
  segments: SegmentIndex,
  nextId: () => string,
): SentenceReading {
  let percents: Array<{ match: PercentMatch; kind: PercentKind }> | null = null;
  let mentions: Mention[] | null = null;
  return {
    sentence: s,
    doc,
    spans,
    subjects,
    forecast,
    nextId,
    percents: () => (percents ??= percentsIn(s.text).map((match) => ({ match, kind: classifyPercent(s.text, match) }))),
    mentions: () => (mentions ??= mentionsIn(s.text, segments)),
  };
}
