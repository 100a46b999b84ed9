import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyBaseline } from '../baseline/apply.js';
import { loadBaseline } from '../baseline/file.js';
import { BaselineIndex } from '../baseline/index.js';
import { DigestInterner, digestOf } from '../batch/digest.js';
import { writeFingerprints, writePart } from '../batch/parts.js';
import { ConfigError } from '../engine/config.js';
import { CheckedAuditResultSchema } from '../claims/kinds/index.js';
import type { RuleMeta, SourceResult } from '../schema/result.js';
import { configFor, partsFolder, prepareRules, VERSION } from './audit.js';
import { finalize, type RunReport } from './finalize.js';
import type { OutputFormat, RunState, SourceEntry, TextSink } from './state.js';

export interface MergeOptions {
  out: string;
  formats?: OutputFormat[];
  configPath?: string;
  cwd?: string;
  baseline?: string;
  writeBaseline?: string;
  pruneBaseline?: boolean;
  text?: TextSink;
  colour?: boolean;
}

/** A report file name not yet used in the merged folder: the shard's own, or it with a number. */
function freeName(name: string, taken: Set<string>): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${stem}-${i}${ext}`;
  taken.add(candidate);
  return candidate;
}

async function readShard(dir: string): Promise<{ audit: ReturnType<typeof CheckedAuditResultSchema.parse>; shard: { index: number; total: number } | null }> {
  const file = path.join(dir, 'audit.json');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `${file}: ${code === 'ENOENT' ? 'no audit.json here (run `credence audit … --out DIR` first)' : `cannot read: ${(err as Error).message}`}`,
    );
  }
  const parsed = CheckedAuditResultSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${file}: not a credence audit.json: "${issue.path.join('.')}": ${issue.message}`);
  }
  return { audit: parsed.data, shard: parsed.data.shard ?? null };
}

/**
 * Combine shard results (each folder's audit.json and HTML reports) into one output folder, as
 * Playwright's merge-reports does: sources in name order, reports copied (renamed on a clash),
 * then the cross-source rules over every source's fingerprints, the baseline, audit.json,
 * index.html and SARIF. Shards are read one at a time.
 */
export async function mergeShards(dirs: string[], options: MergeOptions): Promise<RunReport> {
  const config = await configFor({ configPath: options.configPath, cwd: options.cwd });
  const { resolved, metas } = await prepareRules(config, options.configPath ?? 'credence.config.json');
  const baseline = options.baseline ? new BaselineIndex(options.baseline, await loadBaseline(options.baseline)) : undefined;
  const formats = new Set<OutputFormat>(options.formats ?? ['html', 'json']);
  const partsDir = await partsFolder(options.out);
  const taken = new Set<string>(['index.html']);
  const seen = new Set<string>();
  const entries: SourceEntry[] = [];
  const interner = new DigestInterner();
  const notes: string[] = [];
  const shardsSeen = new Map<number, Set<number>>();
  const ruleUnion = new Map<string, RuleMeta>(metas.map((m) => [m.id, m]));
  let startedAt: string | null = null;
  let interrupted = false;

  for (const dir of dirs) {
    if (path.resolve(dir) === path.resolve(options.out)) throw new ConfigError(`${dir}: the merged output folder must not be one of the shard folders`);
    const { audit, shard } = await readShard(dir);
    if (shard) shardsSeen.set(shard.total, (shardsSeen.get(shard.total) ?? new Set()).add(shard.index));
    if (audit.interrupted) {
      interrupted = true;
      notes.push(`${dir}: that run was interrupted; its sources are incomplete`);
    }
    if (!startedAt || audit.startedAt < startedAt) startedAt = audit.startedAt;
    for (const r of audit.rules) if (!ruleUnion.has(r.id)) ruleUnion.set(r.id, r);
    for (const source of audit.sources as SourceResult[]) {
      if (seen.has(source.name)) {
        notes.push(`${dir}: ${source.name} is also in an earlier folder; kept the first`);
        continue;
      }
      seen.add(source.name);
      if (source.report) {
        const name = freeName(source.report, taken);
        try {
          await copyFile(path.join(dir, source.report), path.join(options.out, name));
          source.report = name;
        } catch {
          notes.push(`${dir}: report ${source.report} of ${source.name} is missing; listed without it`);
          source.report = null;
        }
      }
      if (baseline) applyBaseline(source, baseline.forSource(source.name), config.scoring);
      const part = writePart(partsDir, source);
      const fingerprints = writeFingerprints(partsDir, source.fingerprints ?? {});
      entries.push(interner.entry({ digest: digestOf(source), part, fingerprints }));
    }
  }
  for (const [total, indices] of shardsSeen) {
    const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !indices.has(i));
    if (missing.length) {
      interrupted = true;
      notes.push(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${total}`).join(', ')} missing: the merged result is incomplete`);
    }
  }
  entries.sort((a, b) => (a.digest.name < b.digest.name ? -1 : a.digest.name > b.digest.name ? 1 : 0));

  const state: RunState = {
    startedAt: startedAt ?? new Date().toISOString(),
    version: VERSION,
    metas: [...ruleUnion.values()],
    resolved,
    config,
    partsDir,
    entries,
    interrupted,
    baseline,
    notes,
  };
  return finalize(state, {
    out: options.out,
    formats,
    text: options.text,
    colour: options.colour,
    writeBaseline: options.writeBaseline,
    pruneBaseline: options.pruneBaseline,
  });
}
