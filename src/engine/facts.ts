import type { SourceView } from '../claims/source-view.js';
import { copyKey } from '../corpus/copies.js';
import { sourcePublisher } from '../corpus/publisher.js';
import { findDatedEvents } from '../credibility/dated-events.js';
import { digitFlags } from '../credibility/digits.js';
import { findEntityMentions } from '../credibility/entity-mentions.js';
import { literalHits } from '../credibility/literal-scan.js';
import { numericClaims } from '../credibility/numeric-claims.js';
import { findPromotion } from '../credibility/promo.js';
import { referenceDate } from '../credibility/reference-date.js';
import { findAsOfStatements } from '../credibility/stale-as-of.js';
import { regionGroups } from '../geography/groups.js';
import { scanDocument } from '../lexicon/document-scan.js';
import { KNOWN_ENTITIES } from '../lexicon/entity-history.js';
import { extractEntities } from '../nlp/entities.js';
import { breakdowns as shareBreakdowns } from '../numbers/breakdowns.js';
import { resolved } from '../numbers/groups.js';
import { distinctSizes, sizesBySubjectYear } from '../numbers/sizes.js';
import { breakdownsOf } from '../segments/breakdowns.js';
import { driverLists } from '../segments/drivers.js';
import { playerLists } from '../segments/players.js';

// The derived facts rules read, each computed once per document on first use. A fact is a pure
// function of the source view and of the facts declared before it, kept in its family's folder; this
// list names it, and the context (see auditContext) gives it to every rule as `ctx.<name>()`.
// Adding a fact is one entry here. Work shared between documents (the block cache) stays inside the
// functions that compute a fact: nothing here or in a rule needs to know of it.

/** Facts declared so far, as the accessors a context gives for them. */
type Accessors<D> = { readonly [K in keyof D]: D[K] extends (...args: never[]) => infer T ? () => T : never };

interface Definition {
  name: string;
  compute: (ctx: never) => unknown;
}

/** An ordered list of fact definitions: each entry may read the source and the facts before it. */
class FactList<F> {
  constructor(readonly definitions: readonly Definition[]) {}

  /** These facts, computed from the source view and the facts declared so far. */
  add<D extends Record<string, (ctx: SourceView & F) => unknown>>(facts: D): FactList<F & Accessors<D>> {
    const added = Object.entries(facts).map(([name, compute]) => ({ name, compute }));
    return new FactList<F & Accessors<D>>([...this.definitions, ...added]);
  }
}

export const FACTS = new FactList<object>([])
  .add({
    /** Named entities (places, organisations, money, percentages, dates). */
    entities: (ctx) => extractEntities(ctx.sentences(), ctx.spans),
    /** Every dictionary the rules use (calls to action, company names, domain vocabulary), run in one walk of the words; and the word count. */
    scan: (ctx) => scanDocument(ctx.doc),
    /** For each sentence (by position in `sentences()`), 1 when it holds a digit. */
    sentenceDigits: (ctx) => digitFlags(ctx.sentences()),
    /** Segment breakdowns: the document's lists, then its "By …" enumerations in prose. */
    segmentBreakdowns: (ctx) => breakdownsOf(ctx.doc),
    /** Country lists grouped by the region they are listed under, and the breakdowns they form. */
    geography: (ctx) => regionGroups(ctx.doc),
    /** Bulleted lists of growth drivers. */
    drivers: (ctx) => driverLists(ctx.doc),
    /** Share claims grouped into breakdowns: same dimension, same year. */
    shareBreakdowns: (ctx) => shareBreakdowns(ctx.claims.shares),
    /** Dated sizes of resolved subjects, one group per distinct statement (a repeated figure is one statement). */
    sizeStatements: (ctx) => distinctSizes(resolved(ctx.claims.sizes)),
    /** What the cross-source rules compare to tell copies of one report apart. */
    copyKey: (ctx) => copyKey(ctx),
    /** Who published the source: its site, and the name its boilerplate gives. */
    publisher: (ctx) => sourcePublisher(ctx),
  })
  .add({
    /** Calls to action and company names found by the dictionary pass. */
    literals: (ctx) => literalHits(ctx.scan()),
    /** Past events with a date ("In March 2024, X launched …"), in document order. */
    datedEvents: (ctx) => findDatedEvents(ctx.sentences(), ctx.sentenceDigits()),
    /** "As of 2019, the segment is worth …": dated figures stated in the present tense. */
    asOfStatements: (ctx) => findAsOfStatements(ctx.sentences(), ctx.sentenceDigits()),
    /** Every figure the report asserts: its growth, size and share claims, and company sales figures. */
    numericClaims: (ctx) => numericClaims(ctx),
    /** Every list of companies: player breakdowns, inline "key players include …" lists, table rows. */
    players: (ctx) => playerLists(ctx.doc, ctx.segmentBreakdowns()),
    /** Size statements by subject key, then year; "about X" repeats of an exact X dropped. */
    sizesByYear: (ctx) => sizesBySubjectYear(ctx.sizeStatements()),
  })
  .add({
    /** The date against which "current" is judged, and where it comes from. */
    referenceDate: (ctx) => referenceDate(ctx, ctx.datedEvents()),
    /** Calls to action and tracked links, in document order. */
    promotion: (ctx) => findPromotion(ctx, ctx.literals().promo),
    /** Mentions of companies known to have been acquired, renamed or closed, each with how its sentence reads it. */
    entityMentions: (ctx) => findEntityMentions(ctx, ctx.literals().entities, KNOWN_ENTITIES),
  });

/** The accessors of every fact in FACTS. */
export type Facts = typeof FACTS extends FactList<infer F> ? F : never;

/**
 * The rules' context for a source: the view with an accessor per fact, each computing its fact on
 * its first call and answering from it afterwards. A copy of a context with some field replaced
 * (a test's claims, say) must be passed through here again, so that its facts read the new field.
 */
export function withFacts(view: SourceView): SourceView & Facts {
  const ctx: Record<string, unknown> = { ...view };
  for (const { name, compute } of FACTS.definitions) {
    let known = false;
    let value: unknown;
    ctx[name] = () => {
      if (!known) {
        value = (compute as (c: unknown) => unknown)(ctx);
        known = true;
      }
      return value;
    };
  }
  return ctx as unknown as SourceView & Facts;
}
