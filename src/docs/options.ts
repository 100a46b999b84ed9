import { z } from 'zod';
import type { OptionsSchema } from '../engine/rule.js';

/** One option of a rule as its page documents it, read from the rule's zod schema. */
export interface OptionDoc {
  name: string;
  /** The accepted values in words: "integer ≥ 1", "number 0–1", "true or false", "one of `a`, `b`". */
  type: string;
  /** The default as JSON, or null when the schema gives none. */
  default: string | null;
  /** The option's `.describe()` text, or null when it has none. */
  description: string | null;
}

type JsonSchema = {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
};

const code = (v: unknown) => `\`${JSON.stringify(v)}\``;

/** A numeric range in words; zod's integer bounds of ±2^53 − 1 say nothing and are left out. */
function range(s: JsonSchema): string {
  const bound = (v: number | undefined) => (v !== undefined && Math.abs(v) < Number.MAX_SAFE_INTEGER ? v : undefined);
  const [min, max, xmin, xmax] = [bound(s.minimum), bound(s.maximum), bound(s.exclusiveMinimum), bound(s.exclusiveMaximum)];
  if (min !== undefined && max !== undefined) return ` ${min}–${max}`;
  const parts = [
    min !== undefined ? `≥ ${min}` : '',
    xmin !== undefined ? `> ${xmin}` : '',
    max !== undefined ? `≤ ${max}` : '',
    xmax !== undefined ? `< ${xmax}` : '',
  ];
  const words = parts.filter(Boolean).join(', ');
  return words ? ` ${words}` : '';
}

/** A JSON schema fragment's accepted values in words. */
export function typeOf(s: JsonSchema): string {
  if (s.enum) return `one of ${s.enum.map(code).join(', ')}`;
  if (s.const !== undefined) return code(s.const);
  if (s.anyOf) return s.anyOf.map(typeOf).join(' or ');
  const type = Array.isArray(s.type) ? s.type.join(' or ') : s.type;
  switch (type) {
    case 'integer':
    case 'number':
      return type + range(s);
    case 'boolean':
      return 'true or false';
    case 'string':
      return s.minLength ? 'non-empty text' : 'text';
    case 'array':
      return s.items ? `list of ${typeOf(s.items)}` : 'list';
    case 'object':
      return 'object';
    default:
      return type ?? 'any value';
  }
}

/** A rule's options, in declaration order, from its schema's JSON-schema form (input side, so defaults show). */
export function optionDocs(schema: OptionsSchema): OptionDoc[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    type: typeOf(s),
    default: s.default === undefined ? null : JSON.stringify(s.default),
    description: s.description ?? null,
  }));
}
