import path from 'node:path';
import { loadConfig, resolveRules, CONFIG_FILE } from '../engine/config.js';
import { loadRules } from '../engine/loader.js';
import { ruleMeta } from '../engine/rule.js';
import { expandInputs, type Input } from '../ingest/inputs.js';
import { DEFAULT_MAX_BYTES, readSource, readStdin } from '../ingest/read.js';
import { auditBytes, errorResult, type SourceRef } from '../pipeline/audit-source.js';
import { renderIndex, renderSourceReport } from '../report/html/index.js';
import { reportName } from '../report/names.js';
import { writeAtomic } from '../report/write.js';
import type { Config } from '../schema/config.js';
import { AUDIT_SCHEMA_VERSION, type AuditResult, type SourceResult } from '../schema/result.js';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { summarise } from './summary.js';

export type OutputFormat = 'html' | 'json' | 'text' | 'sarif';

export interface AuditOptions {
  /** Folder for HTML reports and audit.json; nothing is written without it. */
  out?: string;
  formats?: OutputFormat[];
  /** A parsed config, or the path of one; by default credence.config.json in `cwd` if present. */
  config?: Config;
  configPath?: string;
  maxBytes?: number;
  extensions?: string[];
  cwd?: string;
  /** Called as each source finishes (progress, streaming output). */
  onSource?: (result: SourceResult) => void;
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

/** Resolve the config an audit runs with: explicit, a path, or credence.config.json in cwd. */
export async function configFor(options: AuditOptions): Promise<Config> {
  if (options.config) return options.config;
  if (options.configPath) return loadConfig(options.configPath);
  const local = path.join(options.cwd ?? process.cwd(), CONFIG_FILE);
  return existsSync(local) ? loadConfig(local) : { rules: {} };
}

function displayName(input: Input, cwd: string): string {
  if (input.kind === 'stdin') return '<stdin>';
  const rel = path.relative(cwd, input.path);
  return rel.startsWith('..') ? input.path : rel;
}

/**
 * Audit files, folders, globs or "-" (standard input). One bad input never stops the run: it gets
 * an error entry and every other source is audited and written.
 */
export async function audit(paths: string[], options: AuditOptions = {}): Promise<AuditResult> {
  const startedAt = new Date().toISOString();
  const cwd = options.cwd ?? process.cwd();
  const formats = new Set(options.formats ?? ['html', 'json']);
  const config = await configFor(options);
  const rules = await loadRules();
  const resolved = resolveRules(rules, config, options.configPath ?? CONFIG_FILE);
  const metas = rules.map(ruleMeta);
  const inputs = await expandInputs(paths, { cwd, extensions: options.extensions });
  const taken = new Set<string>();
  const sources: SourceResult[] = [];
  const generatedAt = startedAt;

  for (const input of inputs) {
    const ref: SourceRef = { path: input.kind === 'stdin' ? '-' : input.path, name: displayName(input, cwd) };
    let result: SourceResult;
    if (input.kind === 'missing') {
      result = errorResult(ref, { reason: 'missing', message: input.message });
    } else {
      const read = input.kind === 'stdin' ? await readStdin(options.maxBytes ?? DEFAULT_MAX_BYTES) : await readSource(input.path, options.maxBytes);
      if (!read.ok) result = errorResult(ref, read.error, read.bytes);
      else {
        const audited = auditBytes(read.bytes, ref, resolved, config);
        result = audited.result;
        if (options.out && formats.has('html') && audited.context) {
          result.report = reportName(ref.path, taken);
          await writeAtomic(path.join(options.out, result.report), renderSourceReport({ result, context: audited.context, rules: metas, generatedAt }));
        }
      }
    }
    sources.push(result);
    options.onSource?.(result);
  }

  const auditResult: AuditResult = {
    schema: 'credence/audit',
    version: AUDIT_SCHEMA_VERSION,
    tool: { name: 'credence', version: VERSION },
    startedAt,
    finishedAt: new Date().toISOString(),
    interrupted: false,
    rules: metas,
    sources,
    corpusFindings: [],
    summary: summarise(sources),
  };
  if (options.out) {
    if (formats.has('json')) await writeAtomic(path.join(options.out, 'audit.json'), JSON.stringify(auditResult, null, 2) + '\n');
    if (formats.has('html')) await writeAtomic(path.join(options.out, 'index.html'), renderIndex({ audit: auditResult }));
  }
  return auditResult;
}
