import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { ConfigSchema, type Config } from '../schema/config.js';
import type { Severity } from '../schema/finding.js';
import type { Rule } from './rule.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const CONFIG_FILE = 'credence.config.json';

function describeIssues(error: z.ZodError, where: string): string {
  return error.issues.map((i) => `${where}: ${i.path.length ? `"${i.path.join('.')}"` : 'the file'}: ${i.message}`).join('\n');
}

/** Read a JSON file the user named (config, baseline); a problem is a ConfigError naming the file. */
export async function readJsonFile(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read ${what}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: ${what} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Read and validate a config file; every problem names the file and the key. */
export async function loadConfig(file: string): Promise<Config> {
  return parseConfig(await readJsonFile(file, 'config'), file);
}

export function parseConfig(json: unknown, where = CONFIG_FILE): Config {
  const r = ConfigSchema.safeParse(json);
  if (!r.success) throw new ConfigError(describeIssues(r.error, where));
  return r.data;
}

/** A rule's bad options, by name: an unknown key lists the options the rule has. */
function describeOptionIssues(error: z.ZodError, rule: Rule, where: string): string {
  const known = Object.keys(rule.options.shape).sort();
  return error.issues
    .map((i) => {
      const at = `${where}: "rules.${rule.id}" options`;
      if (i.code === 'unrecognized_keys') {
        const keys = i.keys.map((k) => `"${k}"`).join(', ');
        // Rules once had their own limit; the engine's, set beside the options, replaced it.
        const hint = i.keys.includes('maxFindings') ? '; a rule\'s limit on findings is set beside its options: { "options": {…}, "maxFindings": n }' : '';
        return `${at}: unknown option${i.keys.length === 1 ? '' : 's'} ${keys} (${rule.id} has ${known.length ? known.join(', ') : 'no options'})${hint}`;
      }
      return `${at}: ${i.path.length ? `"${i.path.join('.')}"` : 'the options'}: ${i.message}`;
    })
    .join('\n');
}

export interface ResolvedRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
  /** Most findings the rule lists for one source; 0 lifts the limit; absent means the default. */
  maxFindings?: number;
}

/** Findings one rule lists for one source unless the config says otherwise. */
export const DEFAULT_MAX_FINDINGS_PER_RULE = 50;

/** Apply a config to the loaded rules: which run, at what severity, with which (validated) options. */
export function resolveRules(rules: Rule[], config: Config, where = CONFIG_FILE): ResolvedRule[] {
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const id of Object.keys(config.rules)) {
    if (!byId.has(id)) throw new ConfigError(`${where}: "rules.${id}": no such rule (see \`credence rules\`)`);
  }
  const out: ResolvedRule[] = [];
  for (const rule of rules) {
    const setting = config.rules[rule.id];
    let enabled = true;
    let severity: Severity = rule.severity;
    let raw: Record<string, unknown> = {};
    let maxFindings = config.maxFindingsPerRule ?? DEFAULT_MAX_FINDINGS_PER_RULE;
    if (setting === 'off') enabled = false;
    else if (setting === 'error' || setting === 'warning' || setting === 'info') severity = setting;
    else if (Array.isArray(setting)) {
      if (setting[0] !== 'on') severity = setting[0];
      raw = setting[1];
    } else if (setting && typeof setting === 'object') {
      enabled = setting.enabled ?? true;
      severity = setting.severity ?? severity;
      raw = setting.options ?? {};
      maxFindings = setting.maxFindings ?? maxFindings;
    }
    if (!enabled) continue;
    const parsed = rule.options.strict().safeParse(raw);
    if (!parsed.success) throw new ConfigError(describeOptionIssues(parsed.error, rule, where));
    out.push({ rule, severity, options: parsed.data, maxFindings });
  }
  return out;
}
