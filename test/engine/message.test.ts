// Finding messages: every {name} filled from the finding's data, the rest of the template as written.
import { formatMessage, placeholders } from '../../src/engine/message.js';

describe('formatMessage', () => {
  it('fills every placeholder, repeated, adjacent or at either end, and leaves other braces alone', () => {
    const template = '{a} grows at {rate}% here and {rate}% there{b}{a} — {not a name} {} {a';
    const data = { a: 'X', rate: 14.3, b: '!' };
    expect(formatMessage(template, data, 't/x')).toBe('X grows at 14.3% here and 14.3% there!X — {not a name} {} {a');
    // The second use of a template reads the same.
    expect(formatMessage(template, { ...data, a: 'Y' }, 't/x')).toBe('Y grows at 14.3% here and 14.3% there!Y — {not a name} {} {a');
    expect(formatMessage('no placeholders', {}, 't/x')).toBe('no placeholders');
  });

  it('throws, naming the rule, when the data lacks a value or only inherits it', () => {
    expect(() => formatMessage('Share {share}', {}, 'numbers/share-sum')).toThrow('numbers/share-sum: message data has no "share"');
    expect(() => formatMessage('{toString}', {}, 't/x')).toThrow('no "toString"');
  });

  it('lists the placeholders of a template', () => {
    expect(placeholders('{a} and {b}, {a}')).toEqual(['a', 'b', 'a']);
  });
});
