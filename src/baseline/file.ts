import { readFile } from 'node:fs/promises';
import { ConfigError } from '../engine/config.js';
import { writeAtomic } from '../report/write.js';
import { sortEntries } from './key.js';
import { BASELINE_SCHEMA, BASELINE_VERSION, BaselineSchema, type Baseline, type BaselineEntry } from './schema.js';

/** Read and validate a baseline file; a problem is a usage error naming the file and the field. */
export async function loadBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read baseline: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: baseline is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = BaselineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${file}: not a credence baseline: ${issue.path.length ? `"${issue.path.join('.')}": ` : ''}${issue.message}`);
  }
  return parsed.data;
}

/** The file's text: versioned, entries sorted, one key per line, so a change reads as a small diff. */
export function formatBaseline(entries: BaselineEntry[]): string {
  const baseline: Baseline = { schema: BASELINE_SCHEMA, version: BASELINE_VERSION, findings: sortEntries(entries) };
  return JSON.stringify(baseline, null, 2) + '\n';
}

export async function saveBaseline(file: string, entries: BaselineEntry[]): Promise<void> {
  await writeAtomic(file, formatBaseline(entries));
}
