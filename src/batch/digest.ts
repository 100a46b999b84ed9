import type { Finding } from '../schema/finding.js';
import type { SourceResult } from '../schema/result.js';
import { topFinding } from '../report/html/index-view.js';

const TOP_MESSAGE = 400;

/**
 * What the coordinating thread keeps of a finished source: counts, score, status and a slim copy of
 * each finding (identity, severity, acceptance), the message of the one the index shows first. The
 * full result (claims, evidence) lives only in its part file, so memory grows by a few hundred bytes
 * per source, not by its document.
 */
export function digestOf(result: SourceResult): SourceResult {
  const top = topFinding(result.findings)?.index ?? -1;
  const findings: Finding[] = result.findings.map((f, i) => {
    const slim: Finding = {
      ruleId: f.ruleId,
      family: f.family,
      messageId: f.messageId,
      data: {},
      severity: f.severity,
      message: i === top ? f.message.slice(0, TOP_MESSAGE) : '',
      primary: null,
      related: [],
      fingerprint: f.fingerprint,
    };
    if (f.accepted) slim.accepted = true;
    return slim;
  });
  return { ...result, metadata: null, claims: null, coverage: null, fingerprints: {}, findings };
}
