import type { MessageData } from '../schema/finding.js';

const PLACEHOLDER = /\{(\w+)\}/g;
const SPLIT = /\{(\w+)\}/;

// Rule message templates are few and used for every finding: each is split into literal text and
// placeholder names once (even indexes text, odd indexes names).
const compiled = new Map<string, readonly string[]>();

/** Fill `{name}` placeholders; a missing value is a bug in the rule, so it throws. */
export function formatMessage(template: string, data: MessageData, where: string): string {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = template.split(SPLIT);
    if (compiled.size < 10_000) compiled.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i];
    if (!Object.hasOwn(data, key)) throw new Error(`${where}: message data has no "${key}"`);
    out += String(data[key]) + parts[i + 1];
  }
  return out;
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}
