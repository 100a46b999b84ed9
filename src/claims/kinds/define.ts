import type { z } from 'zod';
import type { Spans } from '../../parse/spans.js';
import type { Claim, ClaimsByKind } from '../../schema/claims.js';
import type { DocumentModel, Sentence } from '../../schema/document.js';
import type { PercentKind } from '../growth.js';
import type { PercentMatch } from '../numbers.js';
import type { Mention } from '../segments.js';
import type { SubjectReader } from '../subject.js';

/**
 * A sentence as a kind's extractor reads it. The readings several kinds need (percentages and what
 * they measure, the segments named) are made once per sentence, on first use.
 */
export interface SentenceReading {
  sentence: Sentence;
  doc: DocumentModel;
  spans: Spans;
  /** Reads the subject of a figure from its clause (and the headings above it). */
  subjects: SubjectReader;
  forecast: { from: number; to: number } | null;
  /** The next claim id ("c12"): ids follow the order claims are read in. */
  nextId(): string;
  /** The sentence's percentages, each with what it measures: growth, a share, or unclear (null). */
  percents(): ReadonlyArray<{ match: PercentMatch; kind: PercentKind }>;
  /** The document's segments and places the sentence names. */
  mentions(): Mention[];
}

/** The whole document, for kinds that read it once every sentence and table is read. */
export interface DocumentReading {
  doc: DocumentModel;
  spans: Spans;
  /** Every sentence of every block, in order (table cells and list items included). */
  sentences: ReadonlyArray<Sentence>;
  nextId(): string;
}

/** Reads one document's sentences into claims of a kind; made afresh for each document. */
export interface SentenceReader<C> {
  /** Adds the claims of a sentence that has the kind's cue to `out`, the kind's claims so far. */
  sentence(r: SentenceReading, out: C[]): void;
  /** Adds what only the whole document's sentences tell (run before tables are read). */
  end?(out: C[]): void;
}

/** A column of the report's table of a kind's claims. */
export interface ClaimColumn<C> {
  header: string;
  /** "quote": the words as written; "num": a figure, aligned right. */
  class?: 'quote' | 'num';
  cell(claim: C): string;
}

/** How the report shows a kind's claims (under "Extracted claims"); the report adds where each claim is. */
export interface ClaimTable<C> {
  /** The heading above the table ("Growth rates"). */
  title: string;
  columns: ClaimColumn<C>[];
  /** Beside each claim, the findings that recomputed it ("Recomputed"). */
  recomputed?: boolean;
  /** "breakdowns": one table per breakdown and year, with its sum and a chart (shares of a whole). */
  layout?: 'breakdowns';
}

type ClaimShape = z.ZodType<Claim>;

/**
 * One kind of claim the extractor reads: its shape, how it is read and how the report shows it.
 * Declared once in src/claims/kinds/<name>.ts and listed in src/claims/kinds/index.ts; `Claims`
 * (ctx.claims.<name>), the result schema, the report's claims tables and its summary follow.
 */
export interface ClaimKind<N extends string = string, S extends ClaimShape = ClaimShape> {
  /** The field of `Claims` holding these claims (ctx.claims.growth) and of a result's claims and counts. */
  name: N;
  /** One claim's shape (zod): results are checked against it. */
  schema: S;
  /** What one claim is called in counts ("3 growth rates"); a kind without one is left out of the report's summary. */
  noun?: { one: string; many?: string };
  /**
   * A cheap test for text worth reading: a sentence is shown to the kind's `read` only when it (and
   * its block) pass. Kinds with the same cue (the same RegExp) share its test.
   */
  cue?: RegExp;
  /** Reads sentences with the cue into claims. */
  read?(doc: DocumentModel): SentenceReader<z.output<S>>;
  /**
   * Kinds read a sentence in list order, a lower `readOrder` first (default 0). Ids follow the order
   * claims are read in.
   */
  readOrder?: number;
  /** Claims read from the whole document once every kind has read its sentences and tables; `claims` are theirs. */
  fromDocument?(d: DocumentReading, claims: Readonly<ClaimsByKind>): z.output<S>[];
  /** Last touches once everything is read (order, links between claims). */
  finish?(out: z.output<S>[], doc: DocumentModel): void;
  /** The kind's table in the report; null: not shown. */
  table: ClaimTable<z.output<S>> | null;
}

/** Declares a claim kind; types its reader, columns and hooks from its schema. */
export function defineClaimKind<N extends string, S extends ClaimShape>(def: ClaimKind<N, S>): ClaimKind<N, S> {
  return def;
}

/** Orders claims by where their figure starts in the source. */
export function inDocumentOrder(claims: Claim[]): void {
  claims.sort((a, b) => a.evidence.start.offset - b.evidence.start.offset);
}
