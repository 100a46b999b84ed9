import type { Spans } from '../parse/spans.js';
import type { Period } from '../schema/claims.js';
import type { Evidence } from '../schema/position.js';

/**
 * Where a sentence states a rate's period ("between 2026 and 2031", "2024–2032", "from 2023 to
 * 2030"), as evidence: an arithmetic finding often turns on the window, so the reader sees it too.
 */
export function periodEvidence(spans: Spans, sentence: Evidence, period: Period): Evidence | null {
  if (period.source !== 'explicit' || period.from === null || period.to === null || sentence.block === null) return null;
  const pattern = new RegExp(
    String.raw`(?:\b(?:between|from|over|during|for)\s+(?:the\s+)?)?\b${period.from}\s*(?:[-–—/]|to|and|through|till|until)\s*${period.to}\b`,
    'i',
  );
  const m = pattern.exec(sentence.quote);
  return m ? spans.of(sentence.block, sentence.from + m.index, sentence.from + m.index + m[0].length, 'stated period') : null;
}
