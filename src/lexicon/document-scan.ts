import type { DocumentModel } from '../schema/document.js';
import { DOMAIN_TERMS, type DomainTerm } from './domains.js';
import { MAX_SCAN as MAX_PHRASE_SCAN } from '../matching/phrase-index.js';
import { memoByText } from '../cache/block-cache.js';
import { countWords, withoutUrls } from '../matching/doc-text.js';
import { LITERALS, type LiteralTag } from './literal-dictionary.js';
import { MAX_SCAN } from '../matching/literal-matcher.js';
import { scanWords, TokenCount, WordScan, type WordHit } from '../matching/word-scan.js';

/** A dictionary hit located in a block: [from, to) are offsets in the block text. */
export interface LocatedHit<T> {
  block: number;
  from: number;
  to: number;
  data: T;
}

/** What the document's dictionaries found in it. */
export interface DocumentScan {
  /** Calls to action and company names, in document order (URLs are not read). */
  literals: Array<LocatedHit<LiteralTag>>;
  /** Domain vocabulary of each block, indexed like `doc.blocks` (URLs are read: a host can name a field). */
  domainTerms: ReadonlyArray<ReadonlyArray<WordHit<DomainTerm>>>;
  /** Words of the document, as `countWords(doc.blocks)` counts them. */
  words: number;
}

const NO_TERMS: ReadonlyArray<WordHit<DomainTerm>> = Object.freeze([]);

/**
 * Every dictionary the rules use, run over the document in one walk of its words: walking the text
 * costs more than all the dictionary lookups together, so the credibility phrases and the domain
 * vocabulary share it, and the words are counted on the way. (The rules' context computes it once
 * per document: `ctx.scan()`.)
 */
export function scanDocument(doc: DocumentModel): DocumentScan {
  const literalHits: Array<LocatedHit<LiteralTag>> = [];
  const domainTerms: Array<ReadonlyArray<WordHit<DomainTerm>>> = [];
  let words = 0;
  // The literal phrases are read as far as MAX_SCAN characters of the document, counting one
  // separator between blocks; the domain vocabulary as far as MAX_PHRASE_SCAN of each block, and
  // the words as far as MAX_SCAN of each block.
  let offset = 0;
  for (const b of doc.blocks) {
    const text = b.text;
    const literalLimit = MAX_SCAN - offset;
    // A block read whole is scanned once per batch (see memoByText); one cut short by the limit is not kept.
    const found = literalLimit >= text.length ? scanWholeBlock(text) : scanBlock(text, literalLimit);
    words += found.words;
    for (const hit of found.literals) literalHits.push({ block: b.index, from: hit.from, to: hit.to, data: hit.data });
    domainTerms.push(found.terms);
    offset += text.length + 1;
  }
  return { literals: literalHits, domainTerms, words };
}

/** What the dictionaries find in one block. Shared between documents by the block cache: read only. */
interface BlockScan {
  literals: ReadonlyArray<WordHit<LiteralTag>>;
  terms: ReadonlyArray<WordHit<DomainTerm>>;
  words: number;
}

const scanWholeBlock = memoByText((text) => scanBlock(text, text.length));

/** The literal phrases of text[0, literalLimit) (literalLimit ≤ 0: none), its domain vocabulary and its words. */
function scanBlock(text: string, literalLimit: number): BlockScan {
  const literalText = literalLimit > 0 ? withoutUrls(text) : null;
  const literals = new WordScan(LITERALS);
  const terms = new WordScan(DOMAIN_TERMS);
  // Words are counted on the walk of the raw text when that walk reads the whole block.
  const tokens = text.length <= Math.min(MAX_SCAN, MAX_PHRASE_SCAN) ? new TokenCount() : null;
  if (literalText === text && literalLimit >= text.length && tokens !== null) scanWords(text, text.length, literals, terms, tokens);
  else {
    // The two read different text here (URLs blanked for one) or stop at different places.
    if (literalText !== null) scanWords(literalText, literalLimit, literals, null);
    scanWords(text, MAX_PHRASE_SCAN, null, terms, tokens);
  }
  return {
    literals: literals.hits,
    // Most blocks name no domain term; they share one empty list rather than keep one each.
    terms: terms.hits.length > 0 ? terms.hits : NO_TERMS,
    // The walk counts words only in plain ASCII text; other text is counted on its own.
    words: tokens !== null && tokens.ascii ? tokens.count : countWords([{ text }]),
  };
}
