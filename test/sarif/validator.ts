import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';

// The SARIF 2.1.0 JSON schema as Microsoft's SARIF SDK ships it (2.1.0-rtm.5, JSON Schema draft-04;
// it differs from the OASIS text only in a suppression property credence does not use).
const require = createRequire(import.meta.url);
const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;

// Both are CommonJS: under NodeNext the default import is module.exports, whose `default` is the export.
const Ajv = AjvDraft04.default;
const addFormats = addFormatsModule.default;

// unicodeRegExp off: the schema's language pattern has a stray ']' that only non-Unicode regexps accept.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Validation errors against the official schema, as readable lines (empty when valid). */
export function sarifErrors(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
