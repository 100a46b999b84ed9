import { extractClaims } from '../claims/index.js';
import { claimCounts } from '../claims/kinds/index.js';
import type { ResolvedRule } from '../engine/config.js';
import { auditContext, type AuditContext } from '../engine/context.js';
import type { Sentence } from '../schema/document.js';
import { fingerprintErrorFinding, runRules } from '../engine/run.js';
import { countBySeverity, scoreFindings } from '../engine/score.js';
import { decodeBytes } from '../ingest/decode.js';
import { detectFormat } from '../ingest/detect.js';
import { parseDocument } from '../parse/index.js';
import { forecastOf } from '../parse/metadata.js';
import type { Config } from '../schema/config.js';
import type { SourceError, SourceResult } from '../schema/result.js';
import { splitAll } from '../parse/sentences.js';

export interface SourceRef {
  /** Path as given (or "-" for standard input). */
  path: string;
  /** Display name. */
  name: string;
}

export interface AuditedSource {
  result: SourceResult;
  /** Present when the source was parsed: what the HTML report renders. */
  context?: AuditContext;
}

export function errorResult(ref: SourceRef, error: SourceError, bytes = 0, durationMs = 0): SourceResult {
  return {
    source: ref.path,
    name: ref.name,
    report: null,
    status: 'error',
    error,
    bytes,
    format: null,
    encoding: null,
    metadata: null,
    claims: null,
    findings: [],
    counts: { error: 0, warning: 0, info: 0 },
    coverage: null,
    score: null,
    fingerprints: {},
    durationMs,
  };
}

/** Build the context every rule reads: decode, detect format, parse, extract claims; the derived facts are computed when first read. */
export function buildContext(bytes: Uint8Array, ref: SourceRef): { ok: true; context: AuditContext } | { ok: false; error: SourceError } {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  if (text.trim().length === 0) return { ok: false, error: { reason: 'empty', message: 'the file holds only white space' } };
  const format = detectFormat(text);
  const { doc, spans } = parseDocument(text, format);
  const forecast = forecastOf(doc.metadata);
  let sentences: Sentence[] | null = null;
  const getSentences = () => (sentences ??= splitAll(doc.blocks));
  const claims = extractClaims(doc, spans, getSentences(), forecast);
  const context = auditContext({
    source: { path: ref.path, name: ref.name },
    text,
    encoding: decoded.encoding,
    doc,
    spans,
    claims,
    forecast,
    sentences: getSentences,
  });
  return { ok: true, context };
}

/** Audit one source's bytes: never throws for bad input; an unexpected crash becomes an error result. */
export function auditBytes(bytes: Uint8Array, ref: SourceRef, rules: ResolvedRule[], config: Config = { rules: {} }): AuditedSource {
  const started = performance.now();
  let built;
  try {
    built = buildContext(bytes, ref);
  } catch (err) {
    const message = err instanceof RangeError ? `cannot parse: ${err.message} (nesting too deep?)` : `cannot parse: ${(err as Error).message ?? String(err)}`;
    return { result: errorResult(ref, { reason: 'crash', message }, bytes.length, performance.now() - started) };
  }
  if (!built.ok) return { result: errorResult(ref, built.error, bytes.length, performance.now() - started) };
  const ctx = built.context;
  const { findings, coverage, omitted } = runRules(ctx, rules);
  const fingerprints: Record<string, unknown> = {};
  for (const { rule, options } of rules) {
    if (rule.scope !== 'corpus') continue;
    try {
      fingerprints[rule.id] = rule.fingerprint(ctx, options);
    } catch (err) {
      findings.push(fingerprintErrorFinding(rule.id, err));
    }
  }
  const claims = ctx.claims;
  const checked = coverage.reduce((s, c) => s + c.checked, 0);
  const result: SourceResult = {
    source: ref.path,
    name: ref.name,
    report: null,
    status: 'ok',
    bytes: bytes.length,
    format: ctx.doc.format,
    encoding: ctx.encoding,
    metadata: ctx.doc.metadata,
    claims,
    findings,
    counts: countBySeverity(findings, omitted),
    coverage: {
      claims: claimCounts(claims),
      rules: coverage,
      checked,
      checkable: checked > 0,
    },
    score: scoreFindings(findings, config.scoring, omitted),
    fingerprints,
    durationMs: performance.now() - started,
  };
  if (omitted.length) result.omitted = omitted;
  if (config.entities) {
    result.entities = ctx.entities();
    result.durationMs = performance.now() - started;
  }
  return { result, context: ctx };
}
