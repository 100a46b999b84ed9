/** A highlighted range of a block's text; `ref` says which evidence it is (an index the caller owns). */
export interface MarkSpan {
  from: number;
  to: number;
  ref: number;
}

/** A piece of block text and the evidence spans covering all of it (none for plain text). */
export interface Segment {
  from: number;
  to: number;
  refs: number[];
}

/**
 * Split text of `length` into consecutive segments such that each is covered by the same set of
 * spans: overlapping evidence (two findings quoting the same words) becomes separate, non-nested
 * marks. Spans are clamped to the text; an empty span widens to the character after it so a
 * point-like piece of evidence stays visible.
 */
export function segmentText(length: number, spans: readonly MarkSpan[]): Segment[] {
  if (length <= 0) return [];
  // Most blocks carry no evidence: one plain segment, without the sweep's maps and sort.
  if (spans.length === 0) return [{ from: 0, to: length, refs: [] }];
  const starts = new Map<number, number[]>();
  const ends = new Map<number, number[]>();
  const cuts = new Set<number>([0, length]);
  for (const s of spans) {
    let from = Math.max(0, Math.min(Math.trunc(s.from), length));
    let to = Math.max(from, Math.min(Math.trunc(s.to), length));
    if (to === from) {
      if (from < length) to = from + 1;
      else from = length - 1;
    }
    cuts.add(from).add(to);
    (starts.get(from) ?? starts.set(from, []).get(from)!).push(s.ref);
    (ends.get(to) ?? ends.set(to, []).get(to)!).push(s.ref);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep the cut points once, keeping a multiset of the spans open at each point.
  const open = new Map<number, number>();
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const at = points[i];
    for (const ref of ends.get(at) ?? []) {
      const n = (open.get(ref) ?? 0) - 1;
      if (n <= 0) open.delete(ref);
      else open.set(ref, n);
    }
    for (const ref of starts.get(at) ?? []) open.set(ref, (open.get(ref) ?? 0) + 1);
    segments.push({ from: at, to: points[i + 1], refs: [...open.keys()].sort((a, b) => a - b) });
  }
  return segments;
}
