import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isAcronym, KNOWN_ENTITIES, loadEntityHistory } from '../../src/lexicon/entity-history.js';
import { foldPattern } from '../../src/matching/fold.js';
import { PROMO_LEXICON, PromoLexiconSchema } from '../../src/lexicon/promo-lexicon.js';
import { contextOf, ROOT } from '../helpers/harness.js';

const raw = JSON.parse(readFileSync(path.join(ROOT, 'rules/data/entities.json'), 'utf8')) as { entities: Array<Record<string, unknown>> };

describe('rules/data/entities.json', () => {
  it('holds a few hundred events, each dated and citing a public source', () => {
    expect(KNOWN_ENTITIES.length).toBeGreaterThanOrEqual(300);
    const now = new Date().getUTCFullYear();
    for (const e of KNOWN_ENTITIES) {
      expect(e.source).toMatch(/https?:\/\/\S+/);
      expect(e.when.year).toBeGreaterThanOrEqual(2000);
      expect(e.when.year).toBeLessThanOrEqual(now);
    }
  });

  it('gives every entry a successor different from its old name, and excluded forms that contain an old name', () => {
    for (const e of KNOWN_ENTITIES) {
      const old = [e.name, ...e.aliases].map(foldPattern);
      if (e.successor !== null) expect(old).not.toContain(foldPattern(e.successor));
      for (const x of e.excludeForms) expect(old.some((n) => ` ${foldPattern(x)} `.includes(` ${n} `))).toBe(true);
    }
  });

  it('covers the industries market reports are written about, not only life sciences', () => {
    const names = new Set(KNOWN_ENTITIES.map((e) => e.name));
    for (const n of [
      'Rohm and Haas',
      'SABMiller',
      'Bemis Company',
      'Xilinx',
      'TelecityGroup',
      'Starwood Hotels & Resorts Worldwide',
      'TRW Automotive',
      'Covidien',
      'Aratana Therapeutics',
    ]) {
      expect(names).toContain(n);
    }
  });

  it.each([
    ['Juno Therapeutics', 'acquired', 2018, 'Celgene'],
    ['Celgene', 'acquired', 2019, 'Bristol Myers Squibb'],
    ['Kite Pharma', 'acquired', 2017, 'Gilead Sciences'],
    ['Unum Therapeutics', 'renamed', 2020, 'Cogent Biosciences'],
    ['Tocagen', 'merged', 2020, 'Forte Biosciences'],
    ['Ziopharm Oncology', 'renamed', 2022, 'Alaunos Therapeutics'],
    ['Linear Technology', 'acquired', 2017, 'Analog Devices'],
    ['DowDuPont', 'renamed', 2019, 'DuPont de Nemours'],
    ['Kraft Foods Group', 'merged', 2015, 'Kraft Heinz'],
    ['Jawbone', 'dissolved', 2017, null],
  ])('records %s (%s %i → %s)', (name, event, year, successor) => {
    const e = KNOWN_ENTITIES.find((x) => x.name === name);
    expect(e).toMatchObject({ event, successor });
    expect(e!.when.year).toBe(year);
  });

  it('names every old form once across the file (a company that left several businesses has one entry per business)', () => {
    const seen = new Map<string, string>();
    const exits = new Set<string>();
    for (const e of KNOWN_ENTITIES) {
      if (e.event === 'divested') {
        const key = `${foldPattern(e.name)} / ${e.business}`;
        expect(exits.has(key)).toBe(false);
        exits.add(key);
        continue;
      }
      for (const n of [e.name, ...e.aliases]) {
        const key = foldPattern(n);
        expect(seen.get(key) ?? e.name).toBe(e.name);
        seen.set(key, e.name);
      }
    }
  });

  it('writes short old forms as acronyms, which match only in capitals', () => {
    for (const e of KNOWN_ENTITIES) {
      for (const n of [e.name, ...e.aliases]) if (n.replace(/[^A-Za-z0-9]/g, '').length <= 3) expect(isAcronym(n)).toBe(true);
    }
  });

  it('follows successor chains (Juno → Celgene → Bristol Myers Squibb)', () => {
    const juno = KNOWN_ENTITIES.find((x) => x.name === 'Juno Therapeutics')!;
    expect(juno.successorNames).toEqual(expect.arrayContaining(['Celgene', 'Bristol Myers Squibb', 'Bristol-Myers Squibb']));
  });

  it('rejects malformed entries', () => {
    const base = raw.entities[0];
    expect(() => loadEntityHistory({ entities: [{ ...base, date: '2018-13' }] })).toThrow();
    expect(() => loadEntityHistory({ entities: [{ ...base, event: 'dissolved' }] })).toThrow(/successor/);
    expect(() => loadEntityHistory({ entities: [{ ...base, source: '' }] })).toThrow();
    expect(() => loadEntityHistory({ entities: [] })).toThrow();
    // A business exit names the business and the markets it applies to; a company event names neither.
    const exit = { ...base, event: 'divested', business: 'animal health', markets: ['animal health'] };
    expect(loadEntityHistory({ entities: [exit] })[0].marketKeys).toEqual([' animal health ']);
    expect(() => loadEntityHistory({ entities: [{ ...exit, markets: [] }] })).toThrow(/business/);
    expect(() => loadEntityHistory({ entities: [{ ...base, business: 'animal health', markets: ['animal health'] }] })).toThrow(/business/);
    expect(() => loadEntityHistory({ entities: [{ ...base, successor: null }] })).toThrow(/successor/);
  });

  it('matches in one dictionary pass, with word boundaries', () => {
    const text = 'Celgene and Bristol-Myers Squibb; not Celgenex, nor Hampshire. Request a sample.';
    const ctx = contextOf(['Title', '', text].join('\n'));
    const block = ctx.doc.blocks.findIndex((b) => b.text === text);
    const scan = ctx.literals();
    expect(scan.entities.map((h) => text.slice(h.from, h.to))).toEqual(['Celgene', 'Bristol-Myers Squibb']);
    expect(scan.entities.every((h) => h.block === block)).toBe(true);
    expect(scan.entities[0].data.entities).toHaveLength(1);
    expect(scan.entities[1].data.successorOf.length).toBeGreaterThan(1);
    // The same pass finds the calls to action.
    expect(scan.promo.map((h) => text.slice(h.from, h.to))).toEqual(['Request a sample']);
    expect(ctx.literals()).toBe(scan);
  });
});

describe('rules/data/promo-phrases.json', () => {
  it('validates and cites a basis for every kind', () => {
    const data = JSON.parse(readFileSync(path.join(ROOT, 'rules/data/promo-phrases.json'), 'utf8'));
    expect(PromoLexiconSchema.safeParse(data).success).toBe(true);
    const kinds = new Set(PROMO_LEXICON.phrases.map((p) => p.kind));
    for (const k of kinds) expect(PROMO_LEXICON.kinds[k]?.source.length).toBeGreaterThan(20);
  });

  it('lists each phrase once', () => {
    const folded = PROMO_LEXICON.phrases.map((p) => foldPattern(p.phrase));
    expect(new Set(folded).size).toBe(folded.length);
  });
});
