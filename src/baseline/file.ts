import { ConfigError, readJsonFile } from '../engine/config.js';
import { writeAtomic } from '../report/write.js';
import { sortEntries } from './key.js';
import { BASELINE_SCHEMA, BASELINE_VERSION, BaselineSchema, type Baseline, type BaselineEntry } from '../schema/baseline.js';

/** Read and validate a baseline file; a problem is a usage error naming the file and the field. */
export async function loadBaseline(file: string): Promise<Baseline> {
  const json = await readJsonFile(file, 'baseline');
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
