import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Rule } from './rule.js';

/** rules/ next to src/ (both in the source tree and in dist/). */
export const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
// Under ts-jest this file is .ts and so are the rules; in the build both are .js.
const EXT = path.extname(fileURLToPath(import.meta.url));

/** Rule files: rules/<family>/<name>.<ext>; `data/` holds data files, not rules. */
export function ruleFiles(dir = RULES_DIR): Array<{ id: string; file: string }> {
  const out: Array<{ id: string; file: string }> = [];
  for (const family of readdirSync(dir, { withFileTypes: true })) {
    if (!family.isDirectory() || family.name === 'data' || family.name.startsWith('.')) continue;
    for (const f of readdirSync(path.join(dir, family.name))) {
      if (!f.endsWith(EXT) || f.endsWith('.d.ts') || f.startsWith('_')) continue;
      out.push({ id: `${family.name}/${f.slice(0, -EXT.length)}`, file: path.join(dir, family.name, f) });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

let cache: Promise<Rule[]> | null = null;

/**
 * Load every rule by scanning the rules folder: adding a rule is adding a file; the engine names none.
 * A module whose default export is not a rule, or whose id does not match its path, is an error.
 */
export function loadRules(dir = RULES_DIR): Promise<Rule[]> {
  if (dir === RULES_DIR && cache) return cache;
  // Sequential on purpose: concurrent dynamic imports of modules sharing dependencies race in
  // Jest's ESM linker ("request for … is not in cache").
  const p = (async () => {
    const rules: Rule[] = [];
    for (const { id, file } of ruleFiles(dir)) {
      const mod = (await import(pathToFileURL(file).href)) as { default?: Rule };
      const rule = mod.default;
      if (!rule || typeof rule !== 'object' || typeof rule.check !== 'function') {
        throw new Error(`${file}: the default export is not a rule (use defineRule)`);
      }
      if (rule.id !== id) throw new Error(`${file}: rule id "${rule.id}" does not match its path "${id}"`);
      rules.push(rule);
    }
    return rules;
  })();
  if (dir === RULES_DIR) cache = p;
  return p;
}
