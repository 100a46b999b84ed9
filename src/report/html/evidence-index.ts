import type { Finding, Severity } from '../../schema/finding.js';
import type { Evidence } from '../../schema/position.js';

/** One piece of evidence of one finding, numbered so the document view can mark it. */
export interface EvidenceRef {
  ref: number;
  finding: number;
  evidence: Evidence;
  /** Whether it points into a block of the document view (and so gets highlighted). */
  located: boolean;
}

/** What the document view needs to know of each finding to colour and title its marks. */
export interface FindingLabel {
  id: string;
  severity: Severity;
  accepted: boolean;
  message: string;
}

export const findingId = (index: number): string => `f-${index + 1}`;

export function findingLabels(findings: readonly Finding[]): FindingLabel[] {
  return findings.map((f, i) => ({ id: findingId(i), severity: f.severity, accepted: f.accepted === true, message: f.message }));
}

/**
 * Every finding's evidence, primary first: the evidence is located only when it names a block of
 * the document that is being shown (`blockLengths` is null when no document is available).
 */
export function indexEvidence(findings: readonly Finding[], blockLengths: readonly number[] | null): EvidenceRef[][] {
  let ref = 0;
  return findings.map((f, finding) =>
    [f.primary, ...f.related]
      .filter((e): e is Evidence => e !== null)
      .map((evidence) => ({
        ref: ref++,
        finding,
        evidence,
        located:
          blockLengths !== null &&
          evidence.block !== null &&
          evidence.block >= 0 &&
          evidence.block < blockLengths.length &&
          evidence.from <= blockLengths[evidence.block],
      })),
  );
}

/** Do two located pieces of evidence share any text (same block, overlapping ranges)? */
export function overlaps(a: Evidence, b: Evidence): boolean {
  if (a.block === null || a.block !== b.block) return false;
  const aTo = Math.max(a.to, a.from + 1);
  const bTo = Math.max(b.to, b.from + 1);
  return a.from < bTo && b.from < aTo;
}
