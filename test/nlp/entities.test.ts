import { nameRange } from '../../src/nlp/entities.js';
import { contextOf } from '../helpers/harness.js';

const name = (sentence: string, match: string) => {
  const at = sentence.indexOf(match);
  const r = nameRange(sentence, at, at + match.length);
  return r && sentence.slice(r[0], r[1]);
};

describe('entity names', () => {
  it('leave out the punctuation around a name, but not an abbreviation’s full stop', () => {
    const s = 'Makers: Novartis, (Roche). “Bayer”. Pfizer Inc.) in the U.S., Germany; and [Sanofi]!';
    expect(name(s, 'Novartis,')).toBe('Novartis');
    expect(name(s, '(Roche).')).toBe('Roche');
    expect(name(s, '“Bayer”.')).toBe('Bayer');
    expect(name(s, 'Pfizer Inc.)')).toBe('Pfizer Inc.');
    expect(name(s, 'U.S.,')).toBe('U.S.');
    expect(name(s, 'Germany;')).toBe('Germany');
    expect(name(s, '[Sanofi]!')).toBe('Sanofi');
    expect(name('a ( ) b', '( )')).toBeNull();
  });

  it('are the document’s own text, with evidence over exactly the name', () => {
    const text =
      'Oncology Market Report\n\nLeading companies include Novartis, Pfizer and “Bayer”, with sales across Germany; France and the U.S., growing 7% to USD 4 billion by 2030.\n';
    const ctx = contextOf(text);
    const entities = ctx.entities();
    expect(entities.length).toBeGreaterThan(3);
    for (const e of entities) {
      expect(e.text).not.toMatch(/^[\s"'“‘([]|[\s"'”’)\],;:!?]$/);
      expect(e.evidence.quote).toBe(e.text);
      expect(text.slice(e.evidence.start.offset, e.evidence.end.offset)).toBe(e.text);
    }
    const names = entities.map((e) => e.text);
    expect(names).toContain('Bayer');
    expect(names).toContain('U.S.');
  });
});
