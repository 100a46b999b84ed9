import { claimsOf } from '../../claims/kinds/index.js';
import type { AuditContext } from '../../engine/context.js';
import type { Finding } from '../../schema/finding.js';
import type { RuleMeta, SourceResult } from '../../schema/result.js';
import { buildClaimsView, type ClaimsView } from './claims-view.js';
import { buildDocumentView, type DocNodeView, type DocumentView, type SectionView } from './document-view.js';
import { buildEntitiesView, type EntitiesView } from './entities-view.js';
import { findingLabels, indexEvidence, type EvidenceRef } from './evidence-index.js';
import { groupFindings, type FamilyGroupView } from './findings-view.js';
import { plural, SEVERITIES } from './format.js';
import { relativeHref } from './href.js';
import { buildSummary, type SummaryView } from './summary-view.js';

export interface SourceReportInput {
  result: SourceResult;
  /** The parsed source (document, spans, claims); null when unavailable. */
  context: AuditContext | null;
  rules: RuleMeta[];
  /** ISO time. */
  generatedAt: string;
  /** Link back to the index; default "index.html". */
  indexHref?: string;
}

interface Choice {
  value: string;
  label: string;
}

/** Everything the report template shows, apart from the page's own style, script and policy. */
export interface ReportView {
  generatedAt: string;
  indexHref: string;
  summary: SummaryView;
  counts: Array<{ classes: string; label: string }>;
  findingCount: number;
  families: FamilyGroupView[];
  severities: Choice[];
  familyFilters: Choice[];
  acceptedCount: number;
  noFindings: string;
  documentNote: string | null;
  /** Findings past their rule's limit, counted but not listed: said once above the list. */
  omittedNote: string | null;
  nodes: DocNodeView[];
  /** A long document in sections that open on demand; null when it is shown whole (`nodes`). */
  sections: SectionView[] | null;
  claims: ClaimsView;
  /** Named entities by kind, when the run asked for them (`--entities`); null otherwise. */
  entities: EntitiesView | null;
  /** What the page script reads: each finding with the ids of its marks. */
  scriptData: ScriptData;
}

export interface ScriptData {
  source: string;
  findings: Record<string, { number: number; ruleId: string; severity: string; accepted: boolean; fingerprint: string; message: string; marks: string[] }>;
}

const NO_DOCUMENT: DocumentView = { nodes: [], sections: null, marksByRef: new Map() };

function scriptData(result: SourceResult, refs: EvidenceRef[][], view: DocumentView): ScriptData {
  const entry = (f: Finding, i: number) => ({
    number: i + 1,
    ruleId: f.ruleId,
    severity: f.severity,
    accepted: f.accepted === true,
    fingerprint: f.fingerprint,
    message: f.message,
    marks: [...new Set(refs[i].flatMap((r) => view.marksByRef.get(r.ref) ?? []))],
  });
  const labels = findingLabels(result.findings);
  return { source: result.name, findings: Object.fromEntries(result.findings.map((f, i) => [labels[i].id, entry(f, i)])) };
}

function noFindingsText(result: SourceResult): string {
  if (result.status === 'error') return 'No findings: the source could not be audited.';
  if (result.coverage && !result.coverage.checkable) return 'No findings — but nothing in this source could be checked either.';
  return 'No findings: every check that could be made passed.';
}

export function buildReportView(input: SourceReportInput): ReportView {
  const { result, context } = input;
  const doc = context?.doc ?? null;
  const blockLengths = doc ? doc.blocks.map((b) => b.text.length) : null;
  const refs = indexEvidence(result.findings, blockLengths);
  const documentView = doc && context ? buildDocumentView(doc, context.spans, refs.flat(), findingLabels(result.findings)) : NO_DOCUMENT;
  const claims = claimsOf(result.claims) ?? context?.claims ?? null;
  const families = groupFindings(result.findings, refs, documentView.marksByRef, input.rules, claims, result.omitted);
  const omitted = (result.omitted ?? []).reduce((n, o) => n + o.count, 0);
  const summary = buildSummary(result);
  return {
    generatedAt: input.generatedAt,
    indexHref: relativeHref(input.indexHref ?? 'index.html'),
    summary,
    counts: [
      ...SEVERITIES.map((s) => ({ classes: `sev-${s}`, label: s === 'info' ? `${summary.counts.info} info` : plural(summary.counts[s], s) })),
      ...(summary.counts.accepted ? [{ classes: 'neutral', label: `${summary.counts.accepted} accepted` }] : []),
    ],
    findingCount: result.findings.length,
    families,
    severities: SEVERITIES.map((s) => ({ value: s, label: s })),
    familyFilters: families.map((f) => ({ value: f.family, label: f.family })),
    acceptedCount: summary.counts.accepted,
    noFindings: noFindingsText(result),
    documentNote: doc ? null : 'The document text is not available for this report; evidence is listed by line:column in each finding.',
    omittedNote: omitted
      ? `${plural(omitted, 'more finding')} past ${result.omitted!.length === 1 ? 'its rule’s' : 'their rules’'} limit per source (config maxFindingsPerRule) ${omitted === 1 ? 'is' : 'are'} counted above but not listed: ${result.omitted!.map((o) => `${o.ruleId} ${o.count}`).join(', ')}.`
      : null,
    nodes: documentView.nodes,
    sections: documentView.sections,
    claims: buildClaimsView(claims, result.metadata, result.findings, blockLengths ? blockLengths.length : null),
    entities: buildEntitiesView(result.entities, blockLengths ? blockLengths.length : null),
    scriptData: scriptData(result, refs, documentView),
  };
}
