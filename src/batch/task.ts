import path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { resolveRules, type ResolvedRule } from '../engine/config.js';
import { loadRules } from '../engine/loader.js';
import { ruleMeta } from '../engine/rule.js';
import type { Acceptance } from '../baseline/apply.js';
import { applyBaseline } from '../baseline/apply.js';
import { auditBytes, errorResult, type SourceRef } from '../pipeline/audit-source.js';
import { renderSourceReport } from '../report/html/index.js';
import { writeAtomicSync } from '../report/write.js';
import type { Config } from '../schema/config.js';
import type { RuleMeta, SourceError, SourceResult } from '../schema/result.js';
import { digestOf } from './digest.js';
import { writeFingerprints, writePart, type FingerprintRefs, type PartRef } from './parts.js';
import { readBounded } from './read.js';

/** One source to audit: everything a worker needs, small enough to post to it. */
export interface FileTask {
  seq: number;
  ref: SourceRef;
  /** The bytes, when they cannot be read by path (standard input). */
  bytes?: Uint8Array;
  /** The HTML report's file name inside `out`, or null for none. */
  report: string | null;
  /** Baseline entries for this source. */
  accepted: Acceptance[];
  /** Told when the worker starts on the task, so its time budget excludes waiting for a thread to boot. */
  started?: MessagePort;
}

/** The run-wide settings a worker is started with. */
export interface TaskSettings {
  out: string | null;
  partsDir: string;
  maxBytes: number;
  generatedAt: string;
  config: Config;
  configWhere: string;
}

export interface TaskEnv extends TaskSettings {
  rules: ResolvedRule[];
  metas: RuleMeta[];
}

/** What comes back to the coordinator: where the full result and the fingerprints are, and its slim digest. */
export interface TaskOutcome {
  seq: number;
  part: PartRef;
  fingerprints: FingerprintRefs | null;
  digest: SourceResult;
}

/** Record a result: spool the full result, return its digest. */
export function settle(env: Pick<TaskSettings, 'partsDir'>, seq: number, result: SourceResult): TaskOutcome {
  const part = writePart(env.partsDir, result);
  const fingerprints = writeFingerprints(env.partsDir, result.fingerprints);
  return { seq, part, fingerprints, digest: digestOf(result) };
}

/** Load and configure the rules once per thread. */
export async function createTaskEnv(settings: TaskSettings): Promise<TaskEnv> {
  const rules = await loadRules();
  return { ...settings, rules: resolveRules(rules, settings.config, settings.configWhere), metas: rules.map(ruleMeta) };
}

/** A result for a source that never produced one (timed out, crashed its worker). */
export function failedOutcome(env: Pick<TaskSettings, 'partsDir'>, task: Pick<FileTask, 'seq' | 'ref'>, error: SourceError, durationMs: number): TaskOutcome {
  return settle(env, task.seq, errorResult(task.ref, error, 0, durationMs));
}

/**
 * Audit one source end to end: read it (refusing by size before reading), audit it, apply the
 * baseline, render its HTML report while the parsed document is at hand, spool the result. Its
 * file I/O is synchronous: it runs in a worker thread, which would only wait for it anyway.
 */
export function runFileTask(task: FileTask, env: TaskEnv): TaskOutcome {
  const started = performance.now();
  let bytes = task.bytes;
  if (!bytes) {
    const read = readBounded(task.ref.path, env.maxBytes);
    if (!read.ok) return settle(env, task.seq, errorResult(task.ref, read.error, read.bytes, performance.now() - started));
    bytes = read.bytes;
  }
  const audited = auditBytes(bytes, task.ref, env.rules, env.config);
  const result = audited.result;
  applyBaseline(result, task.accepted, env.config.scoring);
  if (env.out && task.report && audited.context) {
    try {
      result.report = task.report;
      const html = renderSourceReport({ result, context: audited.context, rules: env.metas, generatedAt: env.generatedAt });
      writeAtomicSync(path.join(env.out, task.report), html);
    } catch {
      // The findings stand without their page: the index then lists the source with no link.
      result.report = null;
    }
  }
  result.durationMs = performance.now() - started;
  return settle(env, task.seq, result);
}
