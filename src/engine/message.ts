import type { MessageData } from '../schema/finding.js';

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fill `{name}` placeholders; a missing value is a bug in the rule, so it throws. */
export function formatMessage(template: string, data: MessageData, where: string): string {
  return template.replace(PLACEHOLDER, (_, key: string) => {
    if (!Object.hasOwn(data, key)) throw new Error(`${where}: message data has no "${key}"`);
    return String(data[key]);
  });
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}
