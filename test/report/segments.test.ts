import { segmentText } from '../../src/report/html/segments.js';

const view = (text: string, segs: ReturnType<typeof segmentText>) => segs.map((s) => [text.slice(s.from, s.to), s.refs]);

describe('segmentText', () => {
  it('leaves text without spans as one unmarked segment', () => {
    expect(segmentText(5, [])).toEqual([{ from: 0, to: 5, refs: [] }]);
  });

  it('splits overlapping spans into consecutive segments covered by the same set', () => {
    const text = 'CAGR of 9.5% over';
    // ref 0: "CAGR of 9.5%", ref 1: "9.5% over" — both sides of a contradiction sharing "9.5%".
    const segs = segmentText(text.length, [
      { from: 0, to: 12, ref: 0 },
      { from: 8, to: 17, ref: 1 },
    ]);
    expect(view(text, segs)).toEqual([
      ['CAGR of ', [0]],
      ['9.5%', [0, 1]],
      [' over', [1]],
    ]);
  });

  it('handles nesting and identical spans', () => {
    const text = 'abcdefgh';
    const segs = segmentText(8, [
      { from: 1, to: 7, ref: 2 },
      { from: 3, to: 5, ref: 0 },
      { from: 3, to: 5, ref: 1 },
    ]);
    expect(view(text, segs)).toEqual([
      ['a', []],
      ['bc', [2]],
      ['de', [0, 1, 2]],
      ['fg', [2]],
      ['h', []],
    ]);
  });

  it('covers the text exactly once whatever the spans', () => {
    const segs = segmentText(20, [
      { from: 4, to: 9, ref: 0 },
      { from: 0, to: 20, ref: 1 },
      { from: 9, to: 12, ref: 2 },
      { from: 15, to: 15, ref: 3 },
    ]);
    expect(segs[0].from).toBe(0);
    expect(segs[segs.length - 1].to).toBe(20);
    for (let i = 1; i < segs.length; i++) expect(segs[i].from).toBe(segs[i - 1].to);
    expect(segs.every((s) => s.to > s.from)).toBe(true);
  });

  it('clamps spans that run past the text and widens empty ones so they stay visible', () => {
    const text = 'abc';
    expect(view(text, segmentText(3, [{ from: 2, to: 99, ref: 0 }]))).toEqual([
      ['ab', []],
      ['c', [0]],
    ]);
    expect(view(text, segmentText(3, [{ from: 1, to: 1, ref: 0 }]))).toEqual([
      ['a', []],
      ['b', [0]],
      ['c', []],
    ]);
    expect(view(text, segmentText(3, [{ from: 3, to: 3, ref: 0 }]))).toEqual([
      ['ab', []],
      ['c', [0]],
    ]);
    expect(view(text, segmentText(3, [{ from: -5, to: 1, ref: 0 }]))).toEqual([
      ['a', [0]],
      ['bc', []],
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(segmentText(0, [{ from: 0, to: 0, ref: 0 }])).toEqual([]);
  });

  it('stays fast with many overlapping spans', () => {
    const spans = Array.from({ length: 5000 }, (_, i) => ({ from: i % 997, to: (i % 997) + 50, ref: i }));
    const segs = segmentText(1100, spans);
    expect(segs.length).toBeGreaterThan(900);
  });
});
