import type { Claims } from '../../claims/kinds/index.js';
import type { ShareClaim } from '../../schema/claims.js';
import type { Finding, Severity } from '../../schema/finding.js';
import type { Evidence } from '../../schema/position.js';
import type { Omitted, RuleMeta } from '../../schema/result.js';
import { omittedText } from '../text.js';
import { ENGINE_FAMILY } from '../../engine/run.js';
import { numberLineChart, stackedShareChart, type ChartView } from './charts.js';
import { findingId, overlaps, type EvidenceRef } from './evidence-index.js';
import { formatComputedStated, formatInterval, formatPosition, formatQuantity, graver, plural, severityRank } from './format.js';

export interface EvidenceView {
  quote: string;
  role: string | null;
  position: string;
  /** First mark of this evidence in the document view, when it is highlighted there. */
  href: string | null;
  markId: string | null;
  findingId: string;
}

export interface ComputedView {
  quantity: string;
  stated: string;
  computed: string;
  interval: string;
  inside: boolean;
  note: string | null;
}

export interface FindingView {
  id: string;
  number: number;
  ruleId: string;
  family: string;
  severity: Severity;
  message: string;
  accepted: boolean;
  fingerprint: string;
  classes: string;
  /** The first pieces of evidence; a group's long tail is counted in `evidenceMore`. */
  evidence: EvidenceView[];
  /** "…and 88 more pieces of evidence, 80 of them marked in the document." when some are not listed. */
  evidenceMore: string | null;
  highlighted: number;
  /** Says so when some evidence has no place in the document view (it is listed by line:column only). */
  unplacedNote: string | null;
  computed: ComputedView | null;
  chart: ChartView | null;
}

export interface RuleGroupView {
  ruleId: string;
  anchor: string;
  description: string | null;
  rationale: string | null;
  countLabel: string;
  /** Findings past the rule's limit on this source: counted, not listed. */
  omitted: string | null;
  findings: FindingView[];
}

export interface FamilyGroupView {
  family: string;
  anchor: string;
  countLabel: string;
  rules: RuleGroupView[];
}

const SHARE_SUM = 'numbers/share-sum';

/** Evidence listed under a finding; the rest stays marked in the document view and counted. */
export const MAX_EVIDENCE_SHOWN = 12;

/** What a finding's list of evidence leaves out: pieces past the cap here, and past the engine's cap in the result. */
function evidenceMoreText(evidence: readonly EvidenceView[], unrecorded: number): string | null {
  const hidden = evidence.slice(MAX_EVIDENCE_SHOWN);
  const more = hidden.length + unrecorded;
  if (more === 0) return null;
  const marked = hidden.filter((e) => e.href !== null).length;
  return `…and ${plural(more, 'more piece')} of evidence${marked ? `, ${marked} of them marked in the document` : ''}.`;
}

const anchorOf = (prefix: string, id: string) => `${prefix}-${id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

export function computedView(c: Finding['computed']): ComputedView | null {
  if (!c) return null;
  const statedLow = c.statedLow ?? c.stated;
  const statedHigh = c.statedHigh ?? c.stated;
  return {
    quantity: c.quantity,
    stated: formatComputedStated(c),
    computed: formatQuantity(c.computed, c.unit),
    interval: formatInterval(c.low, c.high, c.unit),
    inside: statedHigh >= c.low && statedLow <= c.high,
    note: c.note ?? null,
  };
}

/**
 * The shares a share-sum finding is about: those its evidence quotes, else the breakdown
 * (dimension + year) those quotes, or its data, name.
 */
export function sharesOfFinding(f: Finding, shares: readonly ShareClaim[]): { shares: ShareClaim[]; dimension: string; year: number | null } | null {
  const evidence = [f.primary, ...f.related].filter((e): e is Evidence => e !== null);
  const quoted = (pick: (s: ShareClaim) => Evidence[]) => shares.filter((s) => pick(s).some((se) => evidence.some((e) => overlaps(e, se))));
  let hits = quoted((s) => [s.evidence, s.segmentEvidence]);
  if (hits.length === 0) hits = quoted((s) => [s.sentence]);
  const dataDimension = typeof f.data.dimension === 'string' ? f.data.dimension : null;
  const dataYear = typeof f.data.year === 'number' ? f.data.year : null;
  let key: { dimension: string; year: number | null } | null = dataDimension ? { dimension: dataDimension, year: dataYear } : null;
  if (!key && hits.length) {
    const tally = new Map<string, { dimension: string; year: number | null; n: number }>();
    for (const s of hits) {
      const k = `${s.dimension}\0${s.year}`;
      const t = tally.get(k) ?? { dimension: s.dimension, year: s.year, n: 0 };
      t.n++;
      tally.set(k, t);
    }
    key = [...tally.values()].sort((a, b) => b.n - a.n)[0];
  }
  if (!key) return null;
  const k = key;
  const inKey = (s: ShareClaim) => s.dimension === k.dimension && (k.year === null || s.year === k.year);
  const quotedInKey = hits.filter(inKey);
  const chosen = quotedInKey.length >= 2 ? quotedInKey : shares.filter(inKey);
  return chosen.length ? { shares: chosen, dimension: k.dimension, year: k.year } : null;
}

export function breakdownTitle(dimension: string, year: number | null): string {
  return `Shares by ${dimension}${year !== null ? ` (${year})` : ''}`;
}

/** A chart for findings about numbers: shares as a stacked bar, any recomputed value on a number line. */
export function chartOf(f: Finding, claims: Claims | null): ChartView | null {
  if (f.ruleId === SHARE_SUM || f.ruleId.startsWith(`${SHARE_SUM}-`)) {
    const picked = claims ? sharesOfFinding(f, claims.shares) : null;
    if (picked)
      return stackedShareChart(
        picked.shares.map((s) => ({ label: s.segment, value: s.share.value })),
        breakdownTitle(picked.dimension, picked.year),
      );
  }
  return f.computed ? numberLineChart(f.computed) : null;
}

/** Evidence with no block (markup, attributes) or no document view is listed, not highlighted: say so. */
function unplacedNote(total: number, highlighted: number): string | null {
  const unplaced = total - highlighted;
  if (unplaced === 0) return null;
  if (highlighted === 0) return 'Not highlighted: its evidence lies outside the readable text shown below; see the line:column above.';
  return `${plural(unplaced, 'piece')} of its evidence ${unplaced === 1 ? 'lies' : 'lie'} outside the readable text; see the line:column above.`;
}

export function evidenceView(r: EvidenceRef, marksByRef: ReadonlyMap<number, string[]>): EvidenceView {
  const marks = marksByRef.get(r.ref);
  return {
    quote: r.evidence.quote,
    role: r.evidence.role ?? null,
    position: formatPosition(r.evidence.start),
    href: marks && marks.length ? `#${marks[0]}` : null,
    markId: marks && marks.length ? marks[0] : null,
    findingId: findingId(r.finding),
  };
}

const ENGINE_DESCRIPTION = 'A rule of credence failed on this source and was skipped: a defect of the tool, not of the source. It does not lower the score.';

/** Findings grouped by family, then rule; the gravest groups first, findings in document order within. */
export function groupFindings(
  findings: readonly Finding[],
  refs: readonly EvidenceRef[][],
  marksByRef: ReadonlyMap<number, string[]>,
  rules: readonly RuleMeta[],
  claims: Claims | null,
  omitted: readonly Omitted[] = [],
): FamilyGroupView[] {
  const meta = new Map(rules.map((r) => [r.id, r]));
  const omittedBy = new Map(omitted.map((o) => [o.ruleId, o]));
  const families = new Map<string, Map<string, FindingView[]>>();
  findings.forEach((f, i) => {
    const evidence = refs[i].map((r) => evidenceView(r, marksByRef));
    const highlighted = evidence.filter((e) => e.href !== null).length;
    const view: FindingView = {
      id: findingId(i),
      number: i + 1,
      ruleId: f.ruleId,
      family: f.family,
      severity: f.severity,
      message: f.message,
      accepted: f.accepted === true,
      fingerprint: f.fingerprint,
      classes: `finding sev-${f.severity}${f.accepted ? ' accepted' : ''}`,
      evidence: evidence.slice(0, MAX_EVIDENCE_SHOWN),
      evidenceMore: evidenceMoreText(evidence, f.relatedOmitted ?? 0),
      highlighted,
      unplacedNote: unplacedNote(evidence.length, highlighted),
      computed: computedView(f.computed),
      chart: chartOf(f, claims),
    };
    const byRule = families.get(f.family) ?? new Map<string, FindingView[]>();
    families.set(f.family, byRule);
    byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), view]);
  });
  const gravest = (views: FindingView[]) => severityRank(views.map((v) => v.severity).reduce<Severity>(graver, 'info'));
  return [...families.entries()]
    .map(([family, byRule]) => {
      const ruleGroups = [...byRule.entries()]
        .map(([ruleId, views]): RuleGroupView => ({
          ruleId,
          anchor: anchorOf('rule', ruleId),
          description: meta.get(ruleId)?.description ?? (family === ENGINE_FAMILY ? ENGINE_DESCRIPTION : null),
          rationale: meta.get(ruleId)?.rationale ?? null,
          countLabel: plural(views.length, 'finding'),
          omitted: omittedBy.has(ruleId) ? `${omittedText(omittedBy.get(ruleId)!)}.` : null,
          findings: views,
        }))
        .sort((a, b) => gravest(a.findings) - gravest(b.findings) || a.ruleId.localeCompare(b.ruleId));
      const all = ruleGroups.flatMap((g) => g.findings);
      // The engine's own findings (a crashed rule) are about credence, not the source: shown apart, last.
      const rank = family === ENGINE_FAMILY ? Number.MAX_SAFE_INTEGER : gravest(all);
      return { family, anchor: anchorOf('family', family), countLabel: plural(all.length, 'finding'), rules: ruleGroups, rank };
    })
    .sort((a, b) => a.rank - b.rank || a.family.localeCompare(b.family))
    .map(({ rank: _rank, ...group }) => group);
}
