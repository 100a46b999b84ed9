import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBaseline } from '../baseline/file.js';
import { BaselineIndex } from '../baseline/index.js';
import { DigestInterner } from '../batch/digest.js';
import { planInputs, type PlannedInput } from '../batch/inputs.js';
import { freshPartsDir, PARTS_DIR } from '../batch/parts.js';
import { InProcessExecutor, PoolExecutor, type Executor } from '../batch/pool.js';
import { noProgress, type Progress } from '../batch/progress.js';
import { schedule } from '../batch/schedule.js';
import type { Shard } from '../batch/shard.js';
import { settle, type FileTask, type TaskOutcome, type TaskSettings } from '../batch/task.js';
import { CONFIG_FILE, loadConfig, resolveRules } from '../engine/config.js';
import { loadRules } from '../engine/loader.js';
import { ruleMeta } from '../engine/rule.js';
import { DEFAULT_MAX_BYTES, readStdin } from '../ingest/read.js';
import { errorResult } from '../pipeline/audit-source.js';
import { reportName } from '../report/names.js';
import type { Config } from '../schema/config.js';
import type { AuditResult } from '../schema/result.js';
import { finalize, type RunReport } from './finalize.js';
import type { OutputFormat, Outputs, RunState, SourceEntry, TextSink } from './state.js';

export type { OutputFormat, TextSink } from './state.js';
export type { RunReport } from './finalize.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface AuditOptions {
  /** Folder for HTML reports, index.html, audit.json and audit.sarif; nothing is written without it. */
  out?: string;
  formats?: OutputFormat[];
  /** A parsed config, or the path of one; by default credence.config.json in `cwd` if present. */
  config?: Config;
  configPath?: string;
  maxBytes?: number;
  extensions?: string[];
  cwd?: string;
  /**
   * Worker threads. 0 or unset: audit in this thread (no start-up cost, but the per-file time budget
   * cannot stop a runaway file). 1 or more: a pool of that many threads, each file stopped at
   * `timeoutMs`. Needs the build (dist/).
   */
  jobs?: number;
  /** Per-file time budget in ms (default 30 s). */
  timeoutMs?: number;
  /** Audit only this shard of the inputs (the cross-source rules then wait for `merge`). */
  shard?: Shard;
  /** A baseline file whose findings are accepted. */
  baseline?: string;
  writeBaseline?: string;
  pruneBaseline?: boolean;
  /** Abort to stop the run; what finished is written and the result says `interrupted`. */
  signal?: AbortSignal;
  progress?: Progress;
  /** Receives the terminal report as it is produced (the CLI passes it for format "text" or --quiet). */
  text?: TextSink;
  colour?: boolean;
}

export const VERSION: string = (() => {
  try {
    const pkg = fileURLToPath(new URL('../../../package.json', import.meta.url));
    const alt = fileURLToPath(new URL('../../package.json', import.meta.url));
    return (JSON.parse(readFileSync(existsSync(pkg) ? pkg : alt, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
})();

export const DEFAULT_JOBS = availableParallelism();

/** Resolve the config an audit runs with: explicit, a path, or credence.config.json in cwd. */
export async function configFor(options: Pick<AuditOptions, 'config' | 'configPath' | 'cwd'>): Promise<Config> {
  if (options.config) return options.config;
  if (options.configPath) return loadConfig(options.configPath);
  const local = path.join(options.cwd ?? process.cwd(), CONFIG_FILE);
  return existsSync(local) ? loadConfig(local) : { rules: {} };
}

/** The rules, configured (a bad config fails here, before any file is read). */
export async function prepareRules(config: Config, where: string) {
  const rules = await loadRules();
  return { resolved: resolveRules(rules, config, where), metas: rules.map(ruleMeta) };
}

/** Where finished sources are spooled: inside the output folder, or a temporary folder without one. */
export async function partsFolder(out: string | undefined): Promise<string> {
  const dir = out ? path.join(out, PARTS_DIR) : await mkdtemp(path.join(tmpdir(), 'credence-parts-'));
  await freshPartsDir(dir);
  return dir;
}

/**
 * Audit files, folders, globs or "-" (standard input), streaming: at most `jobs` files are in
 * flight, each finished source is spooled to disk, and the outputs are assembled at the end. One
 * bad input never stops the run: it gets an error entry and every other source is audited.
 * Returns the run's report; its `result.sources` are digests (findings without evidence) unless
 * `collect` is set.
 */
export async function runAudit(paths: string[], options: AuditOptions = {}, collect = false): Promise<RunReport> {
  const startedAt = new Date().toISOString();
  const cwd = options.cwd ?? process.cwd();
  const formats = new Set<OutputFormat>(options.formats ?? ['html', 'json']);
  const config = await configFor(options);
  const configWhere = options.configPath ?? CONFIG_FILE;
  const { resolved, metas } = await prepareRules(config, configWhere);
  const baseline = options.baseline ? new BaselineIndex(options.baseline, await loadBaseline(options.baseline)) : undefined;
  const inputs = await planInputs(paths, { cwd, extensions: options.extensions, shard: options.shard });
  const partsDir = await partsFolder(options.out);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const settings: TaskSettings = {
    out: options.out && formats.has('html') ? options.out : null,
    partsDir,
    maxBytes,
    generatedAt: startedAt,
    config,
    configWhere,
  };
  const taken = new Set<string>();
  const reports = inputs.map((i) => (settings.out && i.kind !== 'missing' ? reportName(i.path, taken) : null));
  const progress = options.progress ?? noProgress;
  const executor: Executor = options.jobs && options.jobs > 0 ? new PoolExecutor(settings, options.jobs) : new InProcessExecutor(settings);
  const entries: Array<SourceEntry | undefined> = new Array(inputs.length);
  const interner = new DigestInterner();

  const makeTask = async (i: number): Promise<FileTask | TaskOutcome> => {
    const input: PlannedInput = inputs[i];
    const ref = { path: input.path, name: input.name };
    if (input.kind === 'missing') return settle(settings, i, errorResult(ref, { reason: 'missing', message: input.message }));
    const task: FileTask = { seq: i, ref, report: reports[i], accepted: baseline?.forSource(input.name) ?? [] };
    if (input.kind === 'stdin') {
      const read = await readStdin(maxBytes);
      if (!read.ok) return settle(settings, i, errorResult(ref, read.error, read.bytes));
      task.bytes = read.bytes;
    }
    return task;
  };

  progress.start(inputs.length);
  let completed: boolean;
  try {
    completed = await schedule(inputs.length, makeTask, executor, settings, {
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      signal: options.signal,
      onOutcome: (o) => {
        entries[o.seq] = interner.entry({ digest: o.digest, part: o.part, fingerprints: o.fingerprints });
        progress.tick(o.digest);
      },
    });
  } finally {
    progress.stop(options.signal?.aborted === true);
    await executor.close();
  }

  const state: RunState = {
    startedAt,
    version: VERSION,
    metas,
    resolved,
    config,
    partsDir,
    entries: entries.filter((e): e is SourceEntry => e !== undefined),
    interrupted: !completed,
    shard: options.shard,
    baseline,
    notes: options.shard
      ? [`shard ${options.shard.index}/${options.shard.total}: ${inputs.length} sources; cross-source rules run when the shards are merged (credence merge)`]
      : [],
  };
  const outputs: Outputs = {
    out: options.out ?? null,
    formats,
    text: options.text,
    colour: options.colour,
    collect,
    writeBaseline: options.writeBaseline,
    pruneBaseline: options.pruneBaseline,
  };
  return finalize(state, outputs);
}

/** Library entry point: audit and resolve to the same AuditResult that audit.json holds. */
export async function audit(paths: string[], options: AuditOptions = {}): Promise<AuditResult> {
  return (await runAudit(paths, options, true)).result;
}
