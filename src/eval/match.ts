// When a finding counts as finding a label (the corpus README's rule): one of its evidence spans
// overlaps an occurrence of the label's evidence in the raw file, or one of its quotes contains the
// evidence or lies inside it (at least 3 characters inside a short evidence string, 6 inside a long one).
import type { Finding } from '../schema/finding.js';
import type { Label } from './corpus.js';

/** Evidence up to this many characters is "short". */
const SHORT_EVIDENCE = 20;

/** Every [start, end) of `needle` in `text`. */
export function occurrences(text: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push([i, i + needle.length]);
  return out;
}

export function findingMatches(finding: Finding, label: Label, where: Array<[number, number]>): boolean {
  const minQuote = label.evidence.length <= SHORT_EVIDENCE ? 3 : 6;
  for (const e of [finding.primary, ...finding.related]) {
    if (!e) continue;
    if (where.some(([s, t]) => e.start.offset < t && e.end.offset > s)) return true;
    const q = e.quote.trim();
    if (q.includes(label.evidence)) return true;
    if (q.length >= minQuote && label.evidence.includes(q)) return true;
  }
  return false;
}
