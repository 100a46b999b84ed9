import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveRules } from '../../src/engine/config.js';
import type { AuditContext } from '../../src/engine/context.js';
import { loadRules } from '../../src/engine/loader.js';
import type { Rule } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/run.js';
import { buildContext } from '../../src/pipeline/audit-source.js';
import type { Finding } from '../../src/schema/finding.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS = path.join(ROOT, 'seeds');

/** Parse a document given as a string (format detected from content) into the rules' context. */
export function contextOf(input: string | Uint8Array, name = 'example.txt'): AuditContext {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const built = buildContext(bytes, { path: name, name });
  if (!built.ok) throw new Error(`${name}: ${built.error.message}`);
  return built.context;
}

export async function ruleById(id: string): Promise<Rule> {
  const rule = (await loadRules()).find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** Run one rule (with optional options) on a document; returns its findings (engine errors throw). */
export async function runRule(id: string, input: string | Uint8Array | AuditContext, options: Record<string, unknown> = {}): Promise<Finding[]> {
  const rule = await ruleById(id);
  const ctx = typeof input === 'object' && 'doc' in input ? input : contextOf(input);
  const [resolved] = resolveRules([rule], { rules: { [id]: ['on', options] } });
  const { findings } = runRules(ctx, [resolved]);
  const crash = findings.find((f) => f.ruleId === 'engine/rule-error');
  if (crash) throw new Error(crash.message);
  return findings;
}

/** A seed document by its number prefix ("000"). */
export function seed(prefix: string): { name: string; bytes: Uint8Array } {
  const file = readFileSyncSeed(prefix);
  return { name: path.basename(file), bytes: readFileSync(file) };
}

function readFileSyncSeed(prefix: string): string {
  const f = readdirSync(SEEDS).find((n) => n.startsWith(prefix + '_'));
  if (!f) throw new Error(`no seed ${prefix}`);
  return path.join(SEEDS, f);
}

export function seedContext(prefix: string): AuditContext {
  const s = seed(prefix);
  return contextOf(s.bytes, s.name);
}

/** All quotes of a finding: primary first, then related. */
export function quotes(f: Finding): string[] {
  return [f.primary, ...f.related].filter((e) => e !== null).map((e) => e!.quote);
}
