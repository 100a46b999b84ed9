// Code-unit character classes must read exactly as the regular-expression classes they replace.
import { isAsciiLetter, isSpace, isWordChar } from '../../src/util/chars.js';

function disagreements(test: (code: number) => boolean, re: RegExp): number[] {
  const out: number[] = [];
  for (let code = 0; code <= 0xffff; code++) if (test(code) !== re.test(String.fromCharCode(code))) out.push(code);
  return out;
}

describe('character classes', () => {
  it('isSpace agrees with \\s on every UTF-16 code unit', () => expect(disagreements(isSpace, /\s/)).toEqual([]));
  it('isWordChar agrees with \\w on every UTF-16 code unit', () => expect(disagreements(isWordChar, /\w/)).toEqual([]));
  it('isAsciiLetter agrees with [A-Za-z] on every UTF-16 code unit', () => expect(disagreements(isAsciiLetter, /[A-Za-z]/)).toEqual([]));
});
