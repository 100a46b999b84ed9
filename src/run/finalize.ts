import { existsSync } from 'node:fs';
import path from 'node:path';
import { acceptFindings } from '../baseline/apply.js';
import { loadBaseline, saveBaseline } from '../baseline/file.js';
import { identity } from '../baseline/key.js';
import type { BaselineEntry, BaselineReport } from '../schema/baseline.js';
import { removePartsDir, SpoolReader } from '../batch/parts.js';
import { runCorpusRules, type CorpusFinding } from '../engine/run-corpus.js';
import { corpusViews, type CorpusViews } from './corpus-views.js';
import { renderIndex } from '../report/html/index.js';
import { formatSarifResult, sarifCorpusResults, sarifEnvelope, sarifNotifications, sarifResults } from '../report/sarif.js';
import { writeAtomic } from '../report/write.js';
import { AUDIT_SCHEMA_VERSION, type AuditResult, type SourceResult } from '../schema/result.js';
import type { Outputs, RunState } from './state.js';
import { AtomicStream } from './stream-file.js';
import { summarise } from './summary.js';
import { corpusText, sourceText, summaryText } from '../report/text.js';

/** audit.json: the shard a run covered and what its baseline did are part of the schema. */
export type AuditJson = AuditResult;

export interface RunReport {
  result: AuditJson;
  baseline: BaselineReport | null;
  /** Files written in the output folder. */
  written: string[];
  notes: string[];
}

const SOURCES_SENTINEL = '__credence_sources__';

/** Split audit.json's text where the sources go, so they can be streamed in from the parts. */
function auditEnvelope(audit: AuditJson): { head: string; tail: string } {
  const text = JSON.stringify({ ...audit, sources: [SOURCES_SENTINEL] }, null, 2) + '\n';
  const line = text.split('\n').find((l) => l.trim() === JSON.stringify(SOURCES_SENTINEL))!;
  const [head, tail] = text.split(line + '\n');
  return { head, tail };
}

/** Cross-source findings, with the baseline applied (they are filed under their first source), each rule's coverage, and the run's publishers and markets. */
function crossSource(
  state: RunState,
  nameOf: (source: string) => string,
): { findings: CorpusFinding[]; coverage: Array<{ ruleId: string; checked: number }>; views: CorpusViews | null } {
  if (state.shard) return { findings: [], coverage: [], views: null };
  const reader = new SpoolReader(state.partsDir);
  let findings: CorpusFinding[];
  let coverage: Array<{ ruleId: string; checked: number }>;
  let views: CorpusViews;
  try {
    const records = state.entries
      .filter((e) => e.digest.status === 'ok')
      .map((e) => ({ source: e.digest.source, name: e.digest.name, fingerprint: (ruleId: string) => reader.fingerprint(e.fingerprints, ruleId) }));
    ({ findings, coverage } = runCorpusRules(state.resolved, records));
    views = corpusViews(
      records,
      state.entries.map((e) => e.digest),
      findings,
      state.resolved,
    );
  } finally {
    reader.close();
  }
  if (state.baseline) {
    const byFirst = new Map<string, CorpusFinding[]>();
    for (const f of findings) {
      const name = f.sources.length ? nameOf(f.sources[0]) : '';
      byFirst.set(name, [...(byFirst.get(name) ?? []), f]);
    }
    for (const [name, list] of byFirst) acceptFindings(list, state.baseline.forSource(name));
  }
  return { findings, coverage, views };
}

/** Identical findings in one source become one entry with a count. */
function addEntry(into: Map<string, BaselineEntry>, e: Omit<BaselineEntry, 'count'>): void {
  const key = `${e.source}\0${identity(e)}`;
  const had = into.get(key);
  if (had) had.count++;
  else into.set(key, { ...e, count: 1 });
}

/**
 * The end of a run (or of a merge): cross-source rules over the fingerprints, baseline staleness,
 * totals, then one pass over the spooled parts in order that streams audit.json, the SARIF log and
 * the terminal report together, and the index page from the digests.
 */
export async function finalize(state: RunState, outputs: Outputs): Promise<RunReport> {
  const names = new Map(state.entries.map((e) => [e.digest.source, e.digest.name]));
  const nameOf = (source: string) => names.get(source) ?? source;
  const corpusRuleIds = new Set(state.resolved.filter((r) => r.rule.scope === 'corpus').map((r) => r.rule.id));
  const { findings: corpusFindings, coverage: corpusCoverage, views } = crossSource(state, nameOf);

  const digests = state.entries.map((e) => e.digest);
  let baseline: BaselineReport | null = null;
  if (state.baseline) {
    const audited = digests
      .filter((d) => d.status === 'ok')
      .map((d) => ({ source: d.name, findings: [...d.findings, ...corpusFindings.filter((f) => f.sources.length && nameOf(f.sources[0]) === d.name)] }));
    // A shard's run has not run the cross-source rules yet, so it cannot judge their entries.
    const stale = state.baseline.stale(audited, (e) => !(state.shard && corpusRuleIds.has(e.ruleId)));
    const accepted = digests.reduce((n, d) => n + d.findings.filter((f) => f.accepted).length, 0) + corpusFindings.filter((f) => f.accepted).length;
    baseline = { file: state.baseline.file, accepted, stale };
  }

  const result: AuditJson = {
    schema: 'credence/audit',
    version: AUDIT_SCHEMA_VERSION,
    tool: { name: 'credence', version: state.version },
    startedAt: state.startedAt,
    finishedAt: new Date().toISOString(),
    interrupted: state.interrupted,
    rules: state.metas,
    sources: [],
    corpusFindings,
    corpusCoverage,
    summary: summarise(digests, corpusFindings),
  };
  if (views) {
    result.publishers = views.publishers;
    result.markets = views.markets;
  }
  if (state.shard) result.shard = state.shard;
  if (baseline) result.baseline = baseline;

  const out = outputs.out;
  const written: string[] = [];
  const colour = outputs.colour === true;
  const json = out && outputs.formats.has('json') ? await new AtomicStream(path.join(out, 'audit.json')).open() : null;
  const sarif = out && outputs.formats.has('sarif') ? await new AtomicStream(path.join(out, 'audit.sarif')).open() : null;
  const record = outputs.writeBaseline ? new Map<string, BaselineEntry>() : null;
  const full: SourceResult[] = [];
  const needFull = Boolean(sarif || outputs.text || outputs.collect || record);
  const parts = new SpoolReader(state.partsDir);

  try {
    const audit = json ? auditEnvelope(result) : null;
    const envelope = sarif
      ? sarifEnvelope({
          version: state.version,
          rules: state.metas,
          interrupted: state.interrupted,
          startedAt: result.startedAt,
          finishedAt: result.finishedAt,
          notifications: sarifNotifications(digests),
        })
      : null;
    if (json && audit) await json.write(audit.head);
    if (sarif && envelope) await sarif.write(envelope.head);
    let firstSource = true;
    let firstResult = true;
    const sarifWrite = async (results: ReturnType<typeof sarifResults>) => {
      for (const r of results) {
        await sarif!.write((firstResult ? '' : ',\n') + formatSarifResult(r));
        firstResult = false;
      }
    };

    for (const entry of state.entries) {
      const text = parts.read(entry.part);
      if (json) await json.write((firstSource ? '' : ',\n') + text);
      firstSource = false;
      if (!needFull) continue;
      const source = JSON.parse(text) as SourceResult;
      if (outputs.text) outputs.text(sourceText(source, colour), 'source');
      if (sarif && envelope) await sarifWrite(sarifResults(source, envelope.ruleIndex));
      if (record && source.status === 'ok') {
        for (const f of source.findings)
          addEntry(record, { source: source.name, ruleId: f.ruleId, messageId: f.messageId, fingerprint: f.fingerprint, message: f.message });
      }
      if (outputs.collect) full.push(source);
    }

    if (json && audit) {
      await json.write((firstSource ? '' : '\n') + audit.tail);
      await json.commit();
      written.push(json.file);
    }
    if (sarif && envelope) {
      await sarifWrite(sarifCorpusResults(corpusFindings, nameOf, envelope.ruleIndex));
      await sarif.write((firstResult ? '' : '\n') + envelope.tail);
      await sarif.commit();
      written.push(sarif.file);
    }
  } catch (err) {
    await json?.discard();
    await sarif?.discard();
    throw err;
  } finally {
    parts.close();
  }

  if (outputs.text) {
    outputs.text(corpusText(corpusFindings, nameOf, colour), 'corpus');
    const accepted = baseline?.accepted ?? 0;
    outputs.text(summaryText(result.summary, { interrupted: state.interrupted, accepted }, colour), 'summary');
  }

  if (out && outputs.formats.has('html')) {
    const file = path.join(out, 'index.html');
    await writeAtomic(file, renderIndex({ audit: { ...result, sources: digests } }));
    written.push(file);
  }

  if (record && outputs.writeBaseline) {
    for (const f of corpusFindings) {
      if (f.sources.length && f.ruleId !== 'engine/rule-error')
        addEntry(record, { source: nameOf(f.sources[0]), ruleId: f.ruleId, messageId: f.messageId, fingerprint: f.fingerprint, message: f.message });
    }
    // Entries for sources this run did not audit are kept, so a partial run or a shard can update
    // its own part of a shared baseline; so are cross-source entries a shard could not recompute.
    const audited = new Set(digests.filter((d) => d.status === 'ok').map((d) => d.name));
    const entries = [...record.values()];
    if (existsSync(outputs.writeBaseline)) {
      const previous = await loadBaseline(outputs.writeBaseline);
      for (const e of previous.findings) if (!audited.has(e.source) || (state.shard && corpusRuleIds.has(e.ruleId))) entries.push(e);
    }
    await saveBaseline(outputs.writeBaseline, entries);
  }
  if (outputs.pruneBaseline && state.baseline && baseline) {
    await saveBaseline(state.baseline.file, state.baseline.pruned(baseline.stale));
  }

  await removePartsDir(state.partsDir);
  result.sources = outputs.collect ? full : digests;
  return { result, baseline, written, notes: state.notes };
}
