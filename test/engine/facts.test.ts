import { auditContext } from '../../src/engine/context.js';
import { FACTS } from '../../src/engine/facts.js';
import { findDatedEvents } from '../../src/credibility/dated-events.js';
import { digitFlags } from '../../src/credibility/digits.js';
import { regionGroups } from '../../src/geography/groups.js';
import { scanDocument } from '../../src/lexicon/document-scan.js';
import { breakdowns } from '../../src/numbers/breakdowns.js';
import { breakdownsOf } from '../../src/segments/breakdowns.js';
import { contextOf, seedContext } from '../helpers/harness.js';

describe('the facts a context gives', () => {
  it('has an accessor for every declared fact, each computed once per document', () => {
    const ctx = seedContext('000');
    const names = FACTS.definitions.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      const read = (ctx as unknown as Record<string, () => unknown>)[name];
      expect(typeof read).toBe('function');
      expect(read()).toBe(read());
    }
  });

  it('gives what the family functions compute from the document', () => {
    const ctx = seedContext('001');
    expect(ctx.scan()).toEqual(scanDocument(ctx.doc));
    expect(ctx.geography()).toEqual(regionGroups(ctx.doc));
    expect(ctx.segmentBreakdowns()).toEqual(breakdownsOf(ctx.doc));
    expect(ctx.shareBreakdowns()).toEqual(breakdowns(ctx.claims.shares));
    expect(ctx.datedEvents()).toEqual(findDatedEvents(ctx.sentences(), digitFlags(ctx.sentences())));
    expect(ctx.geography().groups.length).toBeGreaterThan(0);
  });

  it('computes nothing until a fact is read, and a fact only from what it needs', () => {
    const ctx = contextOf('Widget Market Report\n\nIn March 2024, Acme launched a widget. Sales reached $5 million.\n');
    let splits = 0;
    const view = auditContext({
      ...ctx,
      sentences: () => {
        splits++;
        return ctx.sentences();
      },
    });
    expect(splits).toBe(0);
    view.geography();
    expect(splits).toBe(0);
    const events = view.datedEvents();
    expect(events.map((e) => e.date.year)).toEqual([2024]);
    const afterEvents = splits;
    expect(view.datedEvents()).toBe(events);
    view.sentenceDigits();
    expect(splits).toBe(afterEvents);
  });

  it('reads the fields of the view it was built from: a copy with other claims has other facts', () => {
    const ctx = contextOf('Widget Market Report\n\nEurope held 40% of the widget market in 2024 and North America 35%.\n');
    expect(ctx.shareBreakdowns().length).toBeGreaterThan(0);
    const copy = auditContext({ ...ctx, claims: { ...ctx.claims, shares: [] } });
    expect(copy.shareBreakdowns()).toEqual([]);
    expect(ctx.shareBreakdowns().length).toBeGreaterThan(0);
  });
});
