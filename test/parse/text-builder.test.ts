// The text builder collapses whitespace as a reader sees it and maps every character back to its source.
import { TextBuilder, toSource } from '../../src/parse/text-builder.js';

describe('TextBuilder', () => {
  it('collapses runs of whitespace to one space and drops leading whitespace', () => {
    const b = new TextBuilder();
    b.append('  Market \t size\n\nreached  USD 5 billion ', 100, '  Market \t size\n\nreached  USD 5 billion ');
    expect(b.text).toBe('Market size reached USD 5 billion');
    // Words joined by one space keep one anchor; each collapsed run starts a new one.
    expect(b.anchors).toEqual([
      [0, 102],
      [7, 111],
      [12, 117],
      [20, 126],
    ]);
    expect(b.sourceStart).toBe(102);
    expect(b.sourceEnd).toBe(139);
  });

  it('maps every character of the text back to the same character of the source', () => {
    const source = 'xx  The North\u00a0America market,\tworth  $5 bn, grew.\n Europe  followed ';
    const b = new TextBuilder();
    b.append(source, 0, source);
    expect(b.text).toBe('xx The North America market, worth $5 bn, grew. Europe followed');
    for (let i = 0; i < b.text.length; i++) {
      const at = toSource(b.anchors, i);
      if (b.text[i] === ' ') expect(/\s/.test(source[at])).toBe(true);
      else expect(source[at]).toBe(b.text[i]);
    }
  });

  it('joins appended pieces with one space and counts only visible characters', () => {
    const b = new TextBuilder();
    b.append('Bold words ', 0, 'Bold words ', true);
    b.append('all of it', 20, 'all of it', true);
    expect(b.text).toBe('Bold words all of it');
    expect(b.isStrongOnly()).toBe(true);
    b.append(' and plain', 40, ' and plain');
    expect(b.text).toBe('Bold words all of it and plain');
    expect(b.isStrongOnly()).toBe(false);
    expect(b.visibleChars).toBe('Boldwordsallofitandplain'.length);
    expect(b.strongChars).toBe('Boldwordsallofit'.length);
  });

  it('aligns character references with the characters they stand for', () => {
    const b = new TextBuilder();
    b.append('AT&T and R&D\u00a0spend', 10, 'AT&amp;T and R&D&nbsp;spend');
    expect(b.text).toBe('AT&T and R&D spend');
    expect(toSource(b.anchors, 3)).toBe(10 + 'AT&amp;'.length);
    expect(toSource(b.anchors, b.text.indexOf('spend'))).toBe(10 + 'AT&amp;T and R&D&nbsp;'.length);
  });
});
