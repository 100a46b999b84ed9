import type * as Sarif from 'sarif';
import type { Finding, FindingContext, Severity } from '../schema/finding.js';
import type { Evidence } from '../schema/position.js';
import type { AuditResult, RuleMeta, SourceResult } from '../schema/result.js';
import { docsBase, docsLink, rulePagePath } from './docs-links.js';
import { omittedText } from './text.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SARIF_FINGERPRINT = 'credence/v1';

type CorpusFinding = AuditResult['corpusFindings'][number];

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A source's name as a URI reference: relative names (the usual case) resolve against the
 * checkout root (%SRCROOT%), as code-scanning services expect; absolute ones become file: URIs.
 */
export function artifactFor(name: string): Sarif.ArtifactLocation {
  const encoded = encodeURI(name).replace(/[?#]/g, (c) => (c === '?' ? '%3F' : '%23'));
  return name.startsWith('/') ? { uri: `file://${encoded}` } : { uri: encoded, uriBaseId: '%SRCROOT%' };
}

function region(e: Pick<Evidence, 'quote' | 'start' | 'end'>): Sarif.Region {
  const r: Sarif.Region = { startLine: e.start.line, startColumn: e.start.column, endLine: e.end.line, endColumn: e.end.column };
  if (r.endLine! < r.startLine! || (r.endLine === r.startLine && r.endColumn! < r.startColumn!)) {
    r.endLine = r.startLine;
    r.endColumn = r.startColumn;
  }
  if (e.quote) r.snippet = { text: e.quote };
  return r;
}

/** A span's location; `context` (the sentence around it) becomes the contextRegion a viewer shows around the region. */
function location(name: string, e: Evidence | null, context?: FindingContext): Sarif.Location {
  const physicalLocation: Sarif.PhysicalLocation = { artifactLocation: artifactFor(name) };
  if (e) physicalLocation.region = region(e);
  if (e && context) physicalLocation.contextRegion = region(context);
  return { physicalLocation };
}

/** tool.driver.rules: each rule with its description, rationale and messages as help, a link to its page, and default level. */
export function sarifRules(rules: readonly RuleMeta[], base = docsBase()): Sarif.ReportingDescriptor[] {
  return rules.map((r) => {
    const messages = Object.entries(r.messages).map(([id, text]) => `- ${id}: ${text}`);
    const page = docsLink(base, rulePagePath(r.id));
    return {
      id: r.id,
      name: r.id.split('/').pop(),
      shortDescription: { text: r.description },
      fullDescription: { text: r.rationale },
      helpUri: page,
      help: {
        text: `${r.rationale}\n\nMessages:\n${messages.join('\n')}\n\nOptions and examples: ${page}`,
        markdown: `${r.rationale}\n\n**Messages**\n\n${messages.map((m) => m.replace(/^- (\S+):/, '- `$1`:')).join('\n')}\n\n[Options and examples](${page})`,
      },
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: { tags: [r.family], scope: r.scope },
    };
  });
}

function baseResult(f: Finding, ruleIndex: ReadonlyMap<string, number>): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: f.ruleId,
    level: LEVEL[f.severity],
    message: { text: f.message },
    partialFingerprints: { [SARIF_FINGERPRINT]: f.fingerprint },
    properties: { family: f.family, messageId: f.messageId, data: f.data, ...(f.computed ? { computed: f.computed } : {}) },
  };
  const index = ruleIndex.get(f.ruleId);
  if (index !== undefined) result.ruleIndex = index;
  if (f.accepted) result.suppressions = [{ kind: 'external', justification: 'accepted by the credence baseline' }];
  return result;
}

/** One source's findings as SARIF results: the primary span as the location, the others as related locations. */
export function sarifResults(source: Pick<SourceResult, 'name' | 'findings'>, ruleIndex: ReadonlyMap<string, number>): Sarif.Result[] {
  return source.findings.map((f) => ({
    ...baseResult(f, ruleIndex),
    locations: [location(source.name, f.primary, f.context)],
    ...(f.related.length
      ? { relatedLocations: f.related.map((e, i) => ({ id: i + 1, ...location(source.name, e), message: { text: e.role ?? 'related' } })) }
      : {}),
  }));
}

/** Cross-source findings: located in their first source; related spans in the sources they cite (related[i] in sources[i + 1]). */
export function sarifCorpusResults(
  findings: readonly CorpusFinding[],
  nameOf: (source: string) => string,
  ruleIndex: ReadonlyMap<string, number>,
): Sarif.Result[] {
  return findings.map((f) => {
    const names = f.sources.map(nameOf);
    const r: Sarif.Result = { ...baseResult(f, ruleIndex) };
    if (names.length) r.locations = [location(names[0], f.primary)];
    const related = f.related.map((e, i) => ({ id: i + 1, ...location(names[i + 1] ?? names[0] ?? '', e), message: { text: e.role ?? 'related' } }));
    if (related.length && names.length) r.relatedLocations = related;
    r.properties = { ...r.properties, sources: names };
    return r;
  });
}

/**
 * Files that could not be audited, as tool notifications (they are not findings, but CI must see
 * them), and the findings a rule made past its per-source limit, counted but not listed.
 */
export function sarifNotifications(sources: ReadonlyArray<Pick<SourceResult, 'name' | 'status' | 'error' | 'omitted'>>): Sarif.Notification[] {
  const failed = sources
    .filter((s) => s.status === 'error')
    .map((s) => ({
      level: 'error' as const,
      message: { text: `${s.name}: could not be audited: ${s.error?.message ?? 'unknown error'} (${s.error?.reason ?? 'error'})` },
      locations: [location(s.name, null)],
      descriptor: { id: s.error?.reason ?? 'error' },
    }));
  const omitted = sources.flatMap((s) =>
    (s.omitted ?? []).map((o) => ({
      level: 'note' as const,
      message: { text: `${s.name}: ${o.ruleId}: ${omittedText(o)}` },
      locations: [location(s.name, null)],
      descriptor: { id: 'findings-omitted' },
      associatedRule: { id: o.ruleId },
    })),
  );
  return [...failed, ...omitted];
}

export interface SarifRunInfo {
  version: string;
  rules: readonly RuleMeta[];
  interrupted: boolean;
  startedAt: string;
  finishedAt: string;
  notifications: Sarif.Notification[];
  /** Where documentation links point (default: docsBase()). */
  docsBase?: string;
}

/** The log around its results, split where the results go so they can be streamed in. */
export function sarifEnvelope(info: SarifRunInfo): { head: string; tail: string; ruleIndex: Map<string, number> } {
  const SENTINEL = '__credence_results__';
  const base = info.docsBase ?? docsBase();
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'credence',
            version: info.version,
            semanticVersion: info.version,
            informationUri: docsLink(base, 'README.md'),
            rules: sarifRules(info.rules, base),
          },
        },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: !info.interrupted,
            startTimeUtc: info.startedAt,
            endTimeUtc: info.finishedAt,
            ...(info.notifications.length ? { toolExecutionNotifications: info.notifications } : {}),
          },
        ],
        results: [SENTINEL as unknown as Sarif.Result],
      },
    ],
  };
  const text = JSON.stringify(log, null, 2) + '\n';
  const line = text.split('\n').find((l) => l.trim() === JSON.stringify(SENTINEL))!;
  const [head, tail] = text.split(line + '\n');
  return { head, tail, ruleIndex: new Map(info.rules.map((r, i) => [r.id, i])) };
}

/** Indent a result as an element of the envelope's results array. */
export function formatSarifResult(result: Sarif.Result, indent = '        '): string {
  return indent + JSON.stringify(result, null, 2).replace(/\n/g, '\n' + indent);
}

/** A whole audit as one SARIF log (for small runs and tests; runs write it streamed). */
export function toSarif(audit: AuditResult, base?: string): Sarif.Log {
  const { head, tail, ruleIndex } = sarifEnvelope({
    docsBase: base,
    version: audit.tool.version,
    rules: audit.rules,
    interrupted: audit.interrupted,
    startedAt: audit.startedAt,
    finishedAt: audit.finishedAt,
    notifications: sarifNotifications(audit.sources),
  });
  const names = new Map(audit.sources.map((s) => [s.source, s.name]));
  const results = [
    ...audit.sources.flatMap((s) => sarifResults(s, ruleIndex)),
    ...sarifCorpusResults(audit.corpusFindings, (src) => names.get(src) ?? src, ruleIndex),
  ];
  return JSON.parse(head + results.map((r) => formatSarifResult(r)).join(',\n') + (results.length ? '\n' : '') + tail) as Sarif.Log;
}
