// Builds audit results for the report tests: real pipeline output (seeds or made-up documents)
// plus hand-made findings and claims where the rules and the claim extractor are not in yet.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveRules, type ResolvedRule } from '../../src/engine/config.js';
import type { AuditContext } from '../../src/engine/context.js';
import { loadRules } from '../../src/engine/loader.js';
import { ruleMeta } from '../../src/engine/rule.js';
import { materialise } from '../../src/engine/run.js';
import { scoreFindings } from '../../src/engine/score.js';
import { countBySeverity } from '../../src/engine/score.js';
import { auditBytes } from '../../src/pipeline/audit-source.js';
import type { GrowthClaim, ShareClaim, SizeClaim, StatedNumber } from '../../src/schema/claims.js';
import type { Computed, Finding, MessageData, Severity } from '../../src/schema/finding.js';
import type { Evidence } from '../../src/schema/position.js';
import { AuditResultSchema, type AuditResult, type RuleMeta, type SourceResult } from '../../src/schema/result.js';
import { SEEDS } from '../helpers/harness.js';

export const SEED_PREFIXES = readdirSync(SEEDS)
  .filter((f) => /^\d{3}_/.test(f))
  .map((f) => f.slice(0, 3))
  .sort();

export interface Audited {
  result: SourceResult;
  context: AuditContext;
}

let rulesCache: Promise<ResolvedRule[]> | null = null;
export function resolvedRules(): Promise<ResolvedRule[]> {
  return (rulesCache ??= loadRules().then((rules) => resolveRules(rules, { rules: {} })));
}

export async function ruleMetas(): Promise<RuleMeta[]> {
  return (await resolvedRules()).map((r) => ruleMeta(r.rule));
}

/** Run the real pipeline on a document given as bytes or text. */
export async function audit(input: string | Uint8Array, name: string): Promise<Audited> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const out = auditBytes(bytes, { path: `in/${name}`, name }, await resolvedRules());
  if (!out.context) throw new Error(`${name}: ${out.result.error?.message}`);
  return { result: { ...out.result, report: `${name}.html` }, context: out.context };
}

export async function auditSeed(prefix: string): Promise<Audited> {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(`${prefix}_`));
  if (!file) throw new Error(`no seed ${prefix}`);
  return audit(readFileSync(path.join(SEEDS, file)), file);
}

/** Evidence for the `nth` occurrence of `quote` in the document's blocks. */
export function evidenceOf(ctx: AuditContext, quote: string, role?: string, nth = 0): Evidence {
  let seen = 0;
  for (const b of ctx.doc.blocks) {
    for (let at = b.text.indexOf(quote); at >= 0; at = b.text.indexOf(quote, at + 1)) {
      if (seen++ === nth) return ctx.spans.of(b.index, at, at + quote.length, role);
    }
  }
  throw new Error(`quote not in document: ${quote}`);
}

/** Evidence that lies in markup, outside every block (e.g. an attribute). */
export function markupEvidence(ctx: AuditContext, needle: string, role?: string): Evidence {
  const at = ctx.text.indexOf(needle);
  if (at < 0) throw new Error(`not in source: ${needle}`);
  return ctx.spans.source_(at, at + needle.length, role);
}

export interface FindingSpec {
  ruleId: string;
  severity: Severity;
  message: string;
  data?: MessageData;
  evidence: Array<Evidence | null>;
  computed?: Computed;
  accepted?: boolean;
}

/** Findings as the engine would make them (message, fingerprint), added to a result and rescored. */
export function withFindings(result: SourceResult, specs: FindingSpec[]): SourceResult {
  const made: Finding[] = specs.map((s) => {
    const [primary, ...related] = s.evidence;
    const f = materialise({ id: s.ruleId, messages: { m: s.message } }, s.severity, {
      messageId: 'm',
      data: s.data ?? {},
      primary: primary ?? null,
      related: related.filter((e): e is Evidence => e !== null),
      ...(s.computed ? { computed: s.computed } : {}),
    });
    if (s.accepted) f.accepted = true;
    return f;
  });
  const findings = [...result.findings, ...made];
  return { ...result, findings, counts: countBySeverity(findings), score: scoreFindings(findings) };
}

export const TEST_RULES: RuleMeta[] = [
  ['numbers/cagr-implied', 'error', 'Stated CAGR differs from the one implied by the start and end market sizes'],
  ['numbers/share-sum', 'warning', 'Shares of one breakdown should add up to about 100%'],
  ['consistency/growth-conflict', 'error', 'The same market is given two different growth rates'],
  ['links/tracking', 'info', 'Links carry campaign tracking parameters'],
].map(([id, severity, description]) => ({
  id,
  family: id.split('/')[0],
  severity: severity as Severity,
  description,
  rationale: 'Used by the report tests to exercise rendering of a rule of this kind.',
  messages: { m: description },
  scope: 'source' as const,
}));

function stated(value: number, text: string, decimals: number): StatedNumber {
  const half = 0.5 * 10 ** -decimals;
  return { value, low: value - half, high: value + half, decimals, text };
}

export function growthClaim(ctx: AuditContext, id: string, quote: string, value: number, decimals: number, period: { from: number; to: number }): GrowthClaim {
  const evidence = evidenceOf(ctx, quote, 'stated rate');
  return {
    id,
    kind: 'growth',
    measure: 'cagr',
    rate: stated(value, quote, decimals),
    dimension: null,
    rateTo: null,
    qualifier: 'exact',
    period: { ...period, source: 'explicit' },
    subject: { key: 'market', label: 'the market', kind: 'market' },
    evidence,
    sentence: evidence,
  };
}

export function sizeClaim(ctx: AuditContext, id: string, quote: string, usd: number, year: number, role: SizeClaim['role']): SizeClaim {
  const evidence = evidenceOf(ctx, quote, 'size');
  return {
    id,
    kind: 'size',
    value: { value: usd, low: usd * 0.99, high: usd * 1.01, decimals: 1, text: quote },
    currency: 'USD',
    unitWord: 'billion',
    qualifier: 'exact',
    year,
    role,
    subject: { key: 'market', label: 'the market', kind: 'market' },
    evidence,
    sentence: evidence,
  };
}

export function shareClaim(ctx: AuditContext, id: string, segment: string, quote: string, value: number, dimension: string, year: number | null): ShareClaim {
  const evidence = evidenceOf(ctx, quote, 'share');
  return {
    id,
    kind: 'share',
    segment,
    segmentKey: segment.toLowerCase(),
    share: stated(value, quote, 0),
    qualifier: 'exact',
    year,
    whole: 'market',
    dimension,
    role: 'segment',
    dominant: false,
    evidence,
    segmentEvidence: evidenceOf(ctx, segment, 'segment'),
    sentence: evidence,
  };
}

/** A made-up report with a growth rate the sizes contradict and two breakdowns that do not sum to 100%. */
export const MADE_UP_REPORT = `<!DOCTYPE html><html><head><title>Widget Sensor Market</title></head><body>
<h1>Widget Sensor Market Size, Share &amp; Forecast 2024 - 2030</h1>
<p>Published: 12 March 2024</p>
<p>The global widget sensor market was valued at USD 4.0 billion in 2023 and is expected to reach USD 6.0 billion by 2030, growing at a CAGR of 9.5% over the forecast period 2024 - 2030.</p>
<h2>Regional outlook</h2>
<ul>
<li>North America held 41% of revenue in 2023.</li>
<li>Europe accounted for 27% of revenue.</li>
<li>Asia Pacific represented 22% of revenue.</li>
<li>Rest of World contributed 3%.</li>
</ul>
<h2>Product outlook</h2>
<p>By product, optical sensors held a 62% share and capacitive sensors a 48% share in 2023.</p>
<p>Elsewhere the report claims the market will grow at a CAGR of 12% through 2030.</p>
<p><a href="https://example.com/buy?utm_source=feed&amp;utm_medium=post">Buy the full report</a></p>
</body></html>`;

/** The made-up report, audited, with its claims and findings of several kinds (as rules would make them). */
export async function madeUpAudit(): Promise<Audited> {
  const a = await audit(MADE_UP_REPORT, 'widget-sensors.html');
  const ctx = a.context;
  const regions: Array<[string, string, number]> = [
    ['North America', '41%', 41],
    ['Europe', '27%', 27],
    ['Asia Pacific', '22%', 22],
    ['Rest of World', '3%', 3],
  ];
  const claims = {
    growth: [growthClaim(ctx, 'g1', '9.5%', 9.5, 1, { from: 2024, to: 2030 }), growthClaim(ctx, 'g2', '12%', 12, 0, { from: 2024, to: 2030 })],
    sizes: [sizeClaim(ctx, 's1', 'USD 4.0 billion', 4e9, 2023, 'value'), sizeClaim(ctx, 's2', 'USD 6.0 billion', 6e9, 2030, 'projection')],
    shares: [
      ...regions.map(([segment, quote, value], i) => shareClaim(ctx, `r${i}`, segment, quote, value, 'region', i === 0 ? 2023 : 2023)),
      shareClaim(ctx, 'p1', 'optical sensors', '62%', 62, 'product', 2023),
      shareClaim(ctx, 'p2', 'capacitive sensors', '48%', 48, 'product', 2023),
    ],
    dominance: [],
  };
  const result = withFindings({ ...a.result, claims }, [
    {
      ruleId: 'numbers/cagr-implied',
      severity: 'error',
      message: 'Stated CAGR 9.5% does not match the 6% implied by USD 4.0 billion (2023) growing to USD 6.0 billion (2030)',
      evidence: [evidenceOf(ctx, '9.5%', 'stated rate'), evidenceOf(ctx, 'USD 4.0 billion', 'start size'), evidenceOf(ctx, 'USD 6.0 billion', 'end size')],
      computed: { quantity: 'CAGR', unit: '%', stated: 9.5, statedLow: 9.45, statedHigh: 9.55, computed: 5.96, low: 5.5, high: 6.4 },
    },
    {
      ruleId: 'numbers/share-sum',
      severity: 'warning',
      message: 'Regional shares for 2023 add up to 93%, 7 points short of 100%',
      data: { dimension: 'region', year: 2023 },
      evidence: regions.map(([, quote]) => evidenceOf(ctx, quote, 'share')),
      computed: { quantity: 'sum of shares', unit: '%', stated: 100, computed: 93, low: 92, high: 94 },
    },
    {
      ruleId: 'numbers/share-sum',
      severity: 'error',
      message: 'Product shares for 2023 add up to 110%, more than 100%',
      evidence: [evidenceOf(ctx, '62%', 'share'), evidenceOf(ctx, '48%', 'share')],
      computed: { quantity: 'sum of shares', unit: '%', stated: 100, computed: 110, low: 109, high: 111 },
    },
    {
      ruleId: 'consistency/growth-conflict',
      severity: 'error',
      message: 'The market is said to grow at 9.5% and at 12% over the same period',
      // Overlaps the CAGR finding's primary span on purpose: both must stay highlighted.
      evidence: [evidenceOf(ctx, 'CAGR of 9.5%', 'one statement'), evidenceOf(ctx, 'CAGR of 12%', 'other statement')],
    },
    {
      ruleId: 'links/tracking',
      severity: 'info',
      message: 'Link carries campaign tracking parameters (utm_source)',
      evidence: [markupEvidence(ctx, 'utm_source=feed', 'href')],
      accepted: true,
    },
  ]);
  return { result, context: ctx };
}

/** An audit run over the given results (and one source that failed), validated against the schema. */
export function auditResultOf(sources: SourceResult[], rules: RuleMeta[], options: { interrupted?: boolean; failed?: SourceResult[] } = {}): AuditResult {
  const all = [...sources, ...(options.failed ?? [])];
  const byRule: Record<string, number> = {};
  const counts = { error: 0, warning: 0, info: 0 };
  for (const s of all) {
    for (const f of s.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    counts.error += s.counts.error;
    counts.warning += s.counts.warning;
    counts.info += s.counts.info;
  }
  return AuditResultSchema.parse({
    schema: 'credence/audit',
    version: 1,
    tool: { name: 'credence', version: '0.1.0' },
    startedAt: '2025-01-02T03:04:05.000Z',
    finishedAt: '2025-01-02T03:04:09.000Z',
    interrupted: options.interrupted ?? false,
    rules,
    sources: all,
    corpusFindings: [],
    summary: {
      sources: all.length,
      audited: all.filter((s) => s.status === 'ok').length,
      failed: all.filter((s) => s.status === 'error').length,
      counts,
      byRule,
    },
  });
}
